// The orchestration with stand-in solvers; the real HiGHS is tested in platform/solver.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { simpleBound } from './duality.ts';
import { tableProblem } from './instances.ts';
import type { LpSolution, LpSolver } from './linearProgram.ts';
import { greedyFallback, solveAssignmentWith } from './solve.ts';

const problem = tableProblem({
  k: 1,
  affinity: [
    [0.9, 0.1],
    [0.8, 0.7],
  ],
  capacity: [1, 1],
});
const noAnswer =
  (status: LpSolution['status'], detail: string): LpSolver =>
  () => ({ status, colValue: null, rowDual: null, mipBound: null, detail });

describe('solving with a solver that lets us down', () => {
  test('a failing solver: the greedy assignment, valid, said not to be proven', () => {
    const failing: LpSolver = () => {
      throw new Error('out of memory');
    };
    const solution = solveAssignmentWith(failing, problem);
    assert.equal(solution.status, 'feasible');
    assert.equal(solution.stats.method, 'greedy');
    assert.deepEqual(solution.assignment, [[0], [1]]);
    assert.equal(solution.bound, simpleBound(problem));
    assert.match(solution.reasons.join('; '), /the LP solver stopped: out of memory; greedy assignment, gap/);
  });

  test('a solver out of time: the greedy assignment', () => {
    const solution = solveAssignmentWith(noAnswer('time-limit', 'timeLimit'), problem);
    assert.equal(solution.status, 'feasible');
    assert.match(solution.reasons[0]!, /timeLimit/);
  });

  test('the time budget is checked before each solve', () => {
    let calls = 0;
    let clock = 0;
    // The shortlist (1 juror each) is "infeasible", which would widen it and solve again, but
    // the first solve used up the budget.
    const slow: LpSolver = () => {
      calls++;
      clock += 5000;
      return { status: 'infeasible', colValue: null, rowDual: null, mipBound: null, detail: 'infeasible' };
    };
    const solution = solveAssignmentWith(slow, problem, {
      timeLimitSeconds: 1,
      candidatesPerApplication: 1,
      now: () => clock,
    });
    assert.equal(calls, 1);
    assert.equal(solution.status, 'feasible');
    assert.equal(solution.reasons[0], 'the time limit was reached');
  });

  test('an answer that breaks a rule is caught and replaced', () => {
    // Claims optimality with both applications on J1 (capacity 1), duals all zero.
    const lying: LpSolver = (program) => ({
      status: 'optimal',
      colValue: Float64Array.from({ length: program.numCols }, (_, c) => (c % 2 === 0 ? 1 : 0)),
      rowDual: new Float64Array(program.numRows),
      mipBound: null,
      detail: '',
    });
    const solution = solveAssignmentWith(lying, problem, { candidatesPerApplication: 2 });
    assert.equal(solution.status, 'feasible');
    assert.match(solution.reasons[0]!, /breaks a rule \(juror J1 has 2 reviews, above the capacity 1\)/);
    assert.deepEqual(solution.assignment, [[0], [1]]);
  });

  test('obvious impossibilities are explained without calling the solver', () => {
    const impossible = tableProblem({ k: 2, affinity: [[1, 1]], capacity: [0, 1] });
    const solution = solveAssignmentWith(() => assert.fail('no solve expected'), impossible);
    assert.equal(solution.status, 'infeasible');
    assert.deepEqual(solution.reasons, [
      'total capacity 1 < 2 × 1 = 2 reviews needed',
      'application A1 has only 1 juror without conflict (needs 2)',
    ]);
  });

  test('no applications: nothing to do, optimally', () => {
    const empty = tableProblem({ k: 3, affinity: [], capacity: [5] });
    assert.deepEqual(solveAssignmentWith(() => assert.fail('no solve expected'), empty).assignment, []);
  });

  test('the greedy fallback alone, as a stopped worker gets it', () => {
    const solution = greedyFallback(problem, 'the solver did not answer in time');
    assert.equal(solution.status, 'feasible');
    assert.equal(solution.stats.method, 'greedy');
    assert.deepEqual(solution.reasons[0], 'the solver did not answer in time');
  });
});
