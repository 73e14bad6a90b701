import { brusselsToInstant, instantToBrussels } from '../../domain/brusselsTime.ts';

const DAY_MS = 86_400_000;

/**
 * Noon in Brussels, some days from today (negative: in the past). The demo's calendar moves with
 * the day it is loaded: its open calls are open and its past calls closed whenever that is.
 */
export function brusselsNoonInDays(days: number): Date {
  const date = brusselsDateInDays(days);
  const result = brusselsToInstant(date, '12:00');
  if (!result.ok) throw new Error(`bad demo date ${date}`);
  return result.value;
}

/** The calendar day in Brussels some days from today (negative: in the past), e.g. a decision's date. */
export function brusselsDateInDays(days: number): string {
  return instantToBrussels(new Date(Date.now() + days * DAY_MS)).date;
}

/** The instant some (fractional) days before another. */
export function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY_MS);
}
