import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32, normal } from '../random.ts';
import { bruteForce } from './bruteForce.ts';
import { bestReducedCostPairs, pairsThatCouldImprove, priceOut, simpleBound } from './duality.ts';
import { assignmentValue, violations } from './evaluate.ts';
import { greedyAssignment } from './greedy.ts';
import { randomProblem, randomSmallProblem, tableProblem } from './instances.ts';
import { rowBounds } from './model.ts';

describe('bounds from duals', () => {
  test('any row prices give an upper bound over all assignments (weak duality)', () => {
    const random = mulberry32(21);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const problem = randomSmallProblem(random, 4, 4, 2);
      const best = bruteForce(problem);
      if (!best) continue;
      const rows = rowBounds(problem).lower.length;
      for (let t = 0; t < 5; t++) {
        const y = Float64Array.from({ length: rows }, () => normal(random, 0, 0.5));
        const { bound } = priceOut(problem, y, new Uint8Array(problem.affinity.length));
        assert.ok(bound >= best.best - 1e-9, `instance ${i}: bound ${bound} < optimum ${best.best}`);
        checked++;
      }
      assert.ok(simpleBound(problem) >= best.best - 1e-9);
    }
    assert.ok(checked > 50, `only ${checked} feasible checks`);
  });

  test('pairs with a positive reduced cost outside the model enter; the others do not', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.2],
        [0.5, 0.6],
      ],
      capacity: [2, 2],
      conflicts: [[1, 0]],
    });
    // Prices: applications 0.5 each, jurors 0. Reduced costs: 0.4, −0.3, (conflict), 0.1.
    const y = Float64Array.from([0.5, 0.5, 0, 0]);
    const inModel = Uint8Array.from([1, 0, 0, 0]);
    const { bound, entering } = priceOut(problem, y, inModel);
    assert.deepEqual([...entering], [3]);
    assert.ok(Math.abs(bound - (0.5 + 0.5 + 0.4 + 0.1)) < 1e-12);
  });

  test('reduced-cost fixing never removes a pair of a better assignment', () => {
    const random = mulberry32(33);
    let useful = 0;
    for (let i = 0; i < 80; i++) {
      const problem = randomProblem(random, {
        applications: 4,
        jurors: 4,
        k: 2,
        capacity: 3,
        conflictRate: 0.15,
        floor: random() < 0.5 ? 0.6 : null,
      });
      const best = bruteForce(problem);
      const incumbent = greedyAssignment(problem);
      if (!best || violations(problem, incumbent).length) continue;
      const z = assignmentValue(problem, incumbent);
      const y = Float64Array.from({ length: rowBounds(problem).lower.length }, () => normal(random, 0.3, 0.2));
      const { bound } = priceOut(problem, y, new Uint8Array(problem.affinity.length));
      const kept = new Set(pairsThatCouldImprove(problem, y, bound, z));
      if (best.best > z + 1e-9) {
        best.assignment.forEach((jurors, a) =>
          jurors.forEach((j) => assert.ok(kept.has(a * 4 + j), `instance ${i}: pair A${a + 1}/J${j + 1} removed`)),
        );
      }
      if (kept.size < 16) useful++;
    }
    assert.ok(useful > 5, `fixing removed something in only ${useful} instances`);
  });

  test('the best alternatives by reduced cost, per application', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.8, 0.1],
        [0.5, 0.6, 0.7],
      ],
      capacity: [2, 2, 2],
    });
    // J1 is crowded: a high price on it makes J2 the best alternative for A1.
    const y = Float64Array.from([0, 0, 0.5, 0, 0]);
    assert.deepEqual([...bestReducedCostPairs(problem, y, 1)], [1, 5]);
  });
});
