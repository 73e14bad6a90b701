import { eq, sql } from 'drizzle-orm';
import {
  transitionCall as nextStatus,
  type CallEvent,
  type CallStatus,
  type CallTransitionError,
} from '../../../domain/callLifecycle.ts';
import { err, ok, type Result } from '../../../domain/result.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { calls } from '../schema.ts';

export interface CallTransition {
  callId: string;
  event: CallEvent;
  /** Null when the clock acts. */
  actorId: string | null;
  reason?: string | null;
  now: Date;
}

/**
 * Moves a call through its lifecycle table inside the caller's transaction: the row is re-read under
 * lock, the table decides, and the status, the call's version and the audit row change together.
 * Every feature moves calls only through this (the service hands it out). It does not authorise:
 * its callers have loaded the call for an actor allowed to act, or are the clock.
 */
export async function transitionCall(
  tx: Transaction,
  input: CallTransition,
): Promise<Result<CallStatus, CallTransitionError>> {
  const [call] = await tx.select().from(calls).where(eq(calls.id, input.callId)).for('update');
  if (!call) return err('invalid-transition');
  const moved = nextStatus(call.status, input.event, { now: input.now, closesAt: call.closesAt });
  if (!moved.ok) return moved;
  // At the deadline the call closed at its deadline instant, whenever the clock noticed.
  const closedAt = { 'close-early': input.now, 'close-at-deadline': call.closesAt }[input.event as string];
  await tx
    .update(calls)
    .set({ status: moved.value, version: sql`${calls.version} + 1`, ...(closedAt ? { closedAt } : {}) })
    .where(eq(calls.id, call.id));
  await recordAudit(tx, {
    actorId: input.actorId,
    funderId: call.funderId,
    action: `call.${input.event}`,
    subjectType: 'call',
    subjectId: call.id,
    before: { status: call.status },
    after: { status: moved.value },
    reason: input.reason ?? null,
  });
  return ok(moved.value);
}

/**
 * Moves a call on to the phase its work has reached (screening, evaluation, deliberation, follow-up)
 * when the table allows it from where the call stands, and does nothing otherwise: the work that
 * starts a phase may happen before (screening while the call is still open) or after it.
 */
export async function advanceCall(tx: Transaction, input: CallTransition): Promise<void> {
  await transitionCall(tx, input);
}
