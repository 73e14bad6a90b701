import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { maxCoverage } from './coverageFlow.ts';
import { deepInfeasibilityReasons, quickInfeasibilityReasons } from './feasibility.ts';
import { tableProblem } from './instances.ts';

const flat = (applications: number, jurors: number, value = 0.5) =>
  Array.from({ length: applications }, () => Array(jurors).fill(value));

describe('why an assignment is impossible', () => {
  test('a feasible problem has no reason', () => {
    assert.deepEqual(quickInfeasibilityReasons(tableProblem({ k: 2, affinity: flat(3, 3), capacity: [2, 2, 2] })), []);
  });

  test('too few jurors without conflict for an application', () => {
    const problem = tableProblem({
      k: 3,
      affinity: flat(7, 4),
      capacity: [9, 9, 9, 9],
      conflicts: [
        [6, 0],
        [6, 3],
      ],
    });
    assert.deepEqual(quickInfeasibilityReasons(problem), [
      'application A7 has only 2 jurors without conflict (needs 3)',
    ]);
  });

  test('a juror with no capacity does not count as available', () => {
    const problem = tableProblem({ k: 2, affinity: flat(1, 2), capacity: [1, 0] });
    assert.deepEqual(
      quickInfeasibilityReasons(problem).at(-1),
      'application A1 has only 1 juror without conflict (needs 2)',
    );
  });

  test('total capacity below the reviews needed', () => {
    const problem = tableProblem({ k: 3, affinity: flat(40, 3), capacity: [30, 30, 30] });
    assert.deepEqual(quickInfeasibilityReasons(problem), ['total capacity 90 < 3 × 40 = 120 reviews needed']);
  });

  test('minimum loads beyond the reviews needed, above capacity, or beyond the free applications', () => {
    const problem = tableProblem({
      k: 1,
      affinity: flat(3, 3),
      capacity: [3, 1, 3],
      minLoad: [3, 2, 0],
      conflicts: [[0, 0]],
    });
    assert.deepEqual(quickInfeasibilityReasons(problem), [
      'minimum loads sum to 5, more than the 3 reviews needed',
      'juror J1 must review at least 3 applications but only 2 are free of conflict',
      'juror J2 has a minimum load of 2 above its capacity of 1',
    ]);
  });

  test('an affinity floor out of reach', () => {
    const problem = tableProblem({
      k: 2,
      affinity: [
        [0.5, 0.4, 0.1],
        [0.9, 0.9, 0.9],
      ],
      capacity: [2, 2, 2],
      floor: 1,
    });
    assert.deepEqual(quickInfeasibilityReasons(problem), [
      'application A1 reaches at most 0.9 affinity with its 2 best jurors without conflict (floor 1)',
    ]);
  });

  test('applications competing for the same few jurors are named (Hall), which counting misses', () => {
    // A1 and A2 may only use J1 and J2 (capacity 1 each) and need 2 jurors each; J3 and J4 have room.
    const problem = tableProblem({
      k: 2,
      affinity: flat(3, 4),
      capacity: [1, 1, 5, 5],
      conflicts: [
        [0, 2],
        [0, 3],
        [1, 2],
        [1, 3],
      ],
    });
    assert.deepEqual(quickInfeasibilityReasons(problem), []);
    assert.deepEqual(deepInfeasibilityReasons(problem), [
      'applications A1, A2 need 4 reviews together, but conflicts and capacities leave them at most 2 (the jurors they can share: J1, J2)',
    ]);
  });

  test('when k and capacities can be met, the other rules are blamed', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [1, 0],
        [1, 0],
      ],
      capacity: [2, 2],
      minLoad: [2, 1],
      floor: 0.5,
    });
    assert.deepEqual(deepInfeasibilityReasons(problem), [
      'every application can get 1 juror within capacities and conflicts, but not while also meeting the minimum loads and the affinity floor 0.5',
    ]);
  });
});

describe('coverage flow', () => {
  test('fills every slot when possible, rerouting a bad start', () => {
    const problem = tableProblem({ k: 1, affinity: flat(2, 2), capacity: [1, 1], conflicts: [[1, 1]] });
    // Starting with A1 → J1 blocks A2, whose only juror is J1: the flow moves A1 to J2.
    const coverage = maxCoverage(problem, undefined, [[0], []]);
    assert.equal(coverage.filled, 2);
    assert.deepEqual(coverage.assignment, [[1], [0]]);
    assert.deepEqual(coverage.shortApplications, []);
  });

  test('handles long augmenting paths without recursion', () => {
    // Application a may use jurors a and a + 1 (the last only its own). Starting with each on
    // juror a + 1, the last application is served only by shifting every other one: a path of 2n edges.
    const n = 1000;
    const problem = tableProblem({ k: 1, affinity: flat(n, n), capacity: Array(n).fill(1) });
    const allowed = Array.from({ length: n }, (_, a) => (a < n - 1 ? [a, a + 1] : [a]));
    const start = Array.from({ length: n }, (_, a) => (a < n - 1 ? [a + 1] : []));
    const coverage = maxCoverage(problem, allowed, start);
    assert.equal(coverage.filled, n);
    assert.deepEqual(coverage.assignment.slice(0, 3), [[0], [1], [2]]);
  });
});
