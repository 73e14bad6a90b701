// Opening hours in OpenStreetMap syntax ("Mo-Fr 09:00-12:00; PH off"), read with the opening_hours
// library and evaluated in Brussels time with the Belgian public holidays.
//
// - Refused, with the reason, never dropped: text the library cannot parse; warnings that mean
//   the hours surely do not say what their author meant (LIKELY_MISTAKES); school holidays ("SH":
//   Brussels schools follow two community calendars, so "SH" would say nothing certain); sunrise
//   and sunset (the library computes them as real instants, which the wall-clock bridge below
//   would shift; no help desk opens at dusk anyway).
// - Holidays: the library knows the ten Belgian public holidays for country "be" from its own
//   tables: the location object below is all it needs, and it never goes to the network (it is
//   synchronous, and its code has no request in it). Extra Brussels days are added by
//   extraHolidays.ts.
// - Time zone: the library reads a Date's local fields (getHours, getDay…). It is handed, for an
//   instant, the local Date that shows the wall-clock time Brussels shows then, and the dates it
//   gives back are read the same way. This is exact when the server runs in UTC or in a zone that
//   changes its clocks when Brussels does (all of the EU); elsewhere a Brussels time that falls in
//   the server zone's own clock-change hour would move by that hour.

import OpeningHoursLibrary from 'opening_hours';
import { brusselsToInstant, instantToBrussels } from '../brusselsTime.ts';
import { withExtraHolidays, type ExtraHolidayKey } from './extraHolidays.ts';
import { hoursRules, type HoursRule, type RuleState } from './openingHoursSyntax.ts';

export type HoursProblemCode = 'too-long' | 'syntax' | 'school-holidays' | 'sun-times' | 'likely-mistake';

/** Why hours were refused: a code to translate, where in the text, and the library's explanation in English. */
export interface HoursProblem {
  code: HoursProblemCode;
  /** Character offset in the text where the problem was found, when known. */
  position: number | null;
  message: string;
  /** For 'likely-mistake': the library's warning type. */
  warning?: string;
}

/** A library warning that does not make the hours wrong ("this date is in the past"), kept for the officer. */
export interface HoursNote {
  type: string;
  message: string;
}

export interface HoursOptions {
  /** Brussels and community days that count as public holidays here (none unless configured). */
  extraHolidays?: readonly ExtraHolidayKey[];
}

export type HoursParse = { ok: true; hours: OpeningHours } | { ok: false; problem: HoursProblem };

/** Longer than any real week of opening hours; keeps a pasted document out of the parser. */
export const MAX_HOURS_LENGTH = 1000;

/**
 * Warnings after which the library's reading surely differs from what the author meant: the text
 * ends in the middle of a rule, a later rule wipes out all earlier ones, two rules where the
 * second erases the first, a number read as a year, days with no hours (open all day and night),
 * a word the library had to guess, or hours past midnight cut off by the next day's rule.
 */
const LIKELY_MISTAKES: ReadonlySet<string> = new Set([
  'value_ends_with_token',
  'default_state',
  'combine_rules',
  'use_multi',
  'interpreted_as_year',
  'vague',
  'strange_24_7',
  'ambiguous_word',
  'additional_rule_separator_not_used_after_time_wrapping_midnight',
]);

const BRUSSELS = { lat: 50.8467, lon: 4.3525, address: { country_code: 'be', state: 'Brussels-Capital' } };
const CONFIG = { mode: 0, locale: 'en', tag_key: undefined, map_value: undefined, warnings_severity: 4 };

const outsideComments = (text: string) => text.replace(/"[^"]*"/g, '""');

function libraryError(error: unknown): HoursProblem {
  const text = String(error);
  // The library marks the place: "Mo 25:00 <--- (Time range starts outside of the current day)".
  const marked = /^([\s\S]*?) <--- \(([\s\S]*)\)\s*$/.exec(text);
  if (!marked) return { code: 'syntax', position: null, message: text };
  return { code: 'syntax', position: (marked[1] ?? '').length, message: marked[2] ?? text };
}

/**
 * Reads hours. The text kept is the library's own way of writing them ("mo-fr 9:00-12:00" becomes
 * "Mo-Fr 09:00-12:00"), so that the same hours are always the same text.
 */
