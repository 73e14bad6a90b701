import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { isUuid } from '../../../domain/ids.ts';
import { mayBeRemindedOrWithdrawn } from '../../../domain/juryMembership.ts';
import { refusable, refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { JuryDeps } from '../deps.ts';
import { lockJury } from '../records.ts';
import { assignments, evaluations, jurors } from '../schema.ts';

/** Why no one is withdrawn: no such juror on the call, or already withdrawn. */
export type WithdrawJurorRefusal = 'unknown-juror' | 'already-withdrawn';

/**
 * A juror steps down (or is stood down) with a reason. Their assignments not yet evaluated are
 * removed, which leaves gaps the next assignment fills; submitted evaluations stay and count.
 * The invitation link, if still unused, stops working. Returns how many assignments were removed.
 */
export async function withdrawJuror(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId: string; reason: string; now?: Date },
): Promise<Outcome<number, WithdrawJurorRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'withdraw juror');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  if (!isUuid(input.jurorId)) return refused('unknown-juror');
  return refusable<number, WithdrawJurorRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const [juror] = await tx
        .select()
        .from(jurors)
        .where(and(eq(jurors.id, input.jurorId), eq(jurors.callId, call.id)));
      if (!juror) return refuse('unknown-juror');
      if (!mayBeRemindedOrWithdrawn(juror)) return refuse('already-withdrawn');
      const open = await tx
        .select({ id: assignments.id, applicationId: assignments.applicationId })
        .from(assignments)
        .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
        .where(
          and(
            eq(assignments.jurorId, juror.id),
            or(isNull(evaluations.status), eq(evaluations.status, 'draft')) as SQL,
          ),
        );
      if (open.length)
        await tx.delete(assignments).where(
          inArray(
            assignments.id,
            open.map((a) => a.id),
          ),
        );
      await tx
        .update(jurors)
        .set({ status: 'withdrawn', withdrawnAt: input.now ?? new Date(), invitationHash: null })
        .where(eq(jurors.id, juror.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'jury.juror-withdrawn',
        subjectType: 'juror',
        subjectId: juror.id,
        before: { status: juror.status },
        after: { status: 'withdrawn', removedAssignments: open.map((a) => a.applicationId) },
        reason: input.reason,
      });
      return open.length;
    }),
  );
}
