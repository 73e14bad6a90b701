// Both modes against the specification executed literally (testing/bruteForce.ts) on random
// seeded instances of at most 10 applications, the cover solved by brute force (the same runs with
// HiGHS are in src/platform/solver/selectionSolver.test.ts: the domain does not load the solver).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bruteForceCoverSolver } from './cover.ts';
import { select } from './select.ts';
import { compareWithBruteForce } from './testing/compare.ts';
import { smallInstance } from './testing/instances.ts';
import { seeded } from './testing/random.ts';

describe('selection against brute force', () => {
  it('ranking mode equals the lexicographic maximum of amounts without rules (400 instances)', async () => {
    await compareWithBruteForce('ranking', 400, bruteForceCoverSolver);
  });

  it('constrained mode equals the brute-force lexicographic optimum (600 instances, brute-force cover)', async () => {
    await compareWithBruteForce('constrained', 600, bruteForceCoverSolver);
  });

  it('the same without the bounds: every open decision asked of the solver (600 instances)', async () => {
    await compareWithBruteForce('constrained', 600, bruteForceCoverSolver, false);
  });

  it('constrained mode with no rules gives exactly ranking mode', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const input = { ...smallInstance(seeded(seed), 'ranking'), constraints: null };
      const ranking = await select(input, { solver: bruteForceCoverSolver });
      const constrained = await select({ ...input, mode: 'constrained' }, { solver: bruteForceCoverSolver });
      assert.deepEqual(constrained, ranking, `seed ${seed}`);
    }
  });
});
