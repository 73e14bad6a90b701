import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { kendallTau } from './kendall.ts';

describe("Kendall's τ-b", () => {
  test('1 for the same order, −1 reversed, 0 for unrelated', () => {
    assert.equal(kendallTau([1, 2, 3, 4], [10, 20, 30, 40]), 1);
    assert.equal(kendallTau([1, 2, 3, 4], [4, 3, 2, 1]), -1);
    assert.equal(kendallTau([1, 2, 3, 4], [1, 2, 4, 3]), 4 / 6);
    assert.equal(kendallTau([1, 2, 3, 4], [2, 1, 4, 3]), 2 / 6);
  });

  test('ties are corrected for (τ-b)', () => {
    // Pairs: (1,2) tie in x; others concordant: C = 5, ties in x = 1 → 5 / √(6 × 5).
    assert.ok(Math.abs(kendallTau([1, 1, 2, 3], [1, 2, 3, 4]) - 5 / Math.sqrt(30)) < 1e-12);
    assert.equal(kendallTau([1, 1], [2, 2]), 0);
  });
});
