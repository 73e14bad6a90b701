import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { mayDeclare } from '../../../domain/juryMembership.ts';
import { refusable, type Outcome, type Refuse } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { seatOf } from '../access.ts';
import { callApplications, type CallApplication } from '../board.ts';
import type { JuryDeps } from '../deps.ts';
import { lockJury } from '../records.ts';
import { assignments, conflicts, evaluations, jurors } from '../schema.ts';

/** With whom: a whole organisation (all its applications) or one application of the call. */
export type ConflictTarget = { organisationId: string } | { applicationId: string };

/** Why a juror's conflict is not recorded: the target is none of the call's applications or organisations, or it is already on record. */
export type DeclareConflictRefusal = 'unknown-target' | 'already-declared';
/** Why an officer's record of a conflict is not kept: a juror's refusals, or no such juror on the call. */
export type RecordConflictRefusal = DeclareConflictRefusal | 'unknown-juror';

/** Whether the target is one of the call's submitted applications or one of their organisations. */
function isTarget(target: ConflictTarget, applications: readonly CallApplication[]): boolean {
  return 'organisationId' in target
    ? applications.some((a) => a.organisationId === target.organisationId)
    : applications.some((a) => a.id === target.applicationId);
}

/**
 * Records the conflict and removes the juror's assignments it touches, unless already evaluated
 * (a submitted evaluation stays on record, and no longer counts: see records.ts `counts`).
 */
async function addConflict(
  tx: Transaction,
  refuse: Refuse<DeclareConflictRefusal>,
  input: {
    jurorId: string;
    target: ConflictTarget;
    reason: string;
    declaredBy: string;
    funderId: string;
    action: string;
    applications: readonly CallApplication[];
  },
): Promise<void> {
  const { target } = input;
  const existing =
    'organisationId' in target
      ? eq(conflicts.organisationId, target.organisationId)
      : eq(conflicts.applicationId, target.applicationId);
  const [known] = await tx
    .select({ id: conflicts.id })
    .from(conflicts)
    .where(and(eq(conflicts.jurorId, input.jurorId), existing));
  if (known) refuse('already-declared');
  const values =
    'organisationId' in target ? { organisationId: target.organisationId } : { applicationId: target.applicationId };
  const [row] = await tx
    .insert(conflicts)
    .values({ jurorId: input.jurorId, ...values, reason: input.reason, declaredBy: input.declaredBy })
    .returning({ id: conflicts.id });
  const touched =
    'organisationId' in target
      ? input.applications.filter((a) => a.organisationId === target.organisationId).map((a) => a.id)
      : [target.applicationId];
  const removable = touched.length
    ? await tx
        .select({ id: assignments.id, applicationId: assignments.applicationId })
        .from(assignments)
        .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
        .where(
          and(
            eq(assignments.jurorId, input.jurorId),
            inArray(assignments.applicationId, touched),
            or(isNull(evaluations.status), eq(evaluations.status, 'draft')) as SQL,
          ),
        )
    : [];
  if (removable.length)
    await tx.delete(assignments).where(
      inArray(
        assignments.id,
        removable.map((r) => r.id),
      ),
    );
  await recordAudit(tx, {
    actorId: input.declaredBy,
    funderId: input.funderId,
    action: input.action,
    subjectType: 'juror',
    subjectId: input.jurorId,
    after: {
      conflictId: row!.id,
      ...values,
      reason: input.reason,
      removedAssignments: removable.map((r) => r.applicationId),
    },
  });
}

/** A juror declares a conflict of interest on a call where they sit (accepted, not withdrawn). */
export async function declareConflict(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; target: ConflictTarget; reason: string },
): Promise<Outcome<void, DeclareConflictRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'declare conflict');
  const seat = await seatOf(deps.db, actor, input.callId);
  if (!seat || !mayDeclare(seat)) throw new NotFoundError('seat');
  const call = await deps.calls.publicCall(input.callId);
  const applications = await callApplications(deps, input.callId);
  return refusable<void, DeclareConflictRefusal>(async (refuse) => {
    if (!isTarget(input.target, applications)) refuse('unknown-target');
    await inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      await addConflict(tx, refuse, {
        jurorId: seat.id,
        target: input.target,
        reason: input.reason,
        declaredBy: actor.userId,
        funderId: call.funderId,
        action: 'jury.conflict-declared',
        applications,
      });
    });
  });
}

/** An officer of the call records a conflict they know of, for any juror of the call. */
export async function recordConflict(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId: string; target: ConflictTarget; reason: string },
): Promise<Outcome<void, RecordConflictRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'record conflict');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  const applications = await callApplications(deps, input.callId);
  return refusable<void, RecordConflictRefusal>(async (refuse) => {
    if (!isTarget(input.target, applications)) refuse('unknown-target');
    if (!isUuid(input.jurorId)) refuse('unknown-juror');
    await inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const [juror] = await tx
        .select({ id: jurors.id })
        .from(jurors)
        .where(and(eq(jurors.id, input.jurorId), eq(jurors.callId, call.id)));
      if (!juror) return refuse('unknown-juror');
      await addConflict(tx, refuse, {
        jurorId: juror.id,
        target: input.target,
        reason: input.reason,
        declaredBy: actor.userId,
        funderId: call.funderId,
        action: 'jury.conflict-recorded',
        applications,
      });
    });
  });
}