export function parseOpeningHours(input: string, options: HoursOptions = {}): HoursParse {
  const text = input.trim();
  if (text.length > MAX_HOURS_LENGTH)
    return { ok: false, problem: { code: 'too-long', position: MAX_HOURS_LENGTH, message: 'too long' } };
  const bare = outsideComments(text);
  const school = /\bSH\b/i.exec(bare);
  if (school)
    return { ok: false, problem: { code: 'school-holidays', position: school.index, message: 'school holidays' } };
  const sun = /\b(sunrise|sunset|dawn|dusk)\b/i.exec(bare);
  if (sun) return { ok: false, problem: { code: 'sun-times', position: sun.index, message: sun[1] ?? '' } };
  let library: OpeningHoursLibrary;
  try {
    library = new OpeningHoursLibrary(text, BRUSSELS, CONFIG);
  } catch (error) {
    return { ok: false, problem: libraryError(error) };
  }
  const warnings = library.getStructuredWarnings();
  const mistake = warnings.find((w) => LIKELY_MISTAKES.has(w.type));
  if (mistake) {
    const problem = { code: 'likely-mistake' as const, position: mistake.position, message: mistake.message };
    return { ok: false, problem: { ...problem, warning: mistake.type } };
  }
  const canonical = library.prettifyValue();
  const rules = hoursRules(canonical);
  const evaluated = withExtraHolidays(rules, options.extraHolidays ?? []);
  const schedule = evaluated === canonical ? library : new OpeningHoursLibrary(evaluated, BRUSSELS, CONFIG);
  const notes = warnings.map((w) => ({ type: w.type, message: w.message }));
  return { ok: true, hours: new OpeningHours(canonical, rules, notes, schedule) };
}

/** The local Date whose wall-clock fields are Brussels' at that instant (seconds dropped). */
function toWallClock(instant: Date): Date {
  const { date, time } = instantToBrussels(instant);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
}

/** The instant a wall-clock Date given back by the library names in Brussels. */
function fromWallClock(wall: Date): Date {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${wall.getFullYear()}-${pad(wall.getMonth() + 1)}-${pad(wall.getDate())}`;
  const at = brusselsToInstant(date, `${pad(wall.getHours())}:${pad(wall.getMinutes())}`);
  if (!at.ok) throw new RangeError(`not a wall-clock time: ${wall.toString()}`);
  return at.value;
}

/** Parsed hours, evaluated in Brussels time. Build with parseOpeningHours. */
export class OpeningHours {
  constructor(
    /** The hours as the library writes them: what to store and show in OpenStreetMap syntax. */
    readonly text: string,
    /** The rules, for the description in words. */
    readonly rules: readonly HoursRule[],
    readonly notes: readonly HoursNote[],
    private readonly schedule: OpeningHoursLibrary,
  ) {}

  private stateOfWall(wall: Date): RuleState {
    if (this.schedule.getUnknown(wall)) return 'unknown';
    return this.schedule.getState(wall) ? 'open' : 'closed';
  }

  /** Open, closed or unknown (a comment such as "on appointment") at the instant, with the rule's comment. */
  stateAt(instant: Date): { state: RuleState; comment: string | null } {
    const wall = toWallClock(instant);
    return { state: this.stateOfWall(wall), comment: this.schedule.getComment(wall) ?? null };
  }

  /**
   * The first instant after `instant`, and before `until`, at which the state differs from the
   * state at `instant` (a change of comment alone does not count), with the new state.
   */
  nextChange(instant: Date, until: Date): { at: Date; state: RuleState } | null {
    let wall = toWallClock(instant);
    const limit = toWallClock(until);
    const state = this.stateOfWall(wall);
    for (;;) {
      const change = this.schedule.getNextChange(wall, limit);
      if (change === undefined || change <= wall || change >= limit) return null;
      const next = this.stateOfWall(change);
      if (next !== state) return { at: fromWallClock(change), state: next };
      wall = change;
    }
  }

  /**
   * Until when everything stateAt says stays true: the first change of state or of comment after
   * `instant`, or null if there is none before `until`.
   */
  sameUntil(instant: Date, until: Date): Date | null {
    // The library's iterator stops at a change of comment too, where getNextChange does not.
    const wall = toWallClock(instant);
    const iterator = this.schedule.getIterator(wall);
    if (!iterator.advance(toWallClock(until))) return null;
    const change = iterator.getDate();
    return change <= wall ? null : fromWallClock(change);
  }

  /** Whether the place opens (or may open, by appointment) at some time in `days` Brussels days from `from`. */
  opensBetweenDays(from: { year: number; month: number; day: number }, days: number): boolean {
    const start = new Date(from.year, from.month - 1, from.day);
    const end = new Date(from.year, from.month - 1, from.day + days);
    return this.schedule.getOpenIntervals(start, end).length > 0;
  }
}
