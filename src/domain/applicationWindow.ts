// Where a call stands for someone who would apply, and the deadline its pages show: one answer for
// the call's page, the apply page, the application's page and the applicant's dashboard.
import { acceptsApplications, isAtOrAfter, type CallStatus } from './callLifecycle.ts';

export interface WindowCall {
  status: CallStatus;
  opensAt: Date | null;
  closesAt: Date | null;
  /** When it actually closed: its deadline, or earlier when an officer closed it early. */
  closedAt?: Date | null;
}

/**
 * - `open`: it takes applications now (acceptsApplications);
 * - `not-yet-open`: published, its opening instant still to come;
 * - `closed`: past its deadline or closed early, applications being screened or evaluated;
 * - `decided`: its decision is taken (and perhaps published): nothing is left to apply for.
 */
export type ApplicationWindow = 'open' | 'not-yet-open' | 'closed' | 'decided';

export function applicationWindow(call: WindowCall, now: Date): ApplicationWindow {
  if (acceptsApplications(call, now)) return 'open';
  if (call.status === 'draft') return 'not-yet-open';
  if (isAtOrAfter(call.status, 'decided')) return 'decided';
  if (call.status === 'published' && call.opensAt && now.getTime() < call.opensAt.getTime()) return 'not-yet-open';
  return 'closed';
}

/** Whether an officer closed the call before its deadline. */
export function closedEarly(call: Pick<WindowCall, 'closesAt' | 'closedAt'>): boolean {
  return !!call.closedAt && !!call.closesAt && call.closedAt.getTime() < call.closesAt.getTime();
}

/**
 * The instant applications stopped (or will stop) being accepted: the early closing when there was
 * one, else the deadline. Pages show this one, never a deadline the call did not reach.
 */
export function effectiveClosing(call: Pick<WindowCall, 'closesAt' | 'closedAt'>): Date | null {
  return closedEarly(call) ? call.closedAt! : call.closesAt;
}
