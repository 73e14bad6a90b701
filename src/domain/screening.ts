// Eligibility screening: an officer checks each submitted application against the call's
// eligibility criteria, one verdict per criterion, then declares it eligible or not. Pure rules:
// the service asks them before a decision, the views ask them which actions to offer.

import type { ApplicationStatus } from './applicationLifecycle.ts';
import type { EligibilityCriterion } from './callCriteria.ts';
import { err, ok, type Result } from './result.ts';

export const SCREENING_VERDICTS = ['met', 'not-met', 'to-verify'] as const;
export type ScreeningVerdict = (typeof SCREENING_VERDICTS)[number];
/** The checklist of one application, by criterion id; a criterion not yet assessed has no entry. */
export type Verdicts = Record<string, { verdict: ScreeningVerdict; note: string }>;

export const ELIGIBILITY_DECISIONS = ['eligible', 'ineligible'] as const;
export type EligibilityDecision = (typeof ELIGIBILITY_DECISIONS)[number];

/**
 * Why a decision cannot be taken yet: a criterion without a verdict, one left "to verify", a
 * criterion not met (for "eligible"), or none not met (for "ineligible").
 */
export type DecisionProblem = 'unassessed' | 'to-verify' | 'not-met' | 'none-unmet';

export function isVerdict(x: unknown): x is ScreeningVerdict {
  return typeof x === 'string' && (SCREENING_VERDICTS as readonly string[]).includes(x);
}

/** The verdict given to a criterion, or null while it is not assessed. */
export function verdictOf(verdicts: Verdicts, criterionId: string): ScreeningVerdict | null {
  // An own property only: a criterion id is not trusted to stay clear of Object.prototype's names.
  return Object.hasOwn(verdicts, criterionId) ? (verdicts[criterionId]?.verdict ?? null) : null;
}

export interface ChecklistProgress {
  total: number;
  assessed: number;
  met: number;
  notMet: number;
  toVerify: number;
}

/** How far the checklist is, counted on the call's current criteria (verdicts on removed criteria do not count). */
export function checklistProgress(criteria: readonly EligibilityCriterion[], verdicts: Verdicts): ChecklistProgress {
  const progress: ChecklistProgress = { total: criteria.length, assessed: 0, met: 0, notMet: 0, toVerify: 0 };
  for (const c of criteria) {
    const v = verdictOf(verdicts, c.id);
    if (!v) continue;
    progress.assessed++;
    if (v === 'met') progress.met++;
    else if (v === 'not-met') progress.notMet++;
    else progress.toVerify++;
  }
  return progress;
}

/** The criteria found not met, in the call's order: what an ineligible decision names. */
export function unmetCriteria(criteria: readonly EligibilityCriterion[], verdicts: Verdicts): EligibilityCriterion[] {
  return criteria.filter((c) => verdictOf(verdicts, c.id) === 'not-met');
}

/**
 * Whether the checklist supports the decision. Every criterion must be assessed and none left "to
 * verify" whatever the decision: the applicant is told every failed criterion at once, not one per
 * appeal. Eligible needs every criterion met; ineligible at least one not met, and then gives the
 * unmet criteria's ids — the reason the applicant is told.
 */
export function decisionAllowed(
  verdicts: Verdicts,
  criteria: readonly EligibilityCriterion[],
  decision: EligibilityDecision,
): Result<{ unmet: string[] }, DecisionProblem> {
  const progress = checklistProgress(criteria, verdicts);
  if (progress.assessed < progress.total) return err('unassessed');
  if (progress.toVerify > 0) return err('to-verify');
  const unmet = unmetCriteria(criteria, verdicts).map((c) => c.id);
  if (decision === 'eligible') return unmet.length ? err('not-met') : ok({ unmet: [] });
  return unmet.length ? ok({ unmet }) : err('none-unmet');
}

/** A recorded step of an application's screening: a decision, or the reopening of one. */
export interface DecisionRecord {
  kind: EligibilityDecision | 'reopened';
  decidedBy: string;
}

