import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clock, dayOfMonth, listOf } from './clockWords.ts';

const NBSP = '\u00a0';

test('a time as each language writes it, the French hour held to its number', () => {
  assert.deepEqual(
    [540, 810, 1440, 0].map((m) => clock(m, 'en')),
    ['9:00', '13:30', '24:00', '0:00'],
  );
  assert.deepEqual(
    [540, 810].map((m) => clock(m, 'fr')),
    [`9${NBSP}h`, `13${NBSP}h${NBSP}30`],
  );
  assert.deepEqual(
    [540, 810].map((m) => clock(m, 'nl')),
    ['9.00', '13.30'],
  );
});

test('lists and days of the month', () => {
  assert.equal(listOf(['a', 'b', 'c'], 'fr'), 'a, b et c');
  assert.equal(listOf(['a', 'b'], 'nl'), 'a en b');
  assert.equal(listOf(['a'], 'en'), 'a');
  assert.equal(dayOfMonth(1, 1, 'fr'), `1er${NBSP}janvier`);
  assert.equal(dayOfMonth(9, 2, 'en'), `2${NBSP}September`);
  assert.throws(() => dayOfMonth(13, 1, 'nl'), RangeError);
});
