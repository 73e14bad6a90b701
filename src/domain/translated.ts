import type { Locale } from './locale.ts';

/** Text in the platform's languages. French is required: Brussels administrations always publish in it. */
export type Translated = { fr: string; nl?: string; en?: string };

/** The text in the reader's language, else French, so a missing translation never leaves a blank. */
export function inLocale(text: Translated, locale: Locale): string {
  return text[locale]?.trim() ? (text[locale] as string) : text.fr;
}

/**
 * The text in the reader's language, else French, with the language it is actually in: a page in
 * Dutch that shows a French text marks it `lang="fr"` (WCAG 3.1.2).
 */
export function localized(text: Translated, locale: Locale): { text: string; lang: Locale } {
  return text[locale]?.trim() ? { text: text[locale] as string, lang: locale } : { text: text.fr, lang: 'fr' };
}

/** A text given in French but not in `lang`; an empty text (an optional one left out) needs no translation. */
export function lacksLanguage(text: Translated | null | undefined, lang: Locale): boolean {
  return !!text?.fr.trim() && !text[lang]?.trim();
}
