// Times, days and months as Brussels readers write them, shared by the description of opening
// hours and the "open now" line so both say a time the same way: "9:00" in English, "9 h 30" in
// French, "9.30 uur" in Dutch. The French "h" is held to its number by a no-break space, so a
// narrow phone screen never leaves "9" at the end of one line and "h" at the start of the next.

import type { Locale } from '../locale.ts';

const NBSP = '\u00a0';

/** Monday first, as the OpenStreetMap syntax counts (Mo = 0 … Su = 6). */
export const WEEKDAYS: Record<Locale, readonly string[]> = {
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  nl: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
};

export const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

/**
 * A time of day given in minutes after midnight (0 … 1440), without the Dutch "uur", which a
 * phrase adds once at its end ("9.00–12.00 uur"). 1440 is midnight at the end of the day.
 */
export function clock(minutes: number, locale: Locale): string {
  const h = minutes === 1440 ? 24 : Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  const mm = String(m).padStart(2, '0');
  if (locale === 'fr') return m === 0 ? `${h}${NBSP}h` : `${h}${NBSP}h${NBSP}${mm}`;
  if (locale === 'nl') return `${h}.${mm}`;
  return `${h}:${mm}`;
}

/** The Dutch hour word, for the end of a phrase of times. */
export const HOUR_WORD: Record<Locale, string> = { en: '', fr: '', nl: `${NBSP}uur` };

/** "a, b and c" in the reader's language. */
export function listOf(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items[0] ?? '';
  const and = { en: 'and', fr: 'et', nl: 'en' }[locale];
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** "2 September", "1er janvier", "2 september": a day of the month in the reader's language. */
export function dayOfMonth(month: number, day: number, locale: Locale): string {
  const name = MONTHS[locale][month - 1];
  if (name === undefined) throw new RangeError(`no month ${month}`);
  return locale === 'fr' && day === 1 ? `1er${NBSP}${name}` : `${day}${NBSP}${name}`;
}
