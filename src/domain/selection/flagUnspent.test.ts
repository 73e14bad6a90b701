import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagUnspent } from './flagUnspent.ts';
import { app, request, run } from './testing/build.ts';

describe('flagUnspent', () => {
  const input = request([app('A', 6000, 90), app('B', 3000, 80), app('C', 3000, 70, { commune: '21004' })], {
    mode: 'constrained',
    constraints: { maxPerCommune: 1 },
  });

  it('flags money left while a reserve application could still be funded within the rules', () => {
    // A person kept B and C out: 4,000 left, and C (another commune) could take 3,000 of it.
    const edited = {
      selected: [{ id: 'A', amount: 6000, rank: 1, partial: false, reason: 'rank' }],
      reserve: [
        { id: 'B', rank: 2 },
        { id: 'C', rank: 3 },
      ],
      unspent: 4000,
    };
    const warnings = flagUnspent(input, edited);
    assert.deepEqual(
      warnings.map((w) => w.id),
      ['C'],
    ); // B's commune is full
    assert.match(warnings[0]!.detail, /€40 is left unspent, yet reserve application C could still receive €30/);
  });

  it('flags nothing in the engine’s own selection', async () => {
    const result = await run(input);
    assert.deepEqual(flagUnspent(input, result), []);
    assert.deepEqual(result.warnings, []);
  });
});
