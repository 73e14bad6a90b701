import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { trancheLifecycle, type TrancheContext, type TrancheEvent } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadBatch } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantTranches, paymentBatches } from '../schema.ts';

export type BatchOutcomeRefusal = 'not-now' | 'unknown-tranche';

// The transitions these commands make read no context: mark-paid, fail and return have no guard.
const NO_CONTEXT = {} as TrancheContext;

/**
 * The bank executed the batch: every tranche still in it is paid, on `now`, and the batch with them, in one
 * transaction (the tranches one of the bank's reports rejected are marked failed first, one by one).
 */
export async function markBatchPaid(
  deps: GrantsDeps,
  input: { actor: MaybeActor; batchId: string; now?: Date },
): Promise<Outcome<{ paid: number }, BatchOutcomeRefusal>> {
  const now = input.now ?? new Date();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const batch = await loadBatch(tx, input.actor, input.batchId, { action: 'recordOutcome', lock: tx });
      if (!batch.can.recordOutcome) return refuse('not-now');
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
          .set({ status: moved.value, paidAt: now, version: t.version + 1 })
          .where(eq(grantTranches.id, t.id));
      }
      await tx
        .update(paymentBatches)
        .set({ status: 'paid', paidBy: actorId, paidAt: now })
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

/**
 * One transfer of a batch did not reach the grantee: rejected before the batch was paid (`failed`), or sent
 * back after (`returned`). The tranche leaves the paid money in the ledger and waits to be paid again.
 */
export async function recordTrancheFailure(
  deps: GrantsDeps,
  input: { actor: MaybeActor; batchId: string; trancheId: string; outcome: 'failed' | 'returned' },
): Promise<Outcome<void, BatchOutcomeRefusal>> {
  const action = input.outcome === 'failed' ? 'recordOutcome' : 'recordReturn';
  const event: TrancheEvent = input.outcome === 'failed' ? 'fail' : 'return';
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const batch = await loadBatch(tx, input.actor, input.batchId, { action, lock: tx });
      if (!batch.can[action]) return refuse('not-now');
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
      });
    }),
  );
}
