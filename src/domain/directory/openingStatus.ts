// Whether a place is open at an instant and when that changes, in Brussels time, and the line a
// resident reads: "Open now, closes at 17:00" / "Closed, opens Tuesday at 9:00". The server's clock
// gives the instant; the hours give the rest (openingHours.ts).

import { instantToBrussels } from '../brusselsTime.ts';
import type { Locale } from '../locale.ts';
import { clock, dayOfMonth, HOUR_WORD, WEEKDAYS } from './clockWords.ts';
import type { OpeningHours } from './openingHours.ts';
import type { RuleState } from './openingHoursSyntax.ts';

export interface OpeningStatus {
  state: RuleState;
  /** The comment of the rule in force ("on appointment"), as its author wrote it. */
  comment: string | null;
  /** The next change of state within the horizon; null if none (always open, or closed for longer). */
  next: { at: Date; state: RuleState } | null;
}

/** How far ahead "opens on …" looks: a month covers the summer closures that matter to a reader. */
export const STATUS_HORIZON_DAYS = 31;
const DAY_MS = 24 * 60 * 60 * 1000;

export function openingStatus(hours: OpeningHours, now: Date, horizonDays = STATUS_HORIZON_DAYS): OpeningStatus {
  const { state, comment } = hours.stateAt(now);
  return { state, comment, next: hours.nextChange(now, new Date(now.getTime() + horizonDays * DAY_MS)) };
}

type CalendarDate = { year: number; month: number; day: number };

function calendarDate(instant: Date): CalendarDate {
  const [year, month, day] = instantToBrussels(instant).date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
/** Monday 0 … Sunday 6. */
const weekday = (d: CalendarDate) => (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;

/**
 * Whether the place opens, or may open by appointment, on a Saturday or Sunday of the next `weeks`
 * weekends (this one included if today is a weekend day). Several weekends, so that one weekend
 * closed for a holiday does not hide a place that opens on most.
 */
export function opensOnWeekends(hours: OpeningHours, now: Date, weeks = 4): boolean {
  const today = calendarDate(now);
  const first = weekday(today) === 6 ? -1 : 5 - weekday(today); // on a Sunday, this weekend began yesterday
  for (let w = 0; w < weeks; w++) {
    const saturday = new Date(Date.UTC(today.year, today.month - 1, today.day + first + 7 * w));
    const start = { year: saturday.getUTCFullYear(), month: saturday.getUTCMonth() + 1, day: saturday.getUTCDate() };
    if (hours.opensBetweenDays(start, 2)) return true;
  }
  return false;
}

const WORDS = {
  en: {
    open: 'Open now',
    closed: 'Closed',
    unknown: 'Ask before you come',
    opens: 'opens',
    closes: 'closes',
    at: 'at',
    today: 'today',
    tomorrow: 'tomorrow',
    on: 'on',
    midnight: 'at midnight',
  },
  fr: {
    open: 'Ouvert maintenant',
    closed: 'Fermé',
    unknown: 'Renseignez-vous avant de venir',
    opens: 'ouvre',
    closes: 'ferme',
    at: 'à',
    today: 'aujourd’hui',
    tomorrow: 'demain',
    on: 'le',
    midnight: 'à minuit',
  },
  nl: {
    open: 'Nu open',
    closed: 'Gesloten',
    unknown: 'Vraag eerst of het open is',
    opens: 'opent',
    closes: 'sluit',
    at: 'om',
    today: 'vandaag',
    tomorrow: 'morgen',
    on: 'op',
    midnight: 'om middernacht',
  },
} as const;

/** "today", "tomorrow", "Tuesday" within a week, else "on 2 September"; null for a closing later today. */
function whichDay(now: Date, at: Date, closing: boolean, locale: Locale): string | null {
  const w = WORDS[locale];
  const [from, to] = [calendarDate(now), calendarDate(at)];
  const days = dayNumber(to) - dayNumber(from);
  if (days === 0) return closing ? null : w.today;
  if (days === 1) return w.tomorrow;
  if (days < 7) return WEEKDAYS[locale][weekday(to)] ?? null;
  return `${w.on} ${dayOfMonth(to.month, to.day, locale)}`;
}

function nextInWords(status: OpeningStatus, now: Date, locale: Locale): string | null {
  if (!status.next) return null;
  const w = WORDS[locale];
  const closing = status.next.state === 'closed';
  const verb = closing ? w.closes : w.opens;
  const { time } = instantToBrussels(status.next.at);
  const minutes = Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
  // A closing at 0:00 the next day is "closes at midnight", said of the day that ends.
  if (closing && minutes === 0 && whichDay(now, status.next.at, true, locale) === w.tomorrow)
    return `${verb} ${w.midnight}`;
  const day = whichDay(now, status.next.at, closing, locale);
  return [verb, day, w.at, clock(minutes, locale) + HOUR_WORD[locale]].filter(Boolean).join(' ');
}

/**
 * The status in words: `now` ("Open now"), `next` ("closes at 17:00", "opens Tuesday at 9:00"),
 * and both as one line. A comment is added to "ask before you come".
 */
export function statusInWords(
  status: OpeningStatus,
  now: Date,
  locale: Locale,
): { now: string; next: string | null; text: string } {
  const w = WORDS[locale];
  const base = status.state === 'open' ? w.open : status.state === 'closed' ? w.closed : w.unknown;
  const headline = status.state === 'unknown' && status.comment ? `${base} (${status.comment})` : base;
  const next = nextInWords(status, now, locale);
  return { now: headline, next, text: next ? `${headline}, ${next}` : headline };
}
