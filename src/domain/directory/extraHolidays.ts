// Holidays a Brussels place may close on besides the ten Belgian public holidays that the
// opening_hours library knows as "PH" for Belgium: the Brussels Region's Iris Day (8 May) and the
// days of the Flemish (11 July) and French (27 September) communities. Which of them count is the
// installation's choice. The library has no way to add a holiday, so each rule that applies on
// public holidays is repeated for these dates, right after itself, with the same separator: the
// rules keep their order, so the days behave exactly as "PH" would on them.

import type { Labels } from './codelist.ts';
import type { HoursRule, RuleSeparator } from './openingHoursSyntax.ts';

export const EXTRA_HOLIDAYS = [
  {
    key: 'iris-day',
    date: 'May 08',
    label: { fr: 'Fête de l’Iris (8 mai)', nl: 'Irisfeest (8 mei)', en: 'Iris Day (8 May)' },
  },
  {
    key: 'flemish-community-day',
    date: 'Jul 11',
    label: {
      fr: 'Fête de la Communauté flamande (11 juillet)',
      nl: 'Feest van de Vlaamse Gemeenschap (11 juli)',
      en: 'Flemish Community Day (11 July)',
    },
  },
  {
    key: 'french-community-day',
    date: 'Sep 27',
    label: {
      fr: 'Fête de la Fédération Wallonie-Bruxelles (27 septembre)',
      nl: 'Feest van de Franse Gemeenschap (27 september)',
      en: 'French Community Day (27 September)',
    },
  },
] as const satisfies readonly { key: string; date: string; label: Labels }[];
export type ExtraHolidayKey = (typeof EXTRA_HOLIDAYS)[number]['key'];

const SEPARATOR: Record<RuleSeparator, string> = { normal: '; ', additional: ', ', fallback: ' || ' };

/**
 * The value to evaluate: the rules as given, each rule that applies on public holidays followed by
 * the same times, state and comment on the chosen extra days. Rules that also select dates or
 * months ("Jan-Jun PH off"), or that the syntax reader cannot split, are left as they are: the
 * extra days do not apply to them.
 */
export function withExtraHolidays(rules: readonly HoursRule[], extra: readonly ExtraHolidayKey[]): string {
  const dates = EXTRA_HOLIDAYS.filter((h) => extra.includes(h.key)).map((h) => h.date);
  return rules
    .map((rule, i) => {
      const text = (i === 0 ? '' : SEPARATOR[rule.separator]) + rule.text;
      const parts = rule.parts;
      if (dates.length === 0 || !parts || !parts.holidays || parts.dates !== null) return text;
      return `${text}${SEPARATOR[rule.separator]}${[dates.join(','), parts.tail].filter(Boolean).join(' ')}`;
    })
    .join('');
}
