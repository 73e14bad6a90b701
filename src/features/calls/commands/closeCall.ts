import { and, eq, lte, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../schema.ts';
import { callForChange } from './updateCall.ts';

/** An officer closes a published call before its deadline (an error in the call, a budget withdrawn). */
export async function closeCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; reason: string },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'close call');
    if (call.status !== 'published') throw new RuleViolationError(['not-published']);
    await tx
      .update(calls)
      .set({ status: 'closed', version: sql`${calls.version} + 1` })
      .where(eq(calls.id, call.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.closed',
      subjectType: 'call',
      subjectId: call.id,
      before: { status: 'published' },
      after: { status: 'closed' },
      reason: input.reason,
    });
  });
}

/**
 * The clock closes calls whose deadline has passed. Submission never depends on this having run
 * (it checks the deadline itself); this only makes the status say what the clock already decided.
 */
export async function closeCallsPastDeadline(deps: CommandDeps, now = new Date()): Promise<number> {
  return inTransaction(deps, async (tx) => {
    const closed = await tx
      .update(calls)
      .set({ status: 'closed', version: sql`${calls.version} + 1` })
      .where(and(eq(calls.status, 'published'), lte(calls.closesAt, now)))
      .returning({ id: calls.id, funderId: calls.funderId });
    for (const c of closed) {
      await recordAudit(tx, {
        actorId: null,
        funderId: c.funderId,
        action: 'call.closed',
        subjectType: 'call',
        subjectId: c.id,
        before: { status: 'published' },
        after: { status: 'closed' },
        reason: 'deadline passed',
      });
    }
    return closed.length;
  });
}
