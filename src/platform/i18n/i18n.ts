import { IntlMessageFormat } from 'intl-messageformat';
import { frenchPunctuation } from '../../domain/frenchText.ts';
import { intlLocale, isLocale, LOCALES, type Locale } from '../../domain/locale.ts';
import { en } from './messages/en.ts';
import { fr } from './messages/fr.ts';
import { nl } from './messages/nl.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const CATALOGUES: Record<Locale, Messages> = { fr, nl, en };
export const DEFAULT_LOCALE: Locale = 'fr';

const compiled = new Map<string, IntlMessageFormat>();

/** One per language, made once: every request asks for one. */
const translators = new Map<Locale, Translate>();

/** ICU messages, compiled once per locale and key. Dates in messages are shown in Brussels time. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translate(locale)));
  return t;
}

function translate(locale: Locale): Translate {
  return (key, values) => {
    const id = `${locale}:${key}`;
    let format = compiled.get(id);
    if (!format) {
      // French typography is set on the message itself, once (the values inserted are left as typed).
      const pattern = locale === 'fr' ? frenchPunctuation(CATALOGUES[locale][key]) : CATALOGUES[locale][key];
      format = new IntlMessageFormat(pattern, intlLocale(locale), {
        date: { long: { dateStyle: 'long', timeZone: 'Europe/Brussels' } },
        time: { short: { timeStyle: 'short', timeZone: 'Europe/Brussels' } },
      });
      compiled.set(id, format);
    }
    return String(format.format(values));
  };
}

/** Picks the first language of Accept-Language that Octroi speaks (by quality), else French. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.lang).find(isLocale) ?? DEFAULT_LOCALE;
}

export { LOCALES, type Locale };

/** The colon a view puts between a label and its value: French sets a narrow no-break space before it. */
export function colon(locale: Locale): string {
  return locale === 'fr' ? '\u202F:' : ':';
}
