import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsCheck } from './placeFreshness.ts';

test('a place is flagged from the day a year has passed since it was checked', () => {
  assert.equal(needsCheck('2025-12-04', '2026-12-03'), false);
  assert.equal(needsCheck('2025-12-04', '2026-12-04'), true);
  assert.equal(needsCheck('2024-02-29', '2025-02-28'), false);
  assert.equal(needsCheck('2024-02-29', '2025-03-01'), true);
  assert.equal(needsCheck('2026-12-04', '2026-12-04'), false);
});
