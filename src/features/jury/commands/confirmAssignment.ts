import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { juryAbilities } from '../../../domain/juryMembership.ts';
import { proposalProblems, type PlanPair } from '../../../domain/juryPlanning.ts';
import { refusable, refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { affinities, officerContext, planOf } from '../board.ts';
import type { JuryDeps } from '../deps.ts';
import { loadRecords, lockJury } from '../records.ts';
import { storePairs, type AssignRefusal } from './assign.ts';

/** Why a previewed assignment is not stored: an assignment's refusals, or no pairs at all. */
export type ConfirmAssignmentRefusal = AssignRefusal | 'empty';

/**
 * Stores the automatic assignment the officer saw in the preview, if it still fits the jury as it
 * is now: every pair free of conflict and new, every juror within capacity, and every application
 * it touches ending with exactly k jurors. Otherwise nothing is stored and the problems say why
 * (typically: something changed since the preview; compute it again). Eligible applications move
 * to "under review" in the same transaction. Returns how many pairs were stored.
 */
export async function confirmAssignment(
  deps: JuryDeps,
  input: { actor: MaybeActor; callId: string; pairs: readonly PlanPair[] },
): Promise<Outcome<number, ConfirmAssignmentRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'confirm assignment');
  const { managed, applications, profiles } = await officerContext(deps, actor, input.callId);
  const call = managed.call;
  if (!juryAbilities(call.status).assign) return refused('jury-closed');
  if (!input.pairs.length) return refused('empty');
  return refusable<number, ConfirmAssignmentRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await lockJury(tx, call.id);
      const records = await loadRecords(tx, call.id);
      const affinity = affinities(records, profiles);
      const [problem, ...more] = proposalProblems(
        planOf(call.jurySettings, records, applications, affinity),
        input.pairs,
        { exact: true },
      );
      if (problem) refuse(problem, ...more);
      await storePairs(tx, refuse, {
        transition: deps.applications.transitionByOfficer,
        pairs: input.pairs,
        source: 'automatic',
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
        action: 'jury.assignment-confirmed',
        subjectType: 'call',
        subjectId: call.id,
        after: {
          pairs: input.pairs.map((p) => [p.jurorId, p.applicationId]),
          k: call.jurySettings.reviewersPerApplication,
        },
      });
      return input.pairs.length;
    }),
  );
}
