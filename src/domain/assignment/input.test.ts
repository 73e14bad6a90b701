import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentInputSchema, checkReferences } from './input.ts';
import { buildProblem } from './problem.ts';

const valid = {
  reviewersPerApplication: 2,
  jurors: [
    { id: 'J1', capacity: 2, minLoad: 1 },
    { id: 'J2', capacity: 2 },
  ],
  applications: [{ id: 'A1' }, { id: 'A2' }],
  affinity: [
    ['J1', 'A2', 0.5],
    ['J2', 'A1', 0.25],
  ],
  conflicts: [['J2', 'A2']],
  applicationAffinityFloor: null,
};

describe('assignment request', () => {
  test('a valid request parses, with defaults for the optional parts', () => {
    const parsed = assignmentInputSchema.parse({
      reviewersPerApplication: 1,
      jurors: [{ id: 'J1', capacity: 1 }],
      applications: [{ id: 'A1' }],
    });
    assert.deepEqual(parsed.affinity, []);
    assert.deepEqual(parsed.conflicts, []);
    assert.equal(parsed.applicationAffinityFloor, undefined);
    assert.deepEqual(checkReferences(assignmentInputSchema.parse(valid)), []);
  });

  for (const [name, change] of [
    ['k below 1', { reviewersPerApplication: 0 }],
    ['a fractional k', { reviewersPerApplication: 1.5 }],
    ['a negative capacity', { jurors: [{ id: 'J1', capacity: -1 }] }],
    ['a non-numeric affinity', { affinity: [['J1', 'A1', 'high']] }],
    ['an affinity triple too short', { affinity: [['J1', 'A1']] }],
    ['an empty id', { applications: [{ id: '' }] }],
    ['a misspelt key', { jurors: [{ id: 'J1', capacity: 2, minload: 1 }] }],
  ] as const) {
    test(`the schema refuses ${name}`, () => {
      assert.equal(assignmentInputSchema.safeParse({ ...valid, ...change }).success, false);
    });
  }

  test('duplicate and unknown identifiers are all reported, in input order', () => {
    const input = assignmentInputSchema.parse({
      ...valid,
      jurors: [...valid.jurors, { id: 'J1', capacity: 1 }],
      applications: [...valid.applications, { id: 'A2' }],
      affinity: [
        ['J9', 'A1', 0.1],
        ['J1', 'A8', 0.2],
        ['J1', 'A2', 0.3],
        ['J1', 'A2', 0.4],
      ],
      conflicts: [['J7', 'A1']],
    });
    assert.deepEqual(checkReferences(input), [
      'juror id J1 appears more than once',
      'application id A2 appears more than once',
      'affinity[0]: unknown juror J9',
      'affinity[1]: unknown application A8',
      'affinity[3]: the pair J1/A2 is given twice',
      'conflicts[0]: unknown juror J7',
    ]);
  });

  test('the indexed problem is dense, application-major, with 0 for pairs not given', () => {
    const problem = buildProblem(assignmentInputSchema.parse(valid));
    assert.deepEqual([...problem.affinity], [0, 0.25, 0.5, 0]);
    assert.deepEqual([...problem.conflict], [0, 0, 0, 1]);
    assert.deepEqual([...problem.minLoad], [1, 0]);
    assert.deepEqual([...problem.capacity], [2, 2]);
    assert.equal(problem.k, 2);
    assert.equal(problem.floor, null);
  });
});
