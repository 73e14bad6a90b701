import { formatCount } from '../../../../domain/numbers.ts';
import type { Locale } from '../../../../domain/locale.ts';
import { intlLocale } from '../../../../domain/locale.ts';

/** A score or total as Brussels readers write it, 14,5 (the Belgian variant of each language). */
export function formatScore(n: number, locale: Locale): string {
  return formatCount(n, locale);
}

/** A score as it goes back into an input: no grouping, the Belgian decimal comma (as formatScore shows it). */
export function scoreInput(n: number | undefined): string {
  return n === undefined ? '' : String(n).replace('.', ',');
}

/** An offset with its sign, +3,2 or −1,5: which way a juror leans matters as much as how far. */
export function formatOffset(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(n);
}
