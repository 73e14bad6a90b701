import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentValue, jurorLoads, round, roundUp, violations } from './evaluate.ts';
import { tableProblem } from './instances.ts';

const problem = tableProblem({
  k: 2,
  affinity: [
    [0.9, 0.1, 0.5],
    [0.2, 0.8, 0.4],
  ],
  capacity: [1, 2, 2],
  minLoad: [0, 0, 1],
  conflicts: [[1, 0]],
  floor: 0.7,
});

describe('checking an assignment', () => {
  test('a valid assignment has no violation, its value and loads', () => {
    const assignment = [
      [0, 2],
      [1, 2],
    ];
    assert.deepEqual(violations(problem, assignment), []);
    assert.equal(round(assignmentValue(problem, assignment)), 2.6);
    assert.deepEqual([...jurorLoads(problem, assignment)], [1, 1, 2]);
  });

  test('every broken rule is named', () => {
    assert.deepEqual(
      violations(problem, [
        [0, 1],
        [0, 1, 2],
      ]),
      [
        'application A2 has 3 jurors instead of 2',
        'juror J1 has a conflict with application A2',
        'juror J1 has 2 reviews, above the capacity 1',
      ],
    );
    assert.ok(
      violations(problem, [
        [1, 1],
        [1, 2],
      ]).includes('application A1 has the same juror twice'),
    );
    assert.ok(
      violations(problem, [
        [1, 2],
        [1, 2],
      ]).includes('application A1 has affinity 0.6 below the floor 0.7'),
    );
    assert.ok(
      violations(problem, [
        [0, 1],
        [1, 1],
      ]).includes('juror J3 has 0 reviews, below the minimum 1'),
    );
  });

  test('rounding hides float noise, and a rounded bound stays a bound', () => {
    assert.equal(round(0.1 + 0.2), 0.3);
    assert.equal(roundUp(1.0000001), 1.000001);
    assert.equal(roundUp(2), 2);
    assert.equal(round(-0.0000001), 0);
  });
});
