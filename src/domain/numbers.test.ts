import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCount } from './numbers.ts';

test('counts are grouped the Belgian way in each language', () => {
  assert.equal(formatCount(1200, 'fr').replace(/\s/g, ' '), '1 200');
  assert.equal(formatCount(1200, 'nl'), '1.200');
  assert.equal(formatCount(1200, 'en'), '1.200', 'en-BE groups like Dutch');
});
