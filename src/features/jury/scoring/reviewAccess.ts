// The two ways into an application's scores: as a juror assigned to it, or as someone who records
// the consensus (an officer of the call, the panel's chair). Both read outside any transaction,
// since they ask the applications service; commands check again inside theirs with `tx` only.
import { authorize, canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import type { GridRules } from '../../../domain/evaluationGrid.ts';
import { refused, type Outcome } from '../../../domain/refusal.ts';
import { DEFAULT_JURY_SETTINGS, type JurySettings } from '../../../domain/jurySettings.ts';
import type { PublicCall } from '../../calls/service.ts';
import { isConflicted, openAssignment, seatOf } from '../access.ts';
import type { ScoringDeps } from './deps.ts';
import { chairMustSubmitFirst, consensusRole, type ConsensusRole } from './policy.ts';
import { ownEvaluationOf } from './records.ts';

export type Review = Awaited<ReturnType<ScoringDeps['applications']['forReview']>>;

/** The call's jury settings, with defaults for anything a call saved before a setting existed. */
export function settingsOf(call: PublicCall): JurySettings {
  return { ...DEFAULT_JURY_SETTINGS, ...call.jurySettings };
}

export function gridRulesOf(call: PublicCall): GridRules {
  return { criteria: call.evaluationCriteria, halfPoints: settingsOf(call).halfPoints };
}

/** The application as the assigned juror opens it; "not found" for anyone else, conflicted jurors included. */
export async function openForJuror(deps: ScoringDeps, actor: MaybeActor, applicationId: string) {
  authorize(actor, true, 'score application');
  const review = await deps.applications.forReview(applicationId);
  const { seat, assignment } = await openAssignment(deps.db, actor, review.application);
  const call = review.context.call;
  return { review, seat, assignment, call, rules: gridRulesOf(call) };
}

/** A chair who also scores the application has not submitted their own evaluation yet. */
export type ConsensusAccessRefusal = 'own-evaluation-first';

export interface ConsensusAccess {
  review: Review;
  call: PublicCall;
  role: ConsensusRole;
  rules: GridRules;
}

/**
 * The application for whoever records its consensus; "not found" for anyone else, ordinary jurors
 * included. A chair who also scores it and has not submitted yet is refused, so as not to anchor.
 */
export async function openForConsensus(
  deps: ScoringDeps,
  actor: MaybeActor,
  applicationId: string,
): Promise<Outcome<ConsensusAccess, ConsensusAccessRefusal>> {
  authorize(actor, true, 'record consensus');
  const review = await deps.applications.forReview(applicationId);
  const call = review.context.call;
  const managesCall = canManageCalls(actor, call.funderId);
  const seat = managesCall ? null : await seatOf(deps.db, actor, call.id);
  const conflicted = seat ? await isConflicted(deps.db, seat.id, review.application) : false;
  const everSubmitted = review.application.submittedAt !== null;
  const role = consensusRole({ managesCall, seat, conflicted, everSubmitted });
  if (!role) throw new NotFoundError('application');
  const ownEvaluation = seat ? await ownEvaluationOf(deps.db, seat.id, review.application.id) : 'not-assigned';
  if (
    chairMustSubmitFirst({ role, ownEvaluation, hideOthersUntilSubmitted: settingsOf(call).hideOthersUntilSubmitted })
  )
    return refused('own-evaluation-first');
  return { ok: true, value: { review, call, role, rules: gridRulesOf(call) } };
}
