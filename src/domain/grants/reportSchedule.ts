// When a grant's reports are due. The call defines its reports: interim ones at a date, halfway through the
// project period or a number of months after the agreement's signature, and one final report at a date or a
// number of months after the period ends (either kind may use any of these). Per grant,
// an officer may move a report's due date (the grant started late, the grantee asked for time). A report is due by
// the end of its due day in Brussels, and opens for filling some days before.

import { instantToBrussels } from '../brusselsTime.ts';
import {
  addDays,
  addMonths,
  endOfDayInBrussels,
  isCalendarDate,
  startOfDayInBrussels,
  type CalendarDate,
} from '../calendarDate.ts';

export type ReportKind = 'interim' | 'final';

/** When a report is due: at a date, halfway through the period, or so many whole months after an anchor. */
export type ReportDue = { on: CalendarDate } | { halfway: true } | { monthsAfter: number; from: ReportAnchor };

/** What "months after" counts from: the day the funder countersigned the agreement, or the period's last day. */
export type ReportAnchor = 'signature' | 'end';
export const REPORT_ANCHORS: readonly ReportAnchor[] = ['signature', 'end'];

/** A grant's dates its reports are scheduled against. */
export interface ReportPeriod {
  start: CalendarDate;
  end: CalendarDate;
  /** The day the agreement was countersigned (Brussels). */
  signedOn: CalendarDate;
}

export interface ReportDefinition {
  /** Stable key within the call: "interim-1", "final". */
  id: string;
  kind: ReportKind;
  due: ReportDue;
  /** How many days before its due day the report opens for filling. */
  opensDaysBefore: number;
}

export interface ScheduledReport {
  id: string;
  kind: ReportKind;
  /** The day it opens, and the instant (00:00 in Brussels). */
  opensOn: CalendarDate;
  opensAt: Date;
  dueOn: CalendarDate;
  /** The end of the due day in Brussels: handed in strictly before it is on time. */
  dueAt: Date;
  /** True when the grant moved this report's due day. */
  moved: boolean;
}

export type ReportPlanProblem =
  | { id: string | null; code: 'no-final-report' | 'several-final-reports' | 'duplicate-id' }
  | { id: string; code: 'due-date' | 'months-after' | 'opens-days-before' | 'id' };

/** The longest a report may open before it is due, and the furthest "months after" reaches (ten years). */
export const MAX_OPENS_DAYS_BEFORE = 366;
export const MAX_MONTHS_AFTER = 120;

const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

/** What is wrong with a call's report definitions; empty when they can be scheduled. */
export function reportPlanProblems(definitions: readonly ReportDefinition[]): ReportPlanProblem[] {
  const problems: ReportPlanProblem[] = [];
  const finals = definitions.filter((d) => d.kind === 'final').length;
  if (finals === 0) problems.push({ id: null, code: 'no-final-report' });
  if (finals > 1) problems.push({ id: null, code: 'several-final-reports' });
  const ids = new Set<string>();
  for (const d of definitions) {
    if (!/^[a-z0-9-]{1,40}$/.test(d.id)) problems.push({ id: d.id, code: 'id' });
    if (ids.has(d.id)) problems.push({ id: d.id, code: 'duplicate-id' });
    ids.add(d.id);
    if ('on' in d.due && !isCalendarDate(d.due.on)) problems.push({ id: d.id, code: 'due-date' });
    if ('monthsAfter' in d.due && !(whole(d.due.monthsAfter, MAX_MONTHS_AFTER) && REPORT_ANCHORS.includes(d.due.from)))
      problems.push({ id: d.id, code: 'months-after' });
    if (!whole(d.opensDaysBefore, MAX_OPENS_DAYS_BEFORE)) problems.push({ id: d.id, code: 'opens-days-before' });
  }
  return problems;
}

/**
 * A grant's reports, by due day (the final report last on a tie). `movedTo` holds the due days an officer set
 * for this grant, by report id. Throws if reportPlanProblems finds anything or a moved day is not a date.
 */
export function reportSchedule(
  definitions: readonly ReportDefinition[],
  period: ReportPeriod,
  movedTo: Readonly<Record<string, CalendarDate>> = {},
): ScheduledReport[] {
  const problems = reportPlanProblems(definitions);
  if (problems.length > 0) throw new RangeError(`Report plan refused: ${problems.map((p) => p.code).join(', ')}`);
  return definitions
    .map((d): ScheduledReport => {
      const planned = plannedDay(d.due, period);
      const moved = Object.hasOwn(movedTo, d.id);
      const dueOn = moved ? (movedTo[d.id] as CalendarDate) : planned;
      if (!isCalendarDate(dueOn)) throw new RangeError(`Not a calendar date: ${dueOn}`);
      const opensOn = addDays(dueOn, -d.opensDaysBefore);
      return {
        id: d.id,
        kind: d.kind,
        opensOn,
        opensAt: startOfDayInBrussels(opensOn),
        dueOn,
        dueAt: endOfDayInBrussels(dueOn),
        moved,
      };
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || (a.kind === 'final' ? 1 : 0) - (b.kind === 'final' ? 1 : 0));
}

const DAY_MS = 86_400_000;

/** The day a report is planned on for a grant, before any move; halfway is the middle day, rounded down. */
function plannedDay(due: ReportDue, period: ReportPeriod): CalendarDate {
  if ('on' in due) return due.on;
  if ('monthsAfter' in due) return addMonths(due.from === 'signature' ? period.signedOn : period.end, due.monthsAfter);
  const days = Math.round((Date.parse(`${period.end}T00:00:00Z`) - Date.parse(`${period.start}T00:00:00Z`)) / DAY_MS);
  return addDays(period.start, Math.floor(Math.max(0, days) / 2));
}

/**
 * The plan of a call that has not set its own: one interim report halfway through the period and the final
 * report on its last day; each opens a month before it is due.
 */
export const DEFAULT_REPORT_PLAN: readonly ReportDefinition[] = [
  { id: 'interim-1', kind: 'interim', due: { halfway: true }, opensDaysBefore: 30 },
  { id: 'final', kind: 'final', due: { monthsAfter: 0, from: 'end' }, opensDaysBefore: 30 },
];

/** The day a report due at `dueAt` (the end of a day in Brussels, see endOfDayInBrussels) is due on. */
export function dueDayOf(dueAt: Date): CalendarDate {
  return instantToBrussels(new Date(dueAt.getTime() - 1)).date;
}
