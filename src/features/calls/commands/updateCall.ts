import { and, eq, sql } from 'drizzle-orm';
import { authorize, canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import type { CallInput } from '../forms.ts';
import { calls } from '../schema.ts';

/**
 * Loads a call for a change by an officer of its funder, locked until the transaction ends. To
 * anyone else the call's management side does not exist, as on its pages.
 */
export async function callForChange(tx: Transaction, actor: MaybeActor, callId: string, action: string) {
  authorize(actor, true, action);
  if (!isUuid(callId)) throw new NotFoundError('call');
  const [call] = await tx.select().from(calls).where(eq(calls.id, callId)).for('update');
  if (!call || !canManageCalls(actor, call.funderId)) throw new NotFoundError('call');
  return { call, actor };
}

/**
 * Saves the general part of a call if nobody changed it since `version`. The funder cannot change:
 * a call's records all belong to the funder that created it. Changes after publication (a deadline
 * moved, a budget raised) are allowed and recorded with their before and after.
 */
export async function updateCall(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; call: CallInput },
): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'edit call');
    if (call.version !== input.version) throw new RuleViolationError(['stale']);
    const { funderId: _ignored, ...changes } = input.call;
    const clash = await tx
      .select({ id: calls.id })
      .from(calls)
      .where(and(eq(calls.code, changes.code), sql`${calls.id} <> ${call.id}`));
    if (clash.length) throw new RuleViolationError(['code-taken']);
    await tx
      .update(calls)
      .set({ ...changes, version: sql`${calls.version} + 1` })
      .where(eq(calls.id, call.id));
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, call[k as keyof typeof call]]));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.updated',
      subjectType: 'call',
      subjectId: call.id,
      before,
      after: changes,
    });
  });
}
