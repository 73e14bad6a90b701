import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { brusselsToInstant, instantToBrussels } from '../../../domain/brusselsTime.ts';
import { trancheLifecycle, type TrancheContext, type TrancheEvent } from '../../../domain/grants/trancheLifecycle.ts';
import { isUuid } from '../../../domain/ids.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadBatch } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantTranches, paymentBatches } from '../schema.ts';

export type BatchOutcomeRefusal = 'not-now' | 'already-paid' | 'unknown-tranche' | 'paid-on';

// The transitions these commands make read no context: mark-paid, fail and return have no guard.
const NO_CONTEXT = {} as TrancheContext;

/**
 * The bank executed the batch: every tranche still in it is paid, on `now` (or at noon on `paidOn`, a Brussels
 * date between the batch's making and today, when the accounting system tells it later), and the batch with
 * them, in one transaction (the tranches one of the bank's reports rejected are marked failed first, one by
 * one). A batch already paid is refused as such, so telling it twice changes nothing.
 */
export async function markBatchPaid(
  deps: GrantsDeps,
  input: { actor: MaybeActor; batchId: string; paidOn?: string; now?: Date },
): Promise<Outcome<{ paid: number }, BatchOutcomeRefusal>> {
  const now = input.now ?? new Date();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const batch = await loadBatch(tx, input.actor, input.batchId, { action: 'recordOutcome', lock: tx });
      if (batch.record.status === 'paid') return refuse('already-paid');
      if (!batch.can.recordOutcome) return refuse('not-now');
      const paidAt = paidAtOn(input.paidOn, batch.record.createdAt, now);
      if (!paidAt) return refuse('paid-on');
      const actorId = signedIn(batch).userId;
      const tranches = await tx
        .select()
        .from(grantTranches)
        .where(and(eq(grantTranches.batchId, batch.record.id), eq(grantTranches.status, 'in-batch')))
        .for('update');
      for (const t of tranches) {
        const moved = trancheLifecycle.transition(t.status, 'mark-paid', NO_CONTEXT);
        if (!moved.ok) return refuse('not-now');
        await tx
          .update(grantTranches)
          .set({ status: moved.value, paidAt, version: t.version + 1 })
          .where(eq(grantTranches.id, t.id));
      }
      await tx
        .update(paymentBatches)
        .set({ status: 'paid', paidBy: actorId, paidAt })
        .where(eq(paymentBatches.id, batch.record.id));
      await recordAudit(tx, {
        actorId,
        funderId: batch.record.funderId,
        action: 'grant.batch-paid',
        subjectType: 'payment-batch',
        subjectId: batch.record.id,
        after: { paid: tranches.length, tranches: tranches.map((t) => t.id) },
      });
      return { paid: tranches.length };
    }),
  );
}

/** When a batch was paid: now, unless told a day; null for a day in the future or before the batch was made. */
function paidAtOn(paidOn: string | undefined, createdAt: Date, now: Date): Date | null {
  const today = instantToBrussels(now).date;
  if (paidOn === undefined || paidOn === today) return now;
  if (paidOn > today || paidOn < instantToBrussels(createdAt).date) return null;
  const noon = brusselsToInstant(paidOn, '12:00');
  return noon.ok ? noon.value : null;
}

/**
 * One transfer of a batch did not reach the grantee: rejected before the batch was paid (`failed`), or sent
 * back after (`returned`). The tranche leaves the paid money in the ledger and waits to be paid again. The
 * bank's reason goes into the audit row.
 */
export async function recordTrancheFailure(
  deps: GrantsDeps,
  input: { actor: MaybeActor; batchId: string; trancheId: string; outcome: 'failed' | 'returned'; reason: string },
): Promise<Outcome<void, BatchOutcomeRefusal>> {
  const action = input.outcome === 'failed' ? 'recordOutcome' : 'recordReturn';
  const event: TrancheEvent = input.outcome === 'failed' ? 'fail' : 'return';
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const batch = await loadBatch(tx, input.actor, input.batchId, { action, lock: tx });
      if (action === 'recordOutcome' && batch.record.status === 'paid') return refuse('already-paid');
      if (!batch.can[action]) return refuse('not-now');
      // Compared with a uuid column, any other text would be a database error rather than "not in this batch".
      if (!isUuid(input.trancheId)) return refuse('unknown-tranche');
      const [t] = await tx
        .select()
        .from(grantTranches)
        .where(and(eq(grantTranches.id, input.trancheId), eq(grantTranches.batchId, batch.record.id)))
        .for('update');
      if (!t) return refuse('unknown-tranche');
      const moved = trancheLifecycle.transition(t.status, event, NO_CONTEXT);
      if (!moved.ok) return refuse('not-now');
      await tx
        .update(grantTranches)
        .set({ status: moved.value, paidAt: null, version: t.version + 1 })
        .where(eq(grantTranches.id, t.id));
      await recordAudit(tx, {
        actorId: signedIn(batch).userId,
        funderId: batch.record.funderId,
        action: `grant.tranche-${input.outcome}`,
        subjectType: 'payment-batch',
        subjectId: batch.record.id,
        after: { tranche: t.id, status: moved.value },
        reason: input.reason,
      });
    }),
  );
}
