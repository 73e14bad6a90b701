import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { app, funded, request, run } from './testing/build.ts';

const four = [app('A', 4000, 90), app('B', 5000, 80), app('C', 3000, 70), app('D', 2000, 60)];

describe('ranking mode', () => {
  it('funds in rank order while it fits, and walks on past one that does not', async () => {
    const result = await run(request(four, { budget: 11_000 }));
    assert.deepEqual(funded(result), ['A:4000', 'B:5000', 'D:2000']);
    assert.deepEqual(result.reserve, [{ id: 'C', rank: 3, reason: 'budget' }]);
    assert.equal(result.total, 11_000);
    assert.equal(result.unspent, 0);
    assert.ok(result.selected.every((s) => s.reason === 'rank' && !s.partial));
  });

  it('funds the last one partially with exactly what is left when its floor fits', async () => {
    const result = await run(request(four, { budget: 11_600, grant: { partialFloor: 0.8 } }));
    assert.deepEqual(funded(result), ['A:4000', 'B:5000', 'C:2600']);
    assert.deepEqual(result.selected[2], { id: 'C', amount: 2600, rank: 3, partial: true, reason: 'rank' });
    assert.deepEqual(result.reserve, [{ id: 'D', rank: 4, reason: 'budget' }]);
    assert.equal(result.unspent, 0);
  });

  it('never funds partially without a partial floor', async () => {
    const result = await run(request(four, { budget: 11_600 }));
    assert.deepEqual(funded(result), ['A:4000', 'B:5000', 'D:2000']);
    assert.equal(result.unspent, 600);
  });

  it('keeps a partial grant at or above the floor: 2,399 left is under 80 % of 3,000', async () => {
    const result = await run(request(four, { budget: 11_399, grant: { partialFloor: 0.8 } }));
    // C cannot take 2,399 (floor 2,400); D then takes 2,000 in full.
    assert.deepEqual(funded(result), ['A:4000', 'B:5000', 'D:2000']);
  });

  it('keeps a partial grant at or above grant.min even when the floor is lower', async () => {
    const result = await run(request(four, { budget: 11_600, grant: { min: 2700, partialFloor: 0.5 } }));
    // C may not go under 2,700 and 2,600 are left; D asks less than grant.min.
    assert.deepEqual(funded(result), ['A:4000', 'B:5000']);
    assert.deepEqual(result.reserve, [
      { id: 'C', rank: 3, reason: 'budget' },
      { id: 'D', rank: 4, reason: 'rule:grant.min' },
    ]);
  });

  it('funds a request above grant.max at the maximum, and says so', async () => {
    const result = await run(request([app('A', 7000, 90), app('B', 3000, 80)], { grant: { max: 5000 } }));
    assert.deepEqual(funded(result), ['A:5000', 'B:3000']);
    assert.equal(result.selected[0]!.partial, false);
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.id]),
      [['capped-at-max', 'A']],
    );
  });

  it('rejects applications below the thresholds and still counts them in the ranks', async () => {
    const result = await run(
      request([app('A', 1000, 50), app('B', 1000, 90, { passedThresholds: false }), app('C', 1000, 70)]),
    );
    assert.deepEqual(result.rejected, [{ id: 'B', rank: 1, reason: 'below-threshold' }]);
    assert.deepEqual(
      result.selected.map((s) => [s.id, s.rank]),
      [
        ['C', 2],
        ['A', 3],
      ],
    );
  });

  it('ranks by score descending and keeps input order among equal scores', async () => {
    const result = await run(request([app('A', 6000, 70), app('B', 6000, 80), app('C', 6000, 80)]));
    assert.deepEqual(
      result.selected.map((s) => s.id),
      ['B'],
    );
    assert.deepEqual(
      result.reserve.map((r) => [r.id, r.rank]),
      [
        ['C', 2],
        ['A', 3],
      ],
    );
  });

  it('does not apply portfolio rules, and warns about each one the selection misses', async () => {
    const input = request(
      [app('A', 4000, 90), app('B', 4000, 80), app('C', 4000, 70, { targetPublics: ['homeless'] })],
      {
        constraints: { minPerTargetPublic: { homeless: 1 }, maxPerCommune: 1 },
      },
    );
    const result = await run(input);
    assert.deepEqual(funded(result), ['A:4000', 'B:4000']);
    assert.deepEqual(
      result.warnings.map((w) => [w.code, w.rule]),
      [
        ['rule-not-met', 'minPerTargetPublic:homeless'],
        ['rule-not-met', 'maxPerCommune'],
      ],
    );
    assert.deepEqual(result.unsatisfiable, []);
  });

  it('leaves nothing to flag as unspent', async () => {
    const result = await run(request(four, { budget: 12_345, grant: { partialFloor: 0.9 } }));
    assert.deepEqual(result.warnings, []);
  });
});
