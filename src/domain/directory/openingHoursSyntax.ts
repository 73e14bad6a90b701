// The rules of an opening-hours value, read from the text the opening_hours library writes back
// (its prettified form: "Mo-Fr 09:00-12:00,14:00-18:30; PH off"), for the parts that can be put in
// words: dates and months, weekdays with their nth in the month, public holidays, time ranges,
// open/closed/unknown and comments. A rule that uses anything else (week numbers, years, sunrise,
// "PH +1 day"…) keeps its text and no parts, and whoever reads it says it as written. The library
// has already checked the syntax: this only reads a well-formed value, never judges one.

export type RuleSeparator = 'normal' | 'additional' | 'fallback';
export type RuleState = 'open' | 'closed' | 'unknown';

/** A month, or a day of a month when `day` is set. */
export interface MonthDay {
  month: number;
  day: number | null;
}
export interface DateRange {
  from: MonthDay;
  /** null for a single month or day. */
  to: MonthDay | null;
}
/** Weekdays count from Monday (0) to Sunday (6); `nth` limits a single day to its weeks of the month (1…5, -1 last). */
export interface DayRange {
  from: number;
  to: number;
  nth: readonly number[] | null;
}
/** Minutes after midnight; `to` is null for an open end ("09:00+") and may pass 1440 (past midnight). */
export interface TimeRange {
  from: number;
  to: number | null;
}

export interface RuleParts {
  /** "24/7". */
  always: boolean;
  dates: readonly DateRange[] | null;
  days: readonly DayRange[] | null;
  /** The rule applies on public holidays ("PH"). */
  holidays: boolean;
  times: readonly TimeRange[] | null;
  /** null when the rule does not say (it then opens). */
  state: RuleState | null;
  comment: string | null;
  /** The rule's text after its date and day selectors: its times, state and comment. */
  tail: string;
}

export interface HoursRule {
  separator: RuleSeparator;
  /** The rule as written in the value. */
  text: string;
  /** null when the rule uses syntax this reader does not put in words. */
  parts: RuleParts | null;
}

const SEPARATORS: readonly [string, RuleSeparator][] = [
  ['; ', 'normal'],
  [' || ', 'fallback'],
  [', ', 'additional'],
];

/** Splits the value into rules at separators outside comments. */
function splitRules(value: string): { separator: RuleSeparator; text: string }[] {
  const rules: { separator: RuleSeparator; text: string }[] = [];
  let separator: RuleSeparator = 'normal';
  let start = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '"') quoted = !quoted;
    if (quoted) continue;
    const found = SEPARATORS.find(([token]) => value.startsWith(token, i));
    if (!found) continue;
    rules.push({ separator, text: value.slice(start, i) });
    separator = found[1];
    start = i + found[0].length;
    i = start - 1;
  }
  rules.push({ separator, text: value.slice(start) });
  return rules;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_NAMES = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTH = MONTH_NAMES.join('|');
const DAY = DAY_NAMES.join('|');
const MONTH_DAY = `(?:${MONTH})(?: \\d{2})?`;
const DATE_ITEM = `${MONTH_DAY}(?:-(?:${MONTH_DAY}|\\d{2}))?`;
const DAY_ITEM = `(?:${DAY})(?:-(?:${DAY}))?(?:\\[[-\\d,]+\\])?|PH`;
const TIME_ITEM = `\\d{2}:\\d{2}(?:-\\d{2}:\\d{2}|\\+)`;

const DATES = new RegExp(`^(${DATE_ITEM}(?:,${DATE_ITEM})*)(?: |$)`);
const DAYS = new RegExp(`^((?:${DAY_ITEM})(?:,(?:${DAY_ITEM}))*)(?: |$)`);
const TIMES = new RegExp(`^(${TIME_ITEM}(?:,${TIME_ITEM})*)(?: |$)`);
const STATE = /^(open|closed|off|unknown)(?: |$)/;
const COMMENT = /^"([^"]*)"$/;

function monthDay(text: string): MonthDay {
  const [name = '', day] = text.split(' ');
  return { month: MONTH_NAMES.indexOf(name) + 1, day: day === undefined ? null : Number(day) };
}

function dateRange(item: string): DateRange {
  const [from = '', to] = item.split('-');
  const start = monthDay(from);
  if (to === undefined) return { from: start, to: null };
  // "Dec 24-26": the end names only a day of the same month.
  return { from: start, to: /^\d{2}$/.test(to) ? { month: start.month, day: Number(to) } : monthDay(to) };
}

function nthList(text: string): number[] | null {
  const list: number[] = [];
  for (const part of text.split(',')) {
    const range = /^(\d)-(\d)$/.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) list.push(n);
    else if (/^-?\d$/.test(part)) list.push(Number(part));
    else return null;
  }
  return list;
}

/** null when an item is outside what can be said (a range with an nth, an nth like [-2]). */
function dayRanges(items: string[]): DayRange[] | null {
  const ranges: DayRange[] = [];
  for (const item of items) {
    const m = /^(\w\w)(?:-(\w\w))?(?:\[([-\d,]+)\])?$/.exec(item);
    if (!m) return null;
    const from = DAY_NAMES.indexOf(m[1] ?? '');
    const to = m[2] === undefined ? from : DAY_NAMES.indexOf(m[2]);
    const nth = m[3] === undefined ? null : nthList(m[3]);
    if (m[3] !== undefined && (nth === null || m[2] !== undefined || nth.some((n) => n < -1 || n === 0 || n > 5)))
      return null;
    ranges.push({ from, to, nth });
  }
  return ranges;
}

function timeRange(item: string): TimeRange {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  if (item.endsWith('+')) return { from: minutes(item), to: null };
  const from = minutes(item);
  const end = minutes(item.slice(6));
  // "18:00-00:00" ends at midnight; "22:00-02:00" and "22:00-26:00" both end at 2:00 the next day.
  return { from, to: end <= from ? end + 1440 : end };
}

function readParts(text: string): RuleParts | null {
  let rest = text;
  const take = (re: RegExp): string | null => {
    const m = re.exec(rest);
    if (!m) return null;
    rest = rest.slice(m[0].length);
    return m[1] ?? '';
  };
  const always = take(/^(24\/7)(?: |$)/) !== null;
  const dates = always ? null : take(DATES);
  const days = always ? null : take(DAYS);
  const tail = rest;
  const times = always ? null : take(TIMES);
  const state = take(STATE);
  const comment = take(COMMENT);
  if (rest !== '') return null;
  const dayItems = days === null ? [] : [...days.matchAll(new RegExp(DAY_ITEM, 'g'))].map((m) => m[0]);
  const weekdays = dayRanges(dayItems.filter((d) => d !== 'PH'));
  if (weekdays === null) return null;
  return {
    always,
    dates: dates === null ? null : dates.split(',').map(dateRange),
    days: weekdays.length === 0 ? null : weekdays,
    holidays: dayItems.includes('PH'),
    times: times === null ? null : times.split(',').map(timeRange),
    state: state === null ? null : state === 'off' ? 'closed' : (state as RuleState),
    comment,
    tail,
  };
}

/** The rules of a prettified opening-hours value, in order. */
export function hoursRules(prettified: string): HoursRule[] {
  return splitRules(prettified).map(({ separator, text }) => ({ separator, text, parts: readParts(text) }));
}
