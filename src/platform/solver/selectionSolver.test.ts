// HiGHS behind the selection port: its answers against brute force, its duals as proven bounds,
// and the whole engine on it against the brute-force specification.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  bruteForceCoverSolver,
  checkCover,
  type CoverProblem,
  type CoverSolver,
} from '../../domain/selection/cover.ts';
import { select } from '../../domain/selection/select.ts';
import { compareWithBruteForce } from '../../domain/selection/testing/compare.ts';
import { mediumInstance } from '../../domain/selection/testing/instances.ts';
import { seeded, type Random } from '../../domain/selection/testing/random.ts';
import { coverProblemToLp, loadSelectionSolver } from './selectionSolver.ts';

function randomProblem(rand: Random): CoverProblem {
  const n = rand.int(1, 12);
  const members = () => Array.from({ length: n }, (_, j) => j).filter(() => rand.chance(0.4));
  return {
    costs: Array.from({ length: n }, () => rand.int(1, 6_000_000)),
    needs: Array.from({ length: rand.int(1, 3) }, () => ({ members: members(), bound: rand.int(0, 3) })),
    limits: Array.from({ length: rand.int(0, 3) }, () => ({ members: members(), bound: rand.int(0, 2) })),
  };
}

describe('HiGHS selection solver', () => {
  let highs: CoverSolver;
  before(async () => {
    highs = await loadSelectionSolver();
  });

  it('writes the model in CPLEX LP format', () => {
    const problem = { costs: [300, 500], needs: [{ members: [0, 1], bound: 1 }], limits: [{ members: [1], bound: 0 }] };
    assert.equal(
      coverProblemToLp(problem),
      'Minimize\n cost: 300 x0 + 500 x1\nSubject To\n need0: x0 + x1 >= 1\n limit0: x1 <= 0\nBinary\n x0 x1\nEnd\n',
    );
    assert.match(coverProblemToLp(problem, true), /Bounds\n 0 <= x0 <= 1\n 0 <= x1 <= 1\nEnd/);
  });

  it('finds the same least cost as brute force, or the same infeasibility (300 random models)', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const problem = randomProblem(seeded(seed));
      const [mine, truth] = [await highs.solve(problem), await bruteForceCoverSolver.solve(problem)];
      assert.equal(mine.feasible, truth.feasible, `seed ${seed}`);
      if (mine.feasible && truth.feasible)
        assert.equal(checkCover(problem, mine.chosen), checkCover(problem, truth.chosen), `seed ${seed}`);
    }
  });

  it('returns relaxation duals of the right signs whose bound is the LP optimum, below the 0/1 one', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const problem = randomProblem(seeded(seed));
      const [relaxed, exact] = [await highs.relax(problem), await highs.solve(problem)];
      if (!relaxed.feasible || !exact.feasible) continue;
      assert.ok(
        relaxed.needDuals.every((y) => y >= -1e-9) && relaxed.limitDuals.every((z) => z <= 1e-9),
        `signs, seed ${seed}`,
      );
      let bound =
        problem.needs.reduce((s, row, i) => s + relaxed.needDuals[i]! * row.bound, 0) +
        problem.limits.reduce((s, row, i) => s + relaxed.limitDuals[i]! * row.bound, 0);
      problem.costs.forEach((cost, j) => {
        let rc = cost;
        problem.needs.forEach((row, i) => (rc -= row.members.includes(j) ? relaxed.needDuals[i]! : 0));
        problem.limits.forEach((row, i) => (rc -= row.members.includes(j) ? relaxed.limitDuals[i]! : 0));
        bound += Math.min(0, rc);
      });
      const lpValue = problem.costs.reduce((s, c, j) => s + c * relaxed.values[j]!, 0);
      assert.ok(
        Math.abs(bound - lpValue) <= 1e-6 * Math.max(1, lpValue),
        `strong duality, seed ${seed}: ${bound} vs ${lpValue}`,
      );
      assert.ok(bound <= checkCover(problem, exact.chosen)! + 1e-6, `weak duality, seed ${seed}`);
    }
  });

  it('answers trivial models without HiGHS', async () => {
    assert.deepEqual(await highs.solve({ costs: [], needs: [], limits: [] }), { feasible: true, chosen: [] });
    assert.deepEqual(await highs.solve({ costs: [], needs: [{ members: [], bound: 1 }], limits: [] }), {
      feasible: false,
    });
  });

  it('makes the engine agree with the brute-force specification (300 instances)', async () => {
    await compareWithBruteForce('constrained', 300, highs);
  });

  it('… also when every open decision is asked of HiGHS (150 instances)', async () => {
    await compareWithBruteForce('constrained', 150, highs, false);
  });

  it('gives the same selection with and without the bounds on medium instances (25 × 30–60 applications)', async () => {
    let departures = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const input = mediumInstance(seeded(seed));
      const fast = await select(input, { solver: highs });
      const slow = await select(input, { solver: highs, shortcuts: false });
      assert.deepEqual(fast, slow, `seed ${seed}`);
      departures += [...fast.selected, ...fast.reserve].filter((e) => e.reason?.startsWith('rule:min')).length;
    }
    assert.ok(departures > 50, `the instances should make the minimums bite (${departures} departures)`);
  });

  it('prints the same output whichever solver finds the completions (determinism)', async () => {
    // Equally cheap completions may differ between solvers; the output must not.
    for (let seed = 1; seed <= 50; seed++) {
      const input = mediumInstance(seeded(1000 + seed));
      input.applications = input.applications.slice(0, 14);
      const a = await select(input, { solver: highs });
      const b = await select(input, { solver: bruteForceCoverSolver });
      assert.equal(JSON.stringify(a), JSON.stringify(b), `seed ${seed}`);
    }
  });
});
