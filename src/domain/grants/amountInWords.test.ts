import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountInWords } from './amountInWords.ts';

test('a grant of 56,904 euros in the three languages of the agreement', () => {
  assert.equal(amountInWords(5_690_400, 'fr'), 'cinquante-six mille neuf cent quatre euros');
  assert.equal(amountInWords(5_690_400, 'nl'), 'zesenvijftigduizend negenhonderdvier euro');
  assert.equal(amountInWords(5_690_400, 'en'), 'fifty-six thousand nine hundred and four euros');
});

test('cents are written after the euros', () => {
  assert.equal(amountInWords(5_690_405, 'fr'), 'cinquante-six mille neuf cent quatre euros et cinq centimes');
  assert.equal(amountInWords(5_690_405, 'nl'), 'zesenvijftigduizend negenhonderdvier euro en vijf cent');
  assert.equal(amountInWords(5_690_405, 'en'), 'fifty-six thousand nine hundred and four euros and five cents');
  assert.equal(amountInWords(1, 'fr'), 'un centime');
  assert.equal(amountInWords(71, 'fr'), 'septante et un centimes');
  assert.equal(amountInWords(1, 'en'), 'one cent');
});

test('Belgian French numbers: septante, quatre-vingts, nonante', () => {
  assert.equal(amountInWords(7_100, 'fr'), 'septante et un euros');
  assert.equal(amountInWords(8_000_000, 'fr'), 'quatre-vingt mille euros');
  assert.equal(amountInWords(9_999_900, 'fr'), 'nonante-neuf mille neuf cent nonante-neuf euros');
  assert.equal(amountInWords(28_000, 'fr'), 'deux cent quatre-vingts euros');
});

test('singular and plural, and "d\'euros" after a round million', () => {
  assert.equal(amountInWords(100, 'fr'), 'un euro');
  assert.equal(amountInWords(100, 'en'), 'one euro');
  assert.equal(amountInWords(100_000_000, 'fr'), "un million d'euros");
  assert.equal(amountInWords(200_000_000, 'fr'), "deux millions d'euros");
  assert.equal(amountInWords(200_010_000, 'fr'), 'deux millions cent euros');
  assert.equal(amountInWords(30_000_000, 'nl'), 'driehonderdduizend euro');
  assert.equal(amountInWords(0, 'en'), 'zero euros');
});

test('negative or fractional amounts are refused', () => {
  assert.throws(() => amountInWords(-100, 'fr'), RangeError);
  assert.throws(() => amountInWords(1.5, 'fr'), RangeError);
});
