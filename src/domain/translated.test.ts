import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inLocale } from './translated.ts';

test('translated text falls back to French when a language is missing or blank', () => {
  const text = { fr: 'Appel', nl: 'Oproep', en: ' ' };
  assert.equal(inLocale(text, 'nl'), 'Oproep');
  assert.equal(inLocale(text, 'en'), 'Appel');
  assert.equal(inLocale({ fr: 'Appel' }, 'nl'), 'Appel');
});
