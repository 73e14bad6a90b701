// Opening hours in words, in the reader's language: "Monday to Friday 9:00–12:00, closed on public
// holidays" / "du lundi au vendredi de 9 h à 12 h, fermé les jours fériés" / "maandag tot vrijdag
// 9.00–12.00 uur, gesloten op feestdagen". The opening_hours library's own prettifier gives
// abbreviations ("lun.-ven."), and no Dutch, so the rules are said here, one phrase per rule. A rule
// this cannot say keeps its OpenStreetMap text, and `exact` tells the view it did.

import type { Locale } from '../locale.ts';
import { clock, dayOfMonth, HOUR_WORD, listOf, MONTHS, WEEKDAYS } from './clockWords.ts';
import type { DateRange, DayRange, HoursRule, RuleParts, TimeRange } from './openingHoursSyntax.ts';

export interface HoursInWords {
  /** One phrase per rule, in order. */
  lines: string[];
  /** The phrases in one sentence: joined by commas, or by semicolons when a phrase has a comma. */
  text: string;
  /** False when a rule is shown as written because it uses syntax not put in words. */
  exact: boolean;
}

const EN_DASH = '–';

const WORDS = {
  en: {
    always: 'open day and night, every day',
    closed: 'closed',
    holidays: 'public holidays',
    allDay: 'all day',
    otherwise: 'otherwise:',
    unknown: 'ask before you come',
    nextDay: '(next day)',
    everyDay: 'every day',
    ofMonth: 'of the month',
    last: 'last',
    ordinals: ['first', 'second', 'third', 'fourth', 'fifth'],
  },
  fr: {
    always: 'ouvert jour et nuit, tous les jours',
    closed: 'fermé',
    holidays: 'les jours fériés',
    allDay: 'toute la journée',
    otherwise: 'sinon\u202f:',
    unknown: 'renseignez-vous avant de venir',
    nextDay: '(le lendemain)',
    everyDay: 'tous les jours',
    ofMonth: 'du mois',
    last: 'dernier',
    ordinals: ['premier', 'deuxième', 'troisième', 'quatrième', 'cinquième'],
  },
  nl: {
    always: 'dag en nacht open, elke dag',
    closed: 'gesloten',
    holidays: 'feestdagen',
    allDay: 'de hele dag',
    otherwise: 'anders:',
    unknown: 'vraag eerst of het open is',
    nextDay: '(volgende dag)',
    everyDay: 'elke dag',
    ofMonth: 'van de maand',
    last: 'laatste',
    ordinals: ['eerste', 'tweede', 'derde', 'vierde', 'vijfde'],
  },
} as const;

function nthDay(range: DayRange, locale: Locale): string {
  const w = WORDS[locale];
  const day = WEEKDAYS[locale][range.from] ?? '';
  const which = listOf(
    (range.nth ?? []).map((n) => (n === -1 ? w.last : (w.ordinals[n - 1] ?? String(n)))),
    locale,
  );
  if (locale === 'fr') return `le ${which} ${day} ${w.ofMonth}`;
  if (locale === 'nl') return `de ${which} ${day} ${w.ofMonth}`;
  return `the ${which} ${day} ${w.ofMonth}`;
}

function dayItem(range: DayRange, locale: Locale): string {
  if (range.nth) return nthDay(range, locale);
  // Two days in a row read better as a pair: "Saturday and Sunday", not "Saturday to Sunday".
  if (range.to === (range.from + 1) % 7) {
    const single = (day: number) => dayItem({ from: day, to: day, nth: null }, locale);
    return listOf([single(range.from), single(range.to)], locale);
  }
  const [from, to] = [WEEKDAYS[locale][range.from] ?? '', WEEKDAYS[locale][range.to] ?? ''];
  if (range.from === range.to) return locale === 'fr' ? `le ${from}` : from;
  if (locale === 'fr') return `du ${from} au ${to}`;
  return locale === 'nl' ? `${from} tot ${to}` : `${from} to ${to}`;
}

/** "Monday to Friday and public holidays", or null when the rule names no day. */
function daysPhrase(parts: RuleParts, locale: Locale): string | null {
  const items = (parts.days ?? []).map((d) => dayItem(d, locale));
  if (parts.holidays) items.push(WORDS[locale].holidays);
  return items.length ? listOf(items, locale) : null;
}

function monthDayWords(d: DateRange['from'], locale: Locale): string {
  return d.day === null ? (MONTHS[locale][d.month - 1] ?? '') : dayOfMonth(d.month, d.day, locale);
}

