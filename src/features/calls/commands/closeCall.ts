import { and, eq, lte } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { CallTransitionError } from '../../../domain/callLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { calls } from '../schema.ts';
import { transitionCall } from './transitionCall.ts';

export type CloseCallRefusal = 'reason-required' | CallTransitionError;

/**
 * An officer closes a published call before its deadline (an error in the call, a budget
 * withdrawn), with a reason: from then on it takes no application, and its pages say when it closed.
 */
export async function closeCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; reason: string; now?: Date },
): Promise<Outcome<void, CloseCallRefusal>> {
  const now = input.now ?? new Date();
  return refusable(async (refuse) => {
    const reason = input.reason.trim();
    if (!reason) refuse('reason-required');
    await inTransaction(deps, async (tx) => {
      const call = await loadCall(tx, input.actor, input.callId, { action: 'closeEarly', lock: tx, now });
      const moved = await transitionCall(tx, {
        callId: call.record.id,
        event: 'close-early',
        actorId: signedIn(call).userId,
        reason,
        now,
      });
      if (!moved.ok) refuse(moved.error);
    });
  });
}

/**
 * The clock closes calls whose deadline has passed. Submission never depends on this having run
 * (it checks the deadline itself); this only makes the status say what the clock already decided.
 */
export async function closeCallsPastDeadline(deps: CommandDeps, now = new Date()): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const due = await tx
      .select({ id: calls.id })
      .from(calls)
      .where(and(eq(calls.status, 'published'), lte(calls.closesAt, now)));
    let closed = 0;
    for (const call of due) {
      const moved = await transitionCall(tx, {
        callId: call.id,
        event: 'close-at-deadline',
        actorId: null,
        reason: 'deadline passed',
        now,
      });
      if (moved.ok) closed += 1;
    }
    return closed;
  });
}
