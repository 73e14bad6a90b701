// The states of a grant's report, as one table:
//
//   not-due → due → draft → submitted → approved
//                            submitted → returned (with the officer's remarks) → submitted …
//   skipped: an officer waives the report, with a reason (reinstated to due if that was a mistake).
//
// A report handed in late is still accepted: lateness is shown (isOverdue), not refused.

import { isBeforeDeadline } from '../brusselsTime.ts';
import { lifecycle } from '../lifecycleTable.ts';
import type { ReportKind } from './reportSchedule.ts';

export const REPORT_STATUSES = ['not-due', 'due', 'draft', 'submitted', 'returned', 'approved', 'skipped'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_EVENTS = ['open', 'start', 'submit', 'return', 'approve', 'skip', 'reinstate'] as const;
export type ReportEvent = (typeof REPORT_EVENTS)[number];

/** The events the grantee fires; the others are an officer's (open may also be the clock's, in a job). */
export const GRANTEE_REPORT_EVENTS: readonly ReportEvent[] = ['start', 'submit'];

/** A grant's report as the rules read it. */
export interface GrantReport {
  id: string;
  kind: ReportKind;
  status: ReportStatus;
  opensAt: Date;
  dueAt: Date;
  /** When returned: the instant the corrected report is due; null for no limit. */
  returnDueAt: Date | null;
}

export type ReportRefusal = 'not-open-yet' | 'indicators-inconsistent';

export interface ReportContext {
  now: Date;
  report: Pick<GrantReport, 'opensAt'>;
  /** indicatorProblems(...).length === 0 for the values being submitted. */
  consistent: boolean;
}

function openGuard(ctx: ReportContext): ReportRefusal | null {
  return isBeforeDeadline(ctx.now, ctx.report.opensAt) ? 'not-open-yet' : null;
}

function submitGuard(ctx: ReportContext): ReportRefusal | null {
  return ctx.consistent ? null : 'indicators-inconsistent';
}

export const reportLifecycle = lifecycle<ReportStatus, ReportEvent, ReportContext, ReportRefusal>(
  REPORT_STATUSES,
  REPORT_EVENTS,
  [
    { event: 'open', from: ['not-due'], to: 'due', guard: openGuard },
    { event: 'start', from: ['due'], to: 'draft' },
    { event: 'submit', from: ['draft', 'returned'], to: 'submitted', guard: submitGuard },
    { event: 'return', from: ['submitted'], to: 'returned' },
    { event: 'approve', from: ['submitted'], to: 'approved' },
    { event: 'skip', from: ['not-due', 'due', 'draft', 'returned'], to: 'skipped' },
    { event: 'reinstate', from: ['skipped'], to: 'due' },
  ],
);

/** The statuses in which the grantee may edit the report. */
export const GRANTEE_EDITABLE: readonly ReportStatus[] = ['due', 'draft', 'returned'];

/**
 * True when the report is late at `now`: not yet handed in and its due instant reached (with isBeforeDeadline's
 * strict rule), or returned and the instant set for the corrected version reached. A returned report without such
 * an instant is never overdue: the officer gave no limit. Submitted, approved and skipped reports are never late.
 */
export function isOverdue(report: Pick<GrantReport, 'status' | 'dueAt' | 'returnDueAt'>, now: Date): boolean {
  switch (report.status) {
    case 'not-due':
    case 'due':
    case 'draft':
      return !isBeforeDeadline(now, report.dueAt);
    case 'returned':
      return report.returnDueAt !== null && !isBeforeDeadline(now, report.returnDueAt);
    default:
      return false;
  }
}
