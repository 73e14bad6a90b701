import { and, eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { JuryDeps } from '../deps.ts';
import { lockJury } from '../records.ts';
import { jurors } from '../schema.ts';

/**
 * An officer sets how many applications a juror scores at most (null: the call's default) and at
 * least (null: no minimum). Existing assignments stay; the limits bind the next assignments.
 */
export async function setJurorLimits(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId: string; capacity: number | null; minLoad: number | null },
): Promise<void> {
  const actor = input.actor;
  authorize(actor, true, 'set juror limits');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  if (!isUuid(input.jurorId)) throw new RuleViolationError(['unknown-juror']);
  const capacity = input.capacity ?? call.jurySettings.defaultCapacity;
  if (input.minLoad !== null && input.minLoad > capacity) throw new RuleViolationError(['min-above-capacity']);
  await inTransaction(deps, async (tx) => {
    await lockJury(tx, call.id);
    const [juror] = await tx
      .select()
      .from(jurors)
      .where(and(eq(jurors.id, input.jurorId), eq(jurors.callId, call.id)));
    if (!juror) throw new RuleViolationError(['unknown-juror']);
    await tx.update(jurors).set({ capacity: input.capacity, minLoad: input.minLoad }).where(eq(jurors.id, juror.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'jury.juror-limits-set',
      subjectType: 'juror',
      subjectId: juror.id,
      before: { capacity: juror.capacity, minLoad: juror.minLoad },
      after: { capacity: input.capacity, minLoad: input.minLoad },
    });
  });
}
