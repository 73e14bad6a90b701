import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amountBounds, floorShare, toFraction } from './amounts.ts';

describe('amount bounds', () => {
  it('reads a share as the exact decimal written', () => {
    assert.deepEqual(toFraction(0.8), { num: 8n, den: 10n });
    assert.deepEqual(toFraction(1), { num: 1n, den: 1n });
    assert.deepEqual(toFraction(1e-7), { num: 1n, den: 10_000_000n });
    assert.deepEqual(toFraction(0.333), { num: 333n, den: 1000n });
  });

  it('computes the partial floor in integers, rounding up to the cent', () => {
    // 0.8 * 5690400 in floating point is not promised to be 4552320 exactly; here it is.
    assert.equal(floorShare(5_690_400, toFraction(0.8)), 4_552_320);
    assert.equal(floorShare(1001, toFraction(0.5)), 501);
    assert.equal(floorShare(3, toFraction(0.1)), 1);
  });

  it('caps the fundable amount at grant.max and keeps the floor at or above grant.min', () => {
    const grant = { min: 3_000_000, max: 6_000_000 };
    assert.deepEqual(amountBounds(6_500_000, grant, toFraction(0.8)), {
      full: 6_000_000,
      lo: 4_800_000,
      fundable: true,
      capped: true,
    });
    assert.deepEqual(amountBounds(3_500_000, grant, toFraction(0.8)), {
      full: 3_500_000,
      lo: 3_000_000,
      fundable: true,
      capped: false,
    });
    assert.deepEqual(amountBounds(3_500_000, grant, null), {
      full: 3_500_000,
      lo: 3_500_000,
      fundable: true,
      capped: false,
    });
  });

  it('marks a request under grant.min as not fundable', () => {
    assert.equal(amountBounds(1_101_500, { min: 3_000_000 }, toFraction(0.8)).fundable, false);
    assert.equal(amountBounds(1_101_500, { min: null }, null).fundable, true);
  });
});
