// Every message formatted as a page would with counts 0, 1 and 2, in the three languages: no "1
// projets", "1 projecten" or "1 applications" anywhere. A count shown in a message is an ICU plural.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGUES, translator, type MessageKey, type MessageValues } from './i18n.ts';

/** Placeholders that carry a count when they are not typed (a bare `{count}`). */
const COUNT_NAMES =
  /^(count|n|total|left|members|active|applications|gaps|k|position|rank|seats|rows|days|hours|minutes|submitted|eligible|selected|pending|reviews|jurors|missing|late)$/i;

function values(elements: MessageFormatElement[], n: number, into: MessageValues = {}): MessageValues {
  for (const e of elements) {
    if (e.type === TYPE.plural || e.type === TYPE.number) into[e.value] = n;
    else if (e.type === TYPE.date || e.type === TYPE.time) into[e.value] = new Date('2026-12-01T11:00:00Z');
    else if (e.type === TYPE.select) into[e.value] ??= 'other';
    else if (e.type === TYPE.argument) into[e.value] ??= COUNT_NAMES.test(e.value) ? n : 'X';
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) values(option.value, n, into);
  }
  return into;
}

/** A noun in the plural right after "1", per language; words that end so in the singular are allowed. */
const WRONG_AFTER_ONE: Record<'fr' | 'nl' | 'en', { pattern: RegExp; singular: Set<string> }> = {
  fr: {
    pattern: /(?<![\d,.])1[\s\u00A0\u202F](\p{L}+s)\b/gu,
    singular: new Set(['fois', 'mois', 'cas', 'sur', 'dans', 'sous', 'plus', 'après', 'vers', 'depuis', 'jours']),
  },
  nl: {
    pattern: /(?<![\d,.])1[\s\u00A0\u202F](\p{L}+(?:en|s))\b/gu,
    singular: new Set(['van', 'keer', 'uren', 'is', 'dagen', 'teken']),
  },
  en: {
    pattern: /(?<![\d,.])1[\s\u00A0\u202F](\p{L}+s)\b/gu,
    singular: new Set(['is', 'was', 'has', 'this', 'plus', 'across', 'process']),
  },
};

test('no message says "1 projets": every count is an ICU plural, in French, Dutch and English', () => {
  const wrong: string[] = [];
  for (const locale of ['fr', 'nl', 'en'] as const) {
    const t = translator(locale);
    const { pattern, singular } = WRONG_AFTER_ONE[locale];
    for (const key of Object.keys(CATALOGUES[locale]) as MessageKey[]) {
      const elements = parse(CATALOGUES[locale][key]);
      for (const n of [0, 1, 2]) {
        const text = t(key, values(elements, n));
        assert.ok(!/\{|\}/.test(text), `${locale}:${key} left a placeholder with ${n}: ${text}`);
        if (n !== 1) continue;
        for (const m of text.matchAll(pattern)) {
          // "1 days" is wrong even though the words list keeps "jours"/"dagen" for the French and Dutch duration.
          if (!singular.has(m[1]!.toLowerCase())) wrong.push(`${locale}:${key} → ${text}`);
        }
      }
    }
  }
  assert.deepEqual(wrong, []);
});

test('French messages set a narrow no-break space before : ; ! ?, through the one typography helper', () => {
  const t = translator('fr');
  assert.equal(t('results.publics', { publics: 'Seniors' }), 'Pour\u202F: Seniors');
  assert.equal(t('results.publics', { publics: 'a : b' }), 'Pour\u202F: a : b', 'the values stay as typed');
  for (const key of Object.keys(CATALOGUES.fr) as MessageKey[]) {
    const text = t(key, values(parse(CATALOGUES.fr[key]), 2));
    assert.doesNotMatch(text, /[^\s\u202F][:;!?](\s|$)|[ \u00A0][:;!?](\s|$)/u, `fr:${key}: ${text}`);
  }
});
