import type { AuditAnchor } from './platform/audit/audit.ts';
import { checkpointAnchors } from './platform/audit/checkpoints.ts';
import type { Executor } from './platform/db/client.ts';
import { decisionAuditAnchors } from './features/decisions/auditAnchors.ts';

/**
 * Every copy of the audit chain's head kept outside its table — the checkpoints (table and file)
 * and each decision's record — that `octroi audit verify` and the administration hold the table to.
 */
export async function auditAnchors(db: Executor, dataDir: string): Promise<AuditAnchor[]> {
  return [...(await checkpointAnchors(db, dataDir)), ...(await decisionAuditAnchors(db))];
}
