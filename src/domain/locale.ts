// The interface languages. Brussels is officially bilingual (FR/NL); English serves applicants who
// read neither. Formatting always uses the Belgian variant so that numbers, currency and dates
// look the way Brussels readers expect, whatever the language.

export const LOCALES = ['fr', 'nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export type IntlLocale = 'fr-BE' | 'nl-BE' | 'en-BE';

const INTL: Record<Locale, IntlLocale> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-BE' };

export function isLocale(x: unknown): x is Locale {
  return typeof x === 'string' && (LOCALES as readonly string[]).includes(x);
}

export function intlLocale(locale: Locale): IntlLocale {
  return INTL[locale];
}
