import { and, eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { toMilli } from '../../../domain/affinity.ts';
import { isUuid } from '../../../domain/ids.ts';
import { juryAbilities } from '../../../domain/juryMembership.ts';
import { pairKey, proposalProblems, type PlanPair, type ProposalProblem } from '../../../domain/juryPlanning.ts';
import { refusable, refused, type Outcome, type Refuse } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { ApplicationsService, OfficerTransitionRefusal } from '../../applications/service.ts';
import { affinities, officerContext, planOf, type CallApplication } from '../board.ts';
import type { JuryDeps } from '../deps.ts';
import { mailAssignments } from '../mails.ts';
import { loadRecords, lockJury } from '../records.ts';
import type { Translated } from '../../../domain/translated.ts';
import { assignments } from '../schema.ts';

/** Why pairs are not stored: the jury is closed, a pair does not fit the plan, or an application moved meanwhile. */
export type AssignRefusal = 'jury-closed' | ProposalProblem | OfficerTransitionRefusal;
/** Why an assignment is not taken back: none such on the call, or its evaluation is already submitted. */
export type UnassignRefusal = 'unknown-assignment' | 'evaluated';

/**
 * Stores new pairs with their affinity and starts the review of every eligible application they
 * touch (eligible → under review), in the caller's transaction; refused (rolling it back) when one
 * of those applications has moved meanwhile.
 */
export async function storePairs(
  tx: Transaction,
  refuse: Refuse<OfficerTransitionRefusal>,
  input: {
    transition: ApplicationsService['transitionByOfficer'];
    pairs: readonly PlanPair[];
    source: 'manual' | 'automatic';
    actorId: string;
    funderId: string;
    callId: string;
    affinity: ReadonlyMap<string, number>;
    applications: readonly CallApplication[];
    /** Whom to tell: the jurors given applications get a mail in their language, the call's in theirs. */
    mail: { publicUrl: string; callTitle: Translated; jurors: readonly { id: string; email: string }[] };
  },
): Promise<void> {
  if (!input.pairs.length) return;
  await mailAssignments(tx, input.mail.publicUrl, {
    pairs: input.pairs,
    jurors: input.mail.jurors,
    callTitle: input.mail.callTitle,
    locale: 'fr',
  });
  await tx.insert(assignments).values(
    input.pairs.map((p) => ({
      callId: input.callId,
      jurorId: p.jurorId,
      applicationId: p.applicationId,
      source: input.source,
      affinity: toMilli(input.affinity.get(pairKey(p.jurorId, p.applicationId)) ?? 0),
      createdBy: input.actorId,
    })),
  );
  const touched = new Set(input.pairs.map((p) => p.applicationId));
  for (const application of input.applications) {
    if (touched.has(application.id) && application.status === 'eligible') {
      const moved = await input.transition(tx, {
        applicationId: application.id,
        event: 'start-review',
        actorId: input.actorId,
        funderId: input.funderId,
        reason: 'jury assigned',
      });
      if (!moved.ok) refuse(...moved.refusals);
    }
  }
}

/**
 * An officer assigns one juror to one application. Refused with the reasons (as codes) when the
 * juror is not active, the pair is in conflict or already made, the juror is at capacity, or the
 * application already has its k jurors.
 */
export async function assignManually(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; jurorId: string; applicationId: string },
): Promise<Outcome<void, AssignRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'assign juror');
  const { managed, applications, profiles } = await officerContext(deps, actor, input.callId);
  const call = managed.call;
  if (!juryAbilities(call.status).assign) return refused('jury-closed');
  const pair = { jurorId: input.jurorId, applicationId: input.applicationId };
  return refusable<void, AssignRefusal>(async (refuse) => {
    await inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const records = await loadRecords(tx, call.id);
      const affinity = affinities(records, profiles);
      const [problem, ...more] = proposalProblems(planOf(call.jurySettings, records, applications, affinity), [pair], {
        exact: false,
      });
      if (problem) refuse(problem, ...more);
      await storePairs(tx, refuse, {
        transition: deps.applications.transitionByOfficer,
        pairs: [pair],
        source: 'manual',
        actorId: actor.userId,
        funderId: call.funderId,
        callId: call.id,
        affinity,
        applications,
        mail: { publicUrl: deps.publicUrl, callTitle: call.title, jurors: records.jurors },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'jury.assigned',
        subjectType: 'application',
        subjectId: pair.applicationId,
        after: { jurorId: pair.jurorId, source: 'manual' },
      });
    });
  });
}

/** An officer takes an application back from a juror, unless the juror has already submitted its evaluation. */
export async function unassign(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; assignmentId: string },
): Promise<Outcome<void, UnassignRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'unassign juror');
  const { call } = await deps.calls.callForManagement(actor, input.callId);
  if (!isUuid(input.assignmentId)) return refused('unknown-assignment');
  return refusable<void, UnassignRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const records = await loadRecords(tx, call.id);
      const assignment = records.assignments.find((a) => a.id === input.assignmentId);
      if (!assignment) return refuse('unknown-assignment');
      if (assignment.evaluation === 'submitted') return refuse('evaluated');
      await tx.delete(assignments).where(and(eq(assignments.id, assignment.id), eq(assignments.callId, call.id)));
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: call.funderId,
        action: 'jury.unassigned',
        subjectType: 'application',
        subjectId: assignment.applicationId,
        before: { jurorId: assignment.jurorId, source: assignment.source },
      });
    }),
  );
}