export type ReopenProblem = 'not-ineligible' | 'same-officer';

/**
 * An ineligible decision is reviewed by a second pair of eyes: reopening is refused to the
 * officer who took it. Only the standing decision (the last record) can be reopened, and only
 * when it is "ineligible".
 */
export function reopenRefusal(last: DecisionRecord | null, actorId: string): ReopenProblem | null {
  if (!last || last.kind !== 'ineligible') return 'not-ineligible';
  if (last.decidedBy === actorId) return 'same-officer';
  return null;
}

export function canReopen(last: DecisionRecord | null, actorId: string): boolean {
  return reopenRefusal(last, actorId) === null;
}

/** The statuses in which the checklist is worked on and a decision can be taken. */
export const SCREENABLE: readonly ApplicationStatus[] = ['submitted'];

/** Whether the checklist may still change: the application awaits a decision and none stands. */
export function canEditChecklist(status: ApplicationStatus, last: DecisionRecord | null): boolean {
  return SCREENABLE.includes(status) && (!last || last.kind === 'reopened');
}

export interface ScreeningAbilities {
  editChecklist: boolean;
  declareEligible: boolean;
  declareIneligible: boolean;
  reopen: boolean;
}

/** What an officer (already authorised for the call) may do on the application's screening page. */
export function screeningAbilities(input: {
  status: ApplicationStatus;
  last: DecisionRecord | null;
  actorId: string;
  verdicts: Verdicts;
  criteria: readonly EligibilityCriterion[];
}): ScreeningAbilities {
  const open = canEditChecklist(input.status, input.last);
  return {
    editChecklist: open,
    declareEligible: open && decisionAllowed(input.verdicts, input.criteria, 'eligible').ok,
    declareIneligible: open && decisionAllowed(input.verdicts, input.criteria, 'ineligible').ok,
    reopen: input.status === 'ineligible' && canReopen(input.last, input.actorId),
  };
}

/**
 * A call's funnel, from its applications' statuses. The stages are cumulative, as a press release
 * counts them ("26 applications, 19 eligible, 9 selected"): an application under review has passed
 * screening, so it counts as eligible too. Withdrawn applications are counted on their own.
 */
export interface Funnel {
  /** Every application received (the caller passes only those ever submitted). */
  submitted: number;
  /** Waiting for an eligibility decision (submitted, or returned to the applicant for completion). */
  toScreen: number;
  returned: number;
  eligible: number;
  ineligible: number;
  underReview: number;
  scored: number;
  selected: number;
  reserve: number;
  rejected: number;
  withdrawn: number;
}

const PASSED_SCREENING: readonly ApplicationStatus[] = [
  'eligible',
  'under-review',
  'scored',
  'selected',
  'reserve',
  'rejected',
];
const REACHED_REVIEW: readonly ApplicationStatus[] = ['under-review', 'scored', 'selected', 'reserve', 'rejected'];
const REACHED_SCORE: readonly ApplicationStatus[] = ['scored', 'selected', 'reserve', 'rejected'];

export function funnel(statuses: readonly ApplicationStatus[]): Funnel {
  const counts: Partial<Record<ApplicationStatus, number>> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return funnelOf(counts);
}

/** The funnel from the count of applications per status (as a database counts them). */
export function funnelOf(counts: Partial<Record<ApplicationStatus, number>>): Funnel {
  const count = (set: readonly ApplicationStatus[]) => set.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  return {
    submitted: Object.entries(counts).reduce((sum, [s, n]) => sum + (s === 'draft' ? 0 : n), 0),
    toScreen: count(['submitted', 'returned']),
    returned: count(['returned']),
    eligible: count(PASSED_SCREENING),
    ineligible: count(['ineligible']),
    underReview: count(REACHED_REVIEW),
    scored: count(REACHED_SCORE),
    selected: count(['selected']),
    reserve: count(['reserve']),
    rejected: count(['rejected']),
    withdrawn: count(['withdrawn']),
  };
}
