// Who may do what with evaluations and consensus: pure predicates, tested as a table, and the
// abilities the pages receive so that they never decide on their own.
import type { ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import type { JurorStatus } from '../schema.ts';

/** An application is scored while it is under review; after that the evaluations are on record. */
export const SCORING_OPEN: readonly ApplicationStatus[] = ['under-review'];
/** A consensus is recorded while under review (that moves it to scored) and may be revised until a decision. */
export const CONSENSUS_OPEN: readonly ApplicationStatus[] = ['under-review', 'scored'];
/** The applications a ranking is made of: eligible ones, on their way to (or past) a decision. */
export const RANKED_STATUSES: readonly ApplicationStatus[] = [
  'eligible',
  'under-review',
  'scored',
  'selected',
  'reserve',
  'rejected',
];

export type ConsensusRole = 'officer' | 'chair';

/**
 * Who records the consensus of an application: the call's officers, and the panel's chair, active,
 * unless in conflict with the application (a conflict closes the application to them entirely).
 * An application never submitted is its applicants' own draft: no one has a consensus on it.
 */
export function consensusRole(input: {
  managesCall: boolean;
  seat: { status: JurorStatus; isChair: boolean } | null;
  conflicted: boolean;
  everSubmitted: boolean;
}): ConsensusRole | null {
  if (!input.everSubmitted) return null;
  if (input.managesCall) return 'officer';
  if (input.seat?.isChair && input.seat.status === 'active' && !input.conflicted) return 'chair';
  return null;
}

/** A juror edits their evaluation while it is a draft and the application is under review. */
export function mayEditEvaluation(input: {
  evaluationStatus: 'draft' | 'submitted';
  applicationStatus: ApplicationStatus;
}): boolean {
  return input.evaluationStatus === 'draft' && SCORING_OPEN.includes(input.applicationStatus);
}

/** A consensus needs someone allowed, an application in review, and at least one submitted evaluation to agree on. */
export function mayRecordConsensus(input: {
  role: ConsensusRole | null;
  applicationStatus: ApplicationStatus;
  submittedEvaluations: number;
}): boolean {
  return input.role !== null && CONSENSUS_OPEN.includes(input.applicationStatus) && input.submittedEvaluations > 0;
}

/**
 * The chair sees every evaluation on the consensus page: when the call hides the others' evaluations
 * until one's own is submitted, a chair who is also assigned to the application submits first.
 */
export function chairMustSubmitFirst(input: {
  role: ConsensusRole;
  ownEvaluation: 'not-assigned' | 'not-started' | 'draft' | 'submitted';
  hideOthersUntilSubmitted: boolean;
}): boolean {
  return (
    input.role === 'chair' &&
    input.hideOthersUntilSubmitted &&
    input.ownEvaluation !== 'not-assigned' &&
    input.ownEvaluation !== 'submitted'
  );
}
