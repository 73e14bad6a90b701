import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../random.ts';
import { bruteForce } from './bruteForce.ts';
import { assignmentValue, violations } from './evaluate.ts';
import { greedyAssignment } from './greedy.ts';
import { randomProblem, tableProblem } from './instances.ts';

describe('greedy assignment', () => {
  test('takes the highest affinities first', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.1],
        [0.8, 0.7],
      ],
      capacity: [1, 1],
    });
    // Greedy gives A1 → J1 (0.9) then A2 → J2 (0.7) = 1.6, here also the optimum.
    assert.deepEqual(greedyAssignment(problem), [[0], [1]]);
  });

  test('completes applications the greedy pass left short, rerouting earlier choices', () => {
    // Greedy gives J1 to A1 (0.9); A2 can only use J1: the flow moves A1 to J2.
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.1],
        [0.8, 0],
      ],
      capacity: [1, 1],
      conflicts: [[1, 1]],
    });
    assert.deepEqual(greedyAssignment(problem), [[1], [0]]);
  });

  test('reaches minimum loads by the cheapest moves', () => {
    const problem = tableProblem({
      k: 1,
      affinity: [
        [0.9, 0.5, 0.1],
        [0.9, 0.2, 0.3],
        [0.9, 0.8, 0.7],
      ],
      capacity: [3, 3, 3],
      minLoad: [0, 1, 1],
    });
    const assignment = greedyAssignment(problem);
    assert.deepEqual(violations(problem, assignment), []);
    // All start on J1; J2 then takes A3 (loses 0.1), J3 takes A2 (loses 0.6): 2.0. The optimum,
    // 2.1 (A1 → J2, A2 → J1, A3 → J3), needs a look-ahead the greedy does not have.
    assert.deepEqual(assignment, [[0], [2], [1]]);
  });

  test('is valid and never beats brute force on small random instances', () => {
    const random = mulberry32(11);
    for (let i = 0; i < 30; i++) {
      const problem = randomProblem(random, {
        applications: 4,
        jurors: 4,
        k: 2,
        capacity: 2 + (i % 2),
        conflictRate: 0.2,
      });
      const best = bruteForce(problem);
      const assignment = greedyAssignment(problem);
      if (!best) continue;
      assert.deepEqual(violations(problem, assignment), [], `instance ${i}`);
      assert.ok(assignmentValue(problem, assignment) <= best.best + 1e-9);
    }
  });

  test('is deterministic', () => {
    const problem = randomProblem(mulberry32(5), {
      applications: 200,
      jurors: 20,
      k: 3,
      capacity: 35,
      conflictRate: 0.02,
    });
    assert.deepEqual(greedyAssignment(problem), greedyAssignment(problem));
  });
});
