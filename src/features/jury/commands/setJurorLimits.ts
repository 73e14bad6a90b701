import { and, eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { JuryDeps } from '../deps.ts';
import { lockJury } from '../records.ts';
import { jurors } from '../schema.ts';

/** Why limits are not set: no such juror on the call, or a minimum above the maximum. */
export type SetJurorLimitsRefusal = 'unknown-juror' | 'min-above-capacity';

/**
 * An officer sets how many applications a juror scores at most (null: the call's default) and at
 * least (null: no minimum). Existing assignments stay; the limits bind the next assignments.
 */
export async function setJurorLimits(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId: string; capacity: number | null; minLoad: number | null },
): Promise<Outcome<void, SetJurorLimitsRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'set juror limits');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  return refusable<void, SetJurorLimitsRefusal>(async (refuse) => {
    if (!isUuid(input.jurorId)) refuse('unknown-juror');
    const capacity = input.capacity ?? call.jurySettings.defaultCapacity;
    if (input.minLoad !== null && input.minLoad > capacity) refuse('min-above-capacity');
    await inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const [juror] = await tx
        .select()
        .from(jurors)
        .where(and(eq(jurors.id, input.jurorId), eq(jurors.callId, call.id)));
      if (!juror) return refuse('unknown-juror');
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
  });
}
