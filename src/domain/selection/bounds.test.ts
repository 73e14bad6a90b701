// The walk's shortcuts are only as good as their proofs: each bound is checked here against the
// least completion cost found by enumerating every subset, on random states.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionCost, greedyCompletion, largestBound, positionsByCost, ruleBounds, withinMaxima } from './bounds.ts';
import { bruteForceCoverSolver } from './cover.ts';
import { boundAfter, type DualCertificate } from './dualBound.ts';
import { exactCompletion } from './exactCompletion.ts';
import { candidatePool, prepareSelection, type Entry } from './prepare.ts';
import { startState, withFunded, type WalkState } from './state.ts';
import { smallInstance } from './testing/instances.ts';
import { seeded, type Random } from './testing/random.ts';

/** The least cost of a completion from `from` on, by enumeration; Infinity if none. */
function enumerate(pool: readonly Entry[], state: WalkState, from: number): number {
  const positions = pool.map((_, k) => k).filter((k) => k >= from);
  let best = Infinity;
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const chosen = positions.filter((_, i) => mask & (1 << i));
    const covered = state.need.map((n, r) => chosen.filter((k) => pool[k]!.serves.includes(r)).length >= n);
    if (covered.every(Boolean) && withinMaxima(pool, state, chosen))
      best = Math.min(best, completionCost(pool, chosen));
  }
  return best;
}

function randomCertificate(rand: Random, state: WalkState): DualCertificate {
  return {
    state,
    support: [],
    need: new Map(state.need.map((_, r) => [r, rand.chance(0.7) ? rand.int(0, 1500) : 0])),
    commune: new Map(state.communeLeft.map((_, c) => [c, rand.chance(0.4) ? -rand.int(0, 1500) : 0])),
    organisation: new Map(state.organisationLeft.map((_, o) => [o, rand.chance(0.3) ? -rand.int(0, 1500) : 0])),
  };
}

describe('completion bounds', () => {
  it('rule bounds and dual bounds never exceed, greedy completions never undercut, the exact least cost', async () => {
    let checked = 0;
    for (let seed = 1; seed <= 150; seed++) {
      const rand = seeded(seed);
      const prepared = prepareSelection(smallInstance(rand, 'constrained'));
      const pool = candidatePool(prepared);
      const byCost = positionsByCost(pool, prepared.minimums.length);
      const state = startState(prepared);
      for (let k = 0; k < pool.length; k++) {
        const after = withFunded(state, pool[k]!, 0);
        if ((after.communeLeft[pool[k]!.commune] ?? 0) < 0 || (after.organisationLeft[pool[k]!.organisation] ?? 0) < 0)
          continue;
        const least = enumerate(pool, after, k + 1);
        assert.ok(largestBound(ruleBounds(pool, byCost, after, k + 1)) <= least, `rule bound, seed ${seed}`);
        for (let i = 0; i < 5; i++)
          assert.ok(
            boundAfter(pool, state, after, randomCertificate(rand, state), k) <= least,
            `dual bound, seed ${seed}`,
          );
        const greedy = greedyCompletion(pool, after, k + 1);
        if (greedy) {
          assert.ok(greedy.every((j) => j > k) && withinMaxima(pool, after, greedy), `greedy valid, seed ${seed}`);
          assert.ok(completionCost(pool, greedy) >= least, `greedy cost, seed ${seed}`);
        }
        // The cut-down model keeps the optimum.
        const exact = await exactCompletion(pool, after, k + 1, Number.MAX_SAFE_INTEGER, bruteForceCoverSolver, {
          calls: 0,
        });
        assert.equal(exact?.cost ?? Infinity, least, `exact, seed ${seed}`);
        checked++;
      }
    }
    assert.ok(checked > 300, `only ${checked} states checked`);
  });
});
