// The states of an application and the events that move it, as one table: the services ask it
// whether an action is allowed, the views ask it which buttons to show.

import { isBeforeDeadline } from './brusselsTime.ts';
import { err, ok, type Result } from './result.ts';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned', // sent back to the applicant to complete, until a due instant
  'eligible',
  'ineligible',
  'under-review',
  'scored',
  'selected',
  'reserve',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = [
  'submit',
  'return-for-completion',
  'withdraw',
  'declare-eligible',
  'declare-ineligible',
  'reopen-eligibility',
  'start-review',
  'score',
  'select',
  'reserve',
  'reject',
  'renounce',
] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

export type TransitionError = 'invalid-transition' | 'call-closed' | 'call-not-open' | 'return-overdue';
type GuardError = Exclude<TransitionError, 'invalid-transition'>;

/** What the guards read. `now` is the server's clock, never the browser's. */
export interface TransitionContext {
  now: Date;
  call: { opensAt: Date | null; closesAt: Date };
  /** When the application is `returned`: the instant the completed application is due; null for no limit. */
  returnDueAt?: Date | null;
}

export interface TransitionRule {
  event: ApplicationEvent;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  guard?: (ctx: TransitionContext, from: ApplicationStatus) => GuardError | null;
}

// A first submission must fall within the call's opening hours; a returned application is due by
// the instant its return names instead (the call's deadline has usually passed by then).
function submitGuard(ctx: TransitionContext, from: ApplicationStatus): GuardError | null {
  if (from === 'returned') {
    return ctx.returnDueAt && !isBeforeDeadline(ctx.now, ctx.returnDueAt) ? 'return-overdue' : null;
  }
  if (ctx.call.opensAt && ctx.now.getTime() < ctx.call.opensAt.getTime()) return 'call-not-open';
  if (!isBeforeDeadline(ctx.now, ctx.call.closesAt)) return 'call-closed';
  return null;
}

export const APPLICATION_TRANSITIONS: readonly TransitionRule[] = [
  { event: 'submit', from: ['draft', 'returned'], to: 'submitted', guard: submitGuard },
  { event: 'return-for-completion', from: ['submitted'], to: 'returned' },
  // The applicant may withdraw at any point before a decision. Reserve is not final (a place may
  // still free up), so withdrawing from it is allowed; selected, rejected and ineligible are
  // decisions (after a selection, giving up is a matter for the grant agreement, not this table).
  {
    event: 'withdraw',
    from: ['draft', 'submitted', 'returned', 'eligible', 'under-review', 'scored', 'reserve'],
    to: 'withdrawn',
  },
  { event: 'declare-eligible', from: ['submitted'], to: 'eligible' },
  { event: 'declare-ineligible', from: ['submitted'], to: 'ineligible' },
  { event: 'reopen-eligibility', from: ['ineligible'], to: 'submitted' },
  { event: 'start-review', from: ['eligible'], to: 'under-review' },
  { event: 'score', from: ['under-review'], to: 'scored' },
  { event: 'select', from: ['scored', 'reserve'], to: 'selected' },
  { event: 'reserve', from: ['scored'], to: 'reserve' },
  { event: 'reject', from: ['scored', 'reserve'], to: 'rejected' },
  // A selected applicant who gives up the grant before its agreement: the officer records it, and a
  // reserve application may take the place.
  { event: 'renounce', from: ['selected'], to: 'withdrawn' },
];

/** The statuses in which the applicant may still edit the answers. */
export const APPLICANT_EDITABLE: readonly ApplicationStatus[] = ['draft', 'returned'];

export function transition(
  status: ApplicationStatus,
  event: ApplicationEvent,
  ctx: TransitionContext,
): Result<ApplicationStatus, TransitionError> {
  const rule = APPLICATION_TRANSITIONS.find((r) => r.event === event && r.from.includes(status));
  if (!rule) return err('invalid-transition');
  const refused = rule.guard?.(ctx, status) ?? null;
  return refused ? err(refused) : ok(rule.to);
}

export function can(status: ApplicationStatus, event: ApplicationEvent, ctx: TransitionContext): boolean {
  return transition(status, event, ctx).ok;
}

/** The events allowed now from `status`, in table order: the actions to offer. */
export function availableEvents(status: ApplicationStatus, ctx: TransitionContext): ApplicationEvent[] {
  return APPLICATION_EVENTS.filter((e) => can(status, e, ctx));
}
