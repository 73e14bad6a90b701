import type { Locale } from './locale.ts';

/** Text in the platform's languages. French is required: Brussels administrations always publish in it. */
export type Translated = { fr: string; nl?: string; en?: string };

/** The text in the reader's language, else French, so a missing translation never leaves a blank. */
export function inLocale(text: Translated, locale: Locale): string {
  return text[locale]?.trim() ? (text[locale] as string) : text.fr;
}
