import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOCALES, intlLocale, isLocale } from './locale.ts';

test('LOCALES lists French, Dutch and English, French first', () => {
  assert.deepEqual([...LOCALES], ['fr', 'nl', 'en']);
});

test('isLocale accepts the three interface languages', () => {
  for (const l of ['fr', 'nl', 'en']) assert.equal(isLocale(l), true, l);
});

test('isLocale refuses anything else', () => {
  for (const x of [
    'de',
    'FR',
    'fr-BE',
    'nl-BE',
    '',
    ' fr',
    'fr ',
    'toString',
    'constructor',
    null,
    undefined,
    0,
    {},
    ['fr'],
  ]) {
    assert.equal(isLocale(x), false, String(x));
  }
});

test('intlLocale maps to the Belgian variant', () => {
  assert.equal(intlLocale('fr'), 'fr-BE');
  assert.equal(intlLocale('nl'), 'nl-BE');
  assert.equal(intlLocale('en'), 'en-BE');
});

test('every Belgian variant is supported by this Node build (full ICU)', () => {
  for (const l of LOCALES) {
    assert.deepEqual(Intl.NumberFormat.supportedLocalesOf([intlLocale(l)]), [intlLocale(l)]);
    assert.deepEqual(Intl.DateTimeFormat.supportedLocalesOf([intlLocale(l)]), [intlLocale(l)]);
  }
});
