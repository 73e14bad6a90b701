import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOGUES, negotiateLocale, translator } from './i18n.ts';

const keys = (locale: keyof typeof CATALOGUES) => Object.keys(CATALOGUES[locale]).sort();

function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type !== TYPE.literal && e.type !== TYPE.pound) into.add(e.value);
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const option of Object.values(e.options)) placeholders(option.value, into);
  }
  return into;
}

test('every message key exists in French, Dutch and English', () => {
  assert.deepEqual(keys('fr'), keys('en'));
  assert.deepEqual(keys('nl'), keys('en'));
});

test('every message is valid ICU with the same placeholders in each language, and none is left blank', () => {
  for (const key of keys('en')) {
    const expected = [...placeholders(parse(CATALOGUES.en[key as keyof typeof CATALOGUES.en]))].sort();
    for (const locale of ['fr', 'nl'] as const) {
      const text = CATALOGUES[locale][key as keyof typeof CATALOGUES.en];
      assert.ok(text.trim(), `${locale}:${key} is blank`);
      assert.deepEqual([...placeholders(parse(text))].sort(), expected, `${locale}:${key} placeholders`);
    }
  }
});

test('messages are formatted with their values', () => {
  assert.equal(translator('nl')('home.funderCalls', { funder: 'Paradigm' }), 'Oproepen van Paradigm');
  assert.equal(translator('fr')('form.error.tooLong', { max: 120 }), 'Utilisez au plus 120 caractères.');
});

test('Accept-Language picks the best language Octroi speaks, else French', () => {
  assert.equal(negotiateLocale('nl-BE,nl;q=0.9,en;q=0.8'), 'nl');
  assert.equal(negotiateLocale('de-DE,en;q=0.5,nl;q=0.7'), 'nl');
  assert.equal(negotiateLocale('de-DE'), 'fr');
  assert.equal(negotiateLocale('en;q=0,fr;q=0.1'), 'fr');
  assert.equal(negotiateLocale(undefined), 'fr');
  assert.equal(negotiateLocale('*'), 'fr');
});
