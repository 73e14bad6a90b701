// Deadlines are instants. They are set and shown as Brussels wall-clock time, compared as instants,
// and the server's clock decides (DESIGN.md "Conventions"). Every conversion names the zone
// explicitly, so nothing here depends on the machine's time zone (process.env.TZ).

import { frenchFirstOfMonth } from './frenchText.ts';
import { intlLocale, type Locale } from './locale.ts';
import { err, ok, type Result } from './result.ts';

export const BRUSSELS = 'Europe/Brussels';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// en-US with h23 yields plain numeric parts (no era, midnight as 00, not 24).
const PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: BRUSSELS,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function assertValid(d: Date, name: string): void {
  if (Number.isNaN(d.getTime())) throw new RangeError(`${name} is an invalid Date`);
}

function wallClock(ms: number): WallClock {
  const p: Record<string, number> = {};
  for (const { type, value } of PARTS.formatToParts(ms)) p[type] = Number(value);
  return {
    year: p.year ?? 0,
    month: p.month ?? 0,
    day: p.day ?? 0,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

// Brussels offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer).
function offsetAt(ms: number): number {
  const w = wallClock(ms);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

// Converts a Brussels wall-clock time to the instant it names. Twice a year the wall clock does
// not name exactly one instant:
// - Spring forward (last Sunday of March, 02:00 → 03:00): 02:30 does not exist. It is read with
//   the offset in force before the change, which lands on the instant shown as 03:30 CEST: the
//   time someone meant, shifted by the hour the clocks skipped.
// - Fall back (last Sunday of October, 03:00 → 02:00): 02:30 happens twice. The first occurrence
//   (CEST, UTC+2) is taken, so a deadline is never later than any reader could take it to be.
export function brusselsToInstant(date: string, time: string): Result<Date, 'invalid-date' | 'invalid-time'> {
  const d = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(date);
  if (!d) return err('invalid-date');
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const check = new Date(utcMs(year, month, day, 0, 0));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return err('invalid-date'); // 2026-02-29, 2026-04-31, month 13, day 00
  }
  const t = /^([01][0-9]|2[0-3]):([0-5][0-9])$/.exec(time);
  if (!t) return err('invalid-time');

  const wall = utcMs(year, month, day, Number(t[1]), Number(t[2]));
  // The offsets in force half a day either side; Brussels changes at most once in that span.
  const offsets = [...new Set([offsetAt(wall - 12 * HOUR), offsetAt(wall + 12 * HOUR)])];
  const matches = offsets.map((o) => wall - o).filter((ms) => wall - offsetAt(ms) === ms);
  if (matches.length > 0) return ok(new Date(Math.min(...matches)));
  // In the gap: no offset gives back this wall-clock time; use the one before the change.
  return ok(new Date(wall - offsetAt(wall - 12 * HOUR)));
}

// The Brussels wall-clock date and time (24 h, minutes; seconds are dropped, not rounded).
export function instantToBrussels(instant: Date): { date: string; time: string } {
  assertValid(instant, 'instant');
  const w = wallClock(instant.getTime());
  return { date: `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

// Strictly before: a submission at exactly the deadline instant is late. "Until 12:00" thus means
// up to 11:59:59.999, and there is no tie to argue about.
export function isBeforeDeadline(instant: Date, deadline: Date): boolean {
  assertValid(instant, 'instant');
  assertValid(deadline, 'deadline');
  return instant.getTime() < deadline.getTime();
}

const FORMATS: Record<'date' | 'datetime' | 'time', Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long' },
  datetime: { dateStyle: 'long', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

export function formatInstant(instant: Date, locale: Locale, style: 'date' | 'datetime' | 'time' = 'datetime'): string {
  assertValid(instant, 'instant');
  const key = `${locale}/${style}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), { ...FORMATS[style], timeZone: BRUSSELS });
    FORMATTERS.set(key, f);
  }
  // French writes the first of the month as an ordinal: "1er décembre".
  return locale === 'fr' && style !== 'time' ? frenchFirstOfMonth(f.format(instant)) : f.format(instant);
}

// Elapsed time, not calendar arithmetic: a "day" is 24 hours even across a DST change. Rounded
// down, so the time left is never overstated; once the deadline is reached (`past`, with the same
// rule as isBeforeDeadline) the fields give the time elapsed since it.
export function timeRemaining(
  now: Date,
  deadline: Date,
): { days: number; hours: number; minutes: number; past: boolean } {
  const past = !isBeforeDeadline(now, deadline);
  const ms = Math.abs(deadline.getTime() - now.getTime());
  return {
    days: Math.floor(ms / DAY),
    hours: Math.floor((ms % DAY) / HOUR),
    minutes: Math.floor((ms % HOUR) / MINUTE),
    past,
  };
}

/** A calendar date (2026-11-20) written out in the reader's language, "20 novembre 2026". */
export function formatCalendarDate(date: string, locale: Locale): string {
  const noon = brusselsToInstant(date, '12:00');
  if (!noon.ok) throw new RangeError(`not a calendar date: ${date}`);
  return formatInstant(noon.value, locale, 'date');
}