function dateItem(range: DateRange, locale: Locale): string {
  const from = monthDayWords(range.from, locale);
  if (range.to === null) return { en: `on ${from}`, fr: `le ${from}`, nl: `op ${from}` }[locale];
  const to = monthDayWords(range.to, locale);
  if (locale === 'fr' && range.from.day === null) return `${/^[aeiou]/.test(from) ? 'd’' : 'de '}${from} à ${to}`;
  return { en: `from ${from} to ${to}`, fr: `du ${from} au ${to}`, nl: `van ${from} tot ${to}` }[locale];
}

/** "in July and August", "from 24 December to 1 January", "on 25 December". */
function datesPhrase(parts: RuleParts, locale: Locale): string | null {
  if (!parts.dates) return null;
  // "Jul-Aug" is two months: "in July and August".
  const dates = parts.dates.flatMap((d) =>
    d.to && d.from.day === null && d.to.day === null && d.to.month === (d.from.month % 12) + 1
      ? [
          { from: d.from, to: null },
          { from: d.to, to: null },
        ]
      : [d],
  );
  if (dates.every((d) => d.to === null && d.from.day === null)) {
    const months = listOf(
      dates.map((d) => monthDayWords(d.from, locale)),
      locale,
    );
    return locale === 'fr' ? `en ${months}` : `in ${months}`;
  }
  return listOf(
    dates.map((d) => dateItem(d, locale)),
    locale,
  );
}

function timeItem(range: TimeRange, locale: Locale): string {
  const from = clock(range.from, locale);
  if (range.to === null) return { en: `from ${from}`, fr: `à partir de ${from}`, nl: `vanaf ${from}` }[locale];
  if (range.from === 0 && range.to === 1440) return WORDS[locale].allDay;
  const to = clock(range.to > 1440 ? range.to - 1440 : range.to, locale);
  const next = range.to > 1440 ? ` ${WORDS[locale].nextDay}` : '';
  if (locale === 'fr') return `de ${from} à ${range.to === 1440 ? 'minuit' : to}${next}`;
  if (locale === 'en' && range.to === 1440) return `${from}${EN_DASH}midnight`;
  return `${from}${EN_DASH}${to}${next}`;
}

function timesPhrase(parts: RuleParts, locale: Locale): string | null {
  if (!parts.times) return null;
  const phrase = listOf(
    parts.times.map((t) => timeItem(t, locale)),
    locale,
  );
  // Dutch says "uur" once, after the last time: "9.00–12.00 en 14.00–17.00 uur".
  return locale === 'nl' ? phrase.replace(/(\d)(?!.*\d)/, `$1${HOUR_WORD.nl}`) : phrase;
}

const COLON: Record<Locale, string> = { en: ':', fr: '\u202f:', nl: ':' };
const SEMICOLON: Record<Locale, string> = { en: '; ', fr: '\u202f; ', nl: '; ' };

function partsInWords(parts: RuleParts, locale: Locale): string {
  const w = WORDS[locale];
  const comment = parts.comment ? `(${parts.comment})` : null;
  const phrase = (...items: (string | null)[]) => items.filter((i): i is string => i !== null && i !== '').join(' ');
  if (parts.always) return phrase(parts.state === 'closed' ? w.closed : w.always, comment);
  const dates = datesPhrase(parts, locale);
  const days = daysPhrase(parts, locale);
  const times = timesPhrase(parts, locale);
  if (parts.state === 'closed') {
    const on = days !== null && locale !== 'fr' ? `${locale === 'en' ? 'on' : 'op'} ${days}` : days;
    return phrase(w.closed, dates, on, times, comment);
  }
  if (!dates && !days && !times) return parts.comment ?? (parts.state === 'unknown' ? w.unknown : w.everyDay);
  // A rule with times but no day applies every day; one with days and no time, all day long.
  const when = phrase(
    dates && (days || times) ? dates + COLON[locale] : dates,
    days ?? (times ? w.everyDay : null),
    times ?? (days && !parts.comment ? w.allDay : null),
  );
  if (parts.state === 'unknown' && !parts.comment) return `${when}${COLON[locale]} ${w.unknown}`;
  return phrase(when, comment);
}

/** The rules in words; `rules` come from hoursRules() over the library's prettified value. */
export function hoursInWords(rules: readonly HoursRule[], locale: Locale): HoursInWords {
  const lines = rules.map((rule) => {
    const phrase = rule.parts ? partsInWords(rule.parts, locale) : rule.text;
    return rule.separator === 'fallback' ? `${WORDS[locale].otherwise} ${phrase}` : phrase;
  });
  const separator = lines.some((l) => l.includes(',')) ? SEMICOLON[locale] : ', ';
  return { lines, text: lines.join(separator), exact: rules.every((r) => r.parts !== null) };
}
