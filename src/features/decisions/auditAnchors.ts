import { isNotNull } from 'drizzle-orm';
import type { AuditAnchor } from '../../platform/audit/audit.ts';
import type { Executor } from '../../platform/db/client.ts';
import { callDecisions } from './schema.ts';

/**
 * The audit chain's head as each decision recorded it when it was taken: anchors that
 * `octroi audit verify` holds the trail to, kept in records that are published and cited.
 */
export async function decisionAuditAnchors(db: Executor): Promise<AuditAnchor[]> {
  const rows = await db
    .select({ callId: callDecisions.callId, seq: callDecisions.auditSeq, hash: callDecisions.auditHash })
    .from(callDecisions)
    .where(isNotNull(callDecisions.auditSeq));
  return rows.map((r) => ({ seq: r.seq!, hash: r.hash ?? '', source: `decision of call ${r.callId}` }));
}
