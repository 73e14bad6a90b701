import { intlLocale, type Locale } from './locale.ts';

const FORMATTERS = new Map<Locale, Intl.NumberFormat>();

/** A count as Belgian readers write it (fr-BE: "1 200"); formatters are built once per language. */
export function formatCount(n: number, locale: Locale): string {
  let f = FORMATTERS.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 });
    FORMATTERS.set(locale, f);
  }
  return f.format(n);
}
