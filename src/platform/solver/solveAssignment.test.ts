import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bruteForce } from '../../domain/assignment/bruteForce.ts';
import { assignmentValue, violations } from '../../domain/assignment/evaluate.ts';
import { randomProblem, randomSmallProblem, tableProblem } from '../../domain/assignment/instances.ts';
import type { AssignmentProblem } from '../../domain/assignment/problem.ts';
import { solveAssignmentWith } from '../../domain/assignment/solve.ts';
import { mulberry32 } from '../../domain/random.ts';
import { loadHighsSolver } from './assignmentHighs.ts';
import { solveAssignment } from './solveAssignment.ts';

const solver = await loadHighsSolver();
const solve = (problem: AssignmentProblem, candidatesPerApplication?: number) =>
  solveAssignmentWith(solver, problem, { candidatesPerApplication });
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6;

describe('exact juror assignment with HiGHS', () => {
  test('matches brute force on 300 random tiny instances (k, capacities, conflicts, minimum loads, floors)', () => {
    const random = mulberry32(2024);
    const seen = { optimal: 0, infeasible: 0, floor: 0, minLoad: 0 };
    // (Floors here rarely bind; the next test aims them.)
    for (let i = 0; i < 300; i++) {
      const [applications, jurors, k] = i % 3 === 2 ? [5, 5, 3] : [4, 4, 2];
      const problem = randomSmallProblem(random, applications, jurors, k);
      const expected = bruteForce(problem);
      // A shortlist of one juror per application forces widening and pricing on every instance.
      const solution = solve(problem, i % 2 ? 1 : undefined);
      const label = `instance ${i}: ${JSON.stringify({ k, capacity: [...problem.capacity], minLoad: [...problem.minLoad], floor: problem.floor })}`;
      if (!expected) {
        assert.equal(solution.status, 'infeasible', label);
        assert.ok(solution.reasons.length > 0, label);
        seen.infeasible++;
        continue;
      }
      assert.equal(solution.status, 'optimal', `${label}: ${solution.reasons.join('; ')}`);
      assert.deepEqual(violations(problem, solution.assignment!), [], label);
      assert.ok(close(solution.objective!, expected.best), `${label}: ${solution.objective} ≠ ${expected.best}`);
      assert.ok(close(assignmentValue(problem, solution.assignment!), expected.best), label);
      assert.equal(solution.bound, solution.objective, label);
      seen.optimal++;
      if (problem.floor !== null) seen.floor++;
      if (problem.minLoad.some((m) => m > 0)) seen.minLoad++;
    }
    // The generator must exercise every branch, or the comparison proves little.
    assert.ok(seen.optimal > 100 && seen.infeasible > 50 && seen.floor > 30 && seen.minLoad > 30, JSON.stringify(seen));
  });

  test('matches brute force when the floor binds (the MIP path)', () => {
    const random = mulberry32(7);
    const seen = { mip: 0, infeasible: 0 };
    for (let i = 0; i < 100; i++) {
      const base = randomProblem(random, { applications: 4, jurors: 5, k: 2, capacity: 2, conflictRate: 0.15 });
      const free = bruteForce(base);
      if (!free) continue;
      // A floor just above the weakest application's affinity in the unconstrained optimum.
      const sums = free.assignment.map((jurors, a) => jurors.reduce((s, j) => s + base.affinity[a * 5 + j]!, 0));
      const problem = { ...base, floor: Math.min(...sums) + random() * 0.08 };
      const expected = bruteForce(problem);
      const solution = solve(problem);
      if (!expected) {
        assert.equal(solution.status, 'infeasible', `instance ${i}`);
        seen.infeasible++;
        continue;
      }
      assert.equal(solution.status, 'optimal', `instance ${i}`);
      assert.ok(close(solution.objective!, expected.best), `instance ${i}: ${solution.objective} ≠ ${expected.best}`);
      assert.deepEqual(violations(problem, solution.assignment!), []);
      if (solution.stats.method === 'mip') seen.mip++;
    }
    assert.ok(seen.mip >= 10 && seen.infeasible >= 10, JSON.stringify(seen));
  });

  test('each application gets k distinct jurors, capacities and conflicts hold, on a larger instance', () => {
    const problem = randomProblem(mulberry32(9), {
      applications: 120,
      jurors: 15,
      k: 3,
      capacity: 25,
      conflictRate: 0.1,
    });
    const solution = solve(problem);
    assert.equal(solution.status, 'optimal');
    assert.deepEqual(violations(problem, solution.assignment!), []);
    // Certified against every pair, though the model started from a shortlist.
    assert.ok(solution.stats.columns < solution.stats.pairs);
  });

  test('a minimum load pulls reviews to a juror nobody prefers', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.1],
        [0.9, 0.1],
        [0.9, 0.1],
      ],
      capacity: [3, 3],
      minLoad: [0, 2],
    });
    const solution = solve(problem);
    assert.equal(solution.status, 'optimal');
    assert.equal(solution.stats.method, 'lp', 'minimum loads keep the LP integral');
    assert.deepEqual(
      solution.assignment!.map((jurors) => jurors.length),
      [1, 1, 1],
    );
    assert.equal(solution.assignment!.filter(([j]) => j === 1).length, 2);
    assert.ok(close(solution.objective!, 1.1));
  });

  test('an affinity floor that makes the LP fractional is solved as a MIP', () => {
    // Found by search: here the LP relaxation with the floor rows has a fractional optimum.
    const problem = tableProblem({
      k: 2,
      affinity: [
        [0.1, 0, 0.8, 0.4],
        [0.2, 0.1, 0.8, 0.3],
        [0.9, 0.5, 0.4, 0.7],
      ],
      capacity: [2, 2, 1, 1],
      floor: 0.5,
    });
    const solution = solve(problem);
    assert.equal(solution.status, 'optimal');
    assert.equal(solution.stats.method, 'mip');
    assert.deepEqual(violations(problem, solution.assignment!), []);
    assert.ok(close(solution.objective!, 2.8));
    assert.ok(close(solution.objective!, bruteForce(problem)!.best));
    assert.equal(solution.bound, solution.objective);
  });

  test('infeasibility found by the solver is explained by the coverage flow', () => {
    const problem = tableProblem({
      k: 2,
      affinity: [
        [1, 1, 1, 1],
        [1, 1, 1, 1],
        [1, 1, 1, 1],
      ],
      capacity: [1, 1, 5, 5],
      conflicts: [
        [0, 2],
        [0, 3],
        [1, 2],
        [1, 3],
      ],
    });
    const solution = solve(problem);
    assert.equal(solution.status, 'infeasible');
    assert.match(solution.reasons[0]!, /^applications A1, A2 need 4 reviews together/);
  });

  test('the same request gives the same answer', async () => {
    const problem = randomProblem(mulberry32(3), {
      applications: 200,
      jurors: 20,
      k: 3,
      capacity: 35,
      conflictRate: 0.02,
    });
    const first = await solveAssignment(problem);
    const second = await solveAssignment(problem);
    assert.deepEqual(first.output, second.output);
  });

  test('a request with identifiers is validated, solved and printed in input order', async () => {
    const { output } = await solveAssignment({
      reviewersPerApplication: 2,
      jurors: [
        { id: 'Zoé', capacity: 2 },
        { id: 'Ahmed', capacity: 2 },
        { id: 'Marie', capacity: 2 },
      ],
      applications: [{ id: 'P-2' }, { id: 'P-1' }],
      affinity: [
        ['Marie', 'P-2', 0.5],
        ['Zoé', 'P-2', 0.3],
        ['Ahmed', 'P-1', 0.9],
      ],
      conflicts: [['Marie', 'P-1']],
    });
    assert.deepEqual(output, {
      status: 'optimal',
      assignments: [
        { application: 'P-2', jurors: ['Zoé', 'Marie'] },
        { application: 'P-1', jurors: ['Zoé', 'Ahmed'] },
      ],
      objective: 1.7,
      bound: 1.7,
      loads: { Zoé: 2, Ahmed: 1, Marie: 1 },
      reason: null,
    });
    await assert.rejects(
      solveAssignment({
        reviewersPerApplication: 1,
        jurors: [{ id: 'J1', capacity: 1 }],
        applications: [{ id: 'A1' }],
        affinity: [['J2', 'A1', 1]],
        conflicts: [],
      }),
      /unknown juror J2/,
    );
  });
});
