import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inLocale, localized } from './translated.ts';

test('translated text falls back to French when a language is missing or blank', () => {
  const text = { fr: 'Appel', nl: 'Oproep', en: ' ' };
  assert.equal(inLocale(text, 'nl'), 'Oproep');
  assert.equal(inLocale(text, 'en'), 'Appel');
  assert.equal(inLocale({ fr: 'Appel' }, 'nl'), 'Appel');
});

test('a text shown outside its language says which language it is in', () => {
  assert.deepEqual(localized({ fr: 'Appel', nl: 'Oproep' }, 'nl'), { text: 'Oproep', lang: 'nl' });
  assert.deepEqual(localized({ fr: 'Appel', nl: ' ' }, 'nl'), { text: 'Appel', lang: 'fr' });
  assert.deepEqual(localized({ fr: 'Appel' }, 'en'), { text: 'Appel', lang: 'fr' });
});
