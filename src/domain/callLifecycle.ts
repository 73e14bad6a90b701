// The states of a call and the events that move it, as one table (DESIGN.md, Lifecycles). Every
// feature moves a call through `transitionCall` of the calls capability, which asks this table.

import { isBeforeDeadline } from './brusselsTime.ts';
import { err, ok, type Result } from './result.ts';

export const CALL_STATUSES = [
  'draft',
  'published',
  'closed',
  'screening',
  'evaluation',
  'deliberation',
  'decided',
  'results-published',
  'follow-up',
  'archived',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_EVENTS = [
  'publish',
  'close-early',
  'close-at-deadline',
  'start-screening',
  'start-evaluation',
  'start-deliberation',
  'decide',
  'publish-results',
  'start-follow-up',
  'archive',
] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

export type CallTransitionError = 'invalid-transition' | 'deadline-passed' | 'deadline-not-passed';

/** What the guards read; `now` is the server's clock. */
export interface CallTransitionContext {
  now: Date;
  closesAt: Date | null;
}

export interface CallTransitionRule {
  event: CallEvent;
  from: readonly CallStatus[];
  to: CallStatus;
  guard?: (ctx: CallTransitionContext) => Exclude<CallTransitionError, 'invalid-transition'> | null;
}

const deadlinePassed = (ctx: CallTransitionContext) => !!ctx.closesAt && !isBeforeDeadline(ctx.now, ctx.closesAt);

// The phases between closing and the decision follow the work: the first screening decision, the
// jury's confirmed assignment and the first saved selection move the call on. A phase may be
// skipped (a call without a jury goes from screening to deliberation), never gone back to.
export const CALL_TRANSITIONS: readonly CallTransitionRule[] = [
  { event: 'publish', from: ['draft'], to: 'published' },
  // Closing early is an officer's act before the deadline; at the deadline the clock closes it.
  {
    event: 'close-early',
    from: ['published'],
    to: 'closed',
    guard: (ctx) => (deadlinePassed(ctx) ? 'deadline-passed' : null),
  },
  {
    event: 'close-at-deadline',
    from: ['published'],
    to: 'closed',
    guard: (ctx) => (deadlinePassed(ctx) ? null : 'deadline-not-passed'),
  },
  { event: 'start-screening', from: ['closed'], to: 'screening' },
  { event: 'start-evaluation', from: ['closed', 'screening'], to: 'evaluation' },
  { event: 'start-deliberation', from: ['closed', 'screening', 'evaluation'], to: 'deliberation' },
  { event: 'decide', from: ['closed', 'screening', 'evaluation', 'deliberation'], to: 'decided' },
  { event: 'publish-results', from: ['decided'], to: 'results-published' },
  // The first grant agreement sent starts the follow-up; a call whose grants are all closed (or
  // that funded nothing) is archived by its officer.
  { event: 'start-follow-up', from: ['decided', 'results-published'], to: 'follow-up' },
  { event: 'archive', from: ['results-published', 'follow-up'], to: 'archived' },
];

export function transitionCall(
  status: CallStatus,
  event: CallEvent,
  ctx: CallTransitionContext,
): Result<CallStatus, CallTransitionError> {
  const rule = CALL_TRANSITIONS.find((r) => r.event === event && r.from.includes(status));
  if (!rule) return err('invalid-transition');
  const refused = rule.guard?.(ctx) ?? null;
  return refused ? err(refused) : ok(rule.to);
}

export function canTransitionCall(status: CallStatus, event: CallEvent, ctx: CallTransitionContext): boolean {
  return transitionCall(status, event, ctx).ok;
}

/** The statuses in which a call is still being worked on towards its decision, in order. */
export const BEFORE_DECISION: readonly CallStatus[] = [
  'draft',
  'published',
  'closed',
  'screening',
  'evaluation',
  'deliberation',
];

/** Whether `status` comes at or after `than` in the lifecycle. */
export function isAtOrAfter(status: CallStatus, than: CallStatus): boolean {
  return CALL_STATUSES.indexOf(status) >= CALL_STATUSES.indexOf(than);
}

/** What the public may see: everything but drafts. */
export function isPublic(status: CallStatus): boolean {
  return status !== 'draft';
}

/** Once results are published they stay public through the grants' follow-up and the archive. */
export function resultsArePublic(status: CallStatus): boolean {
  return isAtOrAfter(status, 'results-published');
}

/**
 * Whether a call takes new applications and first submissions at `now`: published, opened, and
 * before its deadline instant (one second late is too late). The one rule every page and command asks.
 */
export function acceptsApplications(
  call: { status: CallStatus; opensAt: Date | null; closesAt: Date | null },
  now: Date,
): boolean {
  if (call.status !== 'published' || !call.closesAt) return false;
  if (call.opensAt && now.getTime() < call.opensAt.getTime()) return false;
  return isBeforeDeadline(now, call.closesAt);
}

/** The parts of a call an officer edits, each on its own page or form. */
export const CALL_PARTS = ['texts', 'dates', 'budget', 'publics', 'criteria', 'form', 'documents', 'jury'] as const;
export type CallPart = (typeof CALL_PARTS)[number];

/**
 * How a part of a call may change: freely while a draft; once published, only as a *correction*
 * (versioned, with a note, shown on the public page as "corrected on …"), since applicants rely on
 * what they read; and after the decision the money and the rules it was decided on are locked.
 */
export type Editability = 'free' | 'correction' | 'locked';

export function editability(status: CallStatus, part: CallPart): Editability {
  if (status === 'draft') return 'free';
  if (status === 'archived') return 'locked';
  // The jury's settings are the officers' own working rules, not something applicants read.
  if (part === 'jury') return BEFORE_DECISION.includes(status) ? 'free' : 'locked';
  if (BEFORE_DECISION.includes(status)) return 'correction';
  // Decided onwards: a typo in a text may still be corrected; nothing the decision rests on may change.
  return part === 'texts' ? 'correction' : 'locked';
}

export type PublishProblem =
  'not-draft' | 'no-title' | 'no-budget' | 'no-deadline' | 'deadline-past' | 'opens-after-deadline' | 'grant-range';

/** What stops a call from being published; an empty list means it may be. */
export function publishProblems(
  call: {
    status: CallStatus;
    titleFr: string;
    budgetCents: number;
    grantMinCents: number | null;
    grantMaxCents: number | null;
    opensAt: Date | null;
    closesAt: Date | null;
  },
  now: Date,
): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (call.status !== 'draft') problems.push('not-draft');
  if (!call.titleFr.trim()) problems.push('no-title');
  if (!(call.budgetCents > 0)) problems.push('no-budget');
  if (!call.closesAt) problems.push('no-deadline');
  else if (call.closesAt.getTime() <= now.getTime()) problems.push('deadline-past');
  if (call.opensAt && call.closesAt && call.opensAt.getTime() >= call.closesAt.getTime())
    problems.push('opens-after-deadline');
  const { grantMinCents: min, grantMaxCents: max } = call;
  if ((min !== null && min < 0) || (max !== null && (max > call.budgetCents || (min !== null && min > max))))
    problems.push('grant-range');
  return problems;
}
