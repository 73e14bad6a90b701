import { eq } from 'drizzle-orm';
import { grantContext, trancheContext, type Grant } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
import type { GrantReport } from '../../../domain/grants/reportLifecycle.ts';
import { trancheLifecycle } from '../../../domain/grants/trancheLifecycle.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { grantRecord } from '../access.ts';
import { grants, grantTranches } from '../schema.ts';

/**
 * The hook the reports feature calls in the transaction that approves a report: with the grant's reports as they
 * now stand, an approved final report moves the grant active → final-report-approved, and the tranches whose
 * condition is now met (an interim report approved, the final one) fall due, released by their condition as at
 * the countersignature (any officer may approve them). Returns how many tranches fell due.
 */
export async function releaseReportTranches(
  tx: Transaction,
  grantId: string,
  reports: readonly GrantReport[],
  now: Date,
): Promise<{ status: Grant['status']; due: number }> {
  const record = await grantRecord(tx, grantId, tx);
  if (!record) return { status: 'offered', due: 0 };
  let after: Grant = { ...record.grant, reports };
  const moved = grantLifecycle.transition(after.status, 'approve-final-report', grantContext(after, now));
  if (moved.ok) after = { ...after, status: moved.value };
  let due = 0;
  for (const [i, t] of after.tranches.entries()) {
    const made = trancheLifecycle.transition(
      t.status,
      'make-due',
      trancheContext(after, t, now, { secondApprovalAboveCents: null }),
    );
    if (!made.ok) continue;
    const stored = record.tranches[i]!;
    await tx
      .update(grantTranches)
      .set({ status: made.value, madeDueAt: now, version: stored.version + 1 })
      .where(eq(grantTranches.id, stored.id));
    after = { ...after, tranches: after.tranches.map((x, j) => (j === i ? { ...x, status: made.value } : x)) };
    due++;
  }
  if (after.status !== record.row.status)
    await tx
      .update(grants)
      .set({ status: after.status, version: record.row.version + 1 })
      .where(eq(grants.id, grantId));
  return { status: after.status, due };
}
