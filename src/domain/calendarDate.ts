// Calendar dates ("2026-11-20") for what the law and agreements count in days, months and years: award dates,
// report due dates, execution dates. They are plain dates, not instants: the arithmetic is on the calendar (UTC
// fields only), and an instant is named only where a date becomes a deadline (endOfDayInBrussels).

import { brusselsToInstant } from './brusselsTime.ts';

/** YYYY-MM-DD; ISO order, so dates compare as strings. */
export type CalendarDate = string;

const SHAPE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function fields(date: CalendarDate): [number, number, number] {
  const m = SHAPE.exec(date);
  if (!m) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

// Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100 as they are.
function daysInMonth(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month, 0);
  return t.getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = (y: number, m: number, d: number): CalendarDate => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** A real day of the Gregorian calendar written YYYY-MM-DD (2026-02-29 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = SHAPE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The day `n` days after `date` (before it when n < 0). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  const [y, m, d] = fields(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + n);
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The same day `n` months later (earlier when n < 0); a day the target month lacks becomes its last day:
 * 31 January + 1 month = 28 (or 29) February, 29 February 2024 + 12 months = 28 February 2025.
 */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  const [y, m, d] = fields(date);
  const months = y * 12 + (m - 1) + n;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The instant a day starts in Brussels (00:00 local time). */
export function startOfDayInBrussels(date: CalendarDate): Date {
  const start = brusselsToInstant(date, '00:00');
  if (!start.ok) throw new RangeError(`Not a calendar date: ${date}`);
  return start.value;
}

/**
 * The instant a day ends in Brussels (midnight starting the next day): a report "due on 30 June" may be handed in
 * until 23:59:59.999 that day, with isBeforeDeadline's strict rule.
 */
export function endOfDayInBrussels(date: CalendarDate): Date {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return startOfDayInBrussels(addDays(date, 1));
}
