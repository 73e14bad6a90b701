// The grant's amount written out in words, as an agreement states it next to the figures so that neither can be
// altered alone. The numbers come from n2words (maintained, no dependencies): Belgian French (septante, nonante,
// as Brussels administrations write), Dutch, and British English ("nine hundred and four", with "and").
// The currency words are added here rather than taken from n2words' toCurrency, which writes "un million euros"
// for "un million d'euros" and pounds in British English.
import { toCardinal as englishCardinal } from 'n2words/en-GB';
import { toCardinal as frenchCardinal } from 'n2words/fr-BE';
import { toCardinal as dutchCardinal } from 'n2words/nl-NL';
import type { Locale } from '../locale.ts';
import { assertCents, type Cents } from '../money.ts';

type Words = (euros: number, cents: number) => string;

// French: "euro" takes an s from 2 on, and "d'euros" follows a round million or milliard ("deux millions
// d'euros", but "deux millions cent euros"); "centime(s)".
const french: Words = (euros, cents) => {
  const parts: string[] = [];
  if (euros > 0) {
    const unit = euros % 1_000_000 === 0 ? "d'euros" : euros === 1 ? 'euro' : 'euros';
    parts.push(`${frenchCardinal(euros)} ${unit}`);
  }
  if (cents > 0) parts.push(`${frenchCardinal(cents)} ${cents === 1 ? 'centime' : 'centimes'}`);
  return parts.join(' et ');
};

// Dutch: "euro" and "cent" do not change in the plural.
const dutch: Words = (euros, cents) => {
  const parts: string[] = [];
  if (euros > 0) parts.push(`${dutchCardinal(euros)} euro`);
  if (cents > 0) parts.push(`${dutchCardinal(cents)} cent`);
  return parts.join(' en ');
};

const english: Words = (euros, cents) => {
  const parts: string[] = [];
  if (euros > 0) parts.push(`${englishCardinal(euros)} ${euros === 1 ? 'euro' : 'euros'}`);
  if (cents > 0) parts.push(`${englishCardinal(cents)} ${cents === 1 ? 'cent' : 'cents'}`);
  return parts.join(' and ');
};

const WORDS: Record<Locale, Words> = { fr: french, nl: dutch, en: english };
const ZERO: Record<Locale, string> = { fr: 'zéro euro', nl: 'nul euro', en: 'zero euros' };

/**
 * An amount of cents in words in the agreement's language: 5,690,400 cents is "cinquante-six mille neuf cent
 * quatre euros", "zesenvijftigduizend negenhonderdvier euro", "fifty-six thousand nine hundred and four euros";
 * cents are added after "et" / "en" / "and" when there are any. Throws on a negative or fractional amount.
 */
export function amountInWords(amountCents: Cents, locale: Locale): string {
  assertCents(amountCents);
  if (amountCents < 0) throw new RangeError(`A negative amount has no words here: ${amountCents}`);
  if (amountCents === 0) return ZERO[locale];
  const cents = amountCents % 100;
  return WORDS[locale]((amountCents - cents) / 100, cents);
}
