import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bruteForce } from './assignment/bruteForce.ts';
import { checkReferences } from './assignment/input.ts';
import type { AssignmentOutput } from './assignment/output.ts';
import { buildProblem } from './assignment/problem.ts';
import {
  needsOf,
  pairKey,
  proposalProblems,
  proposedPairs,
  shortfalls,
  solverRequest,
  type Plan,
} from './juryPlanning.ts';

const plan = (p: Partial<Plan> = {}): Plan => ({
  k: 2,
  jurors: [
    { id: 'J1', capacity: 2, minLoad: 0, load: 0 },
    { id: 'J2', capacity: 2, minLoad: 0, load: 0 },
    { id: 'J3', capacity: 2, minLoad: 0, load: 0 },
  ],
  applications: ['A', 'B', 'C'],
  assigned: [],
  conflicts: [],
  affinity: new Map(),
  floor: null,
  ...p,
});

/** The best answer to the plan's request, by enumeration, as the solver would print it. */
function solveExactly(p: Plan): { pairs: ReturnType<typeof proposedPairs>; best: number } | null {
  const request = solverRequest(p)!;
  assert.deepEqual(checkReferences(request.input), []);
  const problem = buildProblem(request.input);
  const result = bruteForce(problem);
  if (!result) return null;
  const output: AssignmentOutput = {
    status: 'optimal',
    assignments: result.assignment.map((jurors, a) => ({
      application: problem.applicationIds[a]!,
      jurors: jurors.map((j) => problem.jurorIds[j]!),
    })),
    objective: result.best,
    bound: result.best,
    loads: {},
    reason: null,
  };
  return { pairs: proposedPairs(output, request.placeholders), best: result.best };
}

test('from scratch: k jurors each, within capacity, never a conflicted pair, best affinity', () => {
  const affinity = new Map([
    [pairKey('J1', 'A'), 1],
    [pairKey('J1', 'B'), 0.9],
    [pairKey('J2', 'C'), 0.8],
  ]);
  const p = plan({ affinity, conflicts: [{ jurorId: 'J3', applicationId: 'A' }] });
  const solved = solveExactly(p)!;
  assert.equal(solved.pairs.length, 6);
  assert.ok(!solved.pairs.some((x) => x.jurorId === 'J3' && x.applicationId === 'A'));
  assert.ok(solved.pairs.some((x) => x.jurorId === 'J1' && x.applicationId === 'A'));
  assert.deepEqual(proposalProblems(p, solved.pairs, { exact: true }), []);
});

test('filling gaps: held pairs stay, are never proposed again, and use up capacity', () => {
  // A already has J1 (counted); B had J2, who withdrew with nothing submitted (the pair was removed).
  const p = plan({
    jurors: [
      { id: 'J1', capacity: 1, minLoad: 0, load: 1 },
      { id: 'J3', capacity: 2, minLoad: 0, load: 0 },
      { id: 'J4', capacity: 2, minLoad: 0, load: 0 },
    ],
    applications: ['A', 'B'],
    assigned: [
      { jurorId: 'J1', applicationId: 'A', counts: true },
      { jurorId: 'J3', applicationId: 'B', counts: true },
    ],
    affinity: new Map([[pairKey('J1', 'A'), 0.5]]),
  });
  assert.deepEqual(
    [...needsOf(p)],
    [
      ['A', 1],
      ['B', 1],
    ],
  );
  const solved = solveExactly(p)!;
  assert.equal(solved.pairs.length, 2, `two gaps, two new pairs: ${JSON.stringify(solved.pairs)}`);
  assert.ok(!solved.pairs.some((x) => x.jurorId === 'J1'), 'J1 is full');
  assert.ok(!solved.pairs.some((x) => x.jurorId === 'J3' && x.applicationId === 'B'), 'no pair twice');
  assert.deepEqual(proposalProblems(p, solved.pairs, { exact: true }), []);
});

test('applications with their k jurors take no part; nothing to do gives no request', () => {
  const p = plan({ k: 1, applications: ['A'], assigned: [{ jurorId: 'J1', applicationId: 'A', counts: true }] });
  assert.equal(solverRequest(p), null);
  assert.deepEqual(shortfalls(p), []);
});

test('a review that does not count (conflict found later) leaves a gap but its juror is not asked again', () => {
  const p = plan({ k: 1, applications: ['A'], assigned: [{ jurorId: 'J1', applicationId: 'A', counts: false }] });
  assert.equal(needsOf(p).get('A'), 1);
  const solved = solveExactly(p)!;
  assert.equal(solved.pairs.length, 1);
  assert.notEqual(solved.pairs[0]!.jurorId, 'J1');
});

test('the floor sees the affinity of held pairs', () => {
  const affinity = new Map([
    [pairKey('J1', 'A'), 0.6],
    [pairKey('J2', 'A'), 0.1],
    [pairKey('J3', 'A'), 0.5],
  ]);
  const p = plan({
    applications: ['A'],
    assigned: [{ jurorId: 'J1', applicationId: 'A', counts: true }],
    affinity,
    floor: 1,
  });
  const solved = solveExactly(p)!;
  assert.deepEqual(solved.pairs, [{ jurorId: 'J3', applicationId: 'A' }]);
  assert.deepEqual(shortfalls({ ...p, floor: 1.2 }), [{ code: 'floor', applicationId: 'A', best: 1.1, floor: 1.2 }]);
});

test('shortfalls say why, in terms an officer can act on', () => {
  assert.deepEqual(shortfalls(plan({ jurors: [] })), [{ code: 'no-jurors' }]);
  const conflicted = plan({
    conflicts: [
      { jurorId: 'J1', applicationId: 'A' },
      { jurorId: 'J2', applicationId: 'A' },
    ],
  });
  assert.deepEqual(shortfalls(conflicted), [
    { code: 'application-short', applicationId: 'A', available: 1, needed: 2 },
  ]);
  assert.equal(solveExactly(conflicted), null, 'and it is indeed impossible');
  const small = plan({ jurors: plan().jurors.map((j) => ({ ...j, capacity: 1 })) });
  assert.deepEqual(shortfalls(small)[0], { code: 'capacity', available: 3, needed: 6 });
  const eager = plan({ jurors: [{ id: 'J1', capacity: 2, minLoad: 3, load: 0 }, ...plan().jurors.slice(1)] });
  assert.deepEqual(shortfalls(eager), [{ code: 'min-load-above-capacity', jurorId: 'J1', minLoad: 3, capacity: 2 }]);
});

test('a proposal is checked against the plan as it is now', () => {
  const p = plan({
    conflicts: [{ jurorId: 'J1', applicationId: 'A' }],
    assigned: [{ jurorId: 'J2', applicationId: 'B', counts: true }],
  });
  assert.deepEqual(proposalProblems(p, [{ jurorId: 'J1', applicationId: 'A' }], { exact: false }), ['conflict']);
  assert.deepEqual(proposalProblems(p, [{ jurorId: 'J2', applicationId: 'B' }], { exact: false }), ['taken']);
  assert.deepEqual(proposalProblems(p, [{ jurorId: 'J9', applicationId: 'A' }], { exact: false }), ['unknown-juror']);
  assert.deepEqual(proposalProblems(p, [{ jurorId: 'J3', applicationId: 'Z' }], { exact: false }), [
    'unknown-application',
  ]);
  assert.deepEqual(proposalProblems(p, [{ jurorId: 'J3', applicationId: 'A' }], { exact: true }), ['not-exact']);
  assert.deepEqual(
    proposalProblems(
      p,
      [
        { jurorId: 'J3', applicationId: 'B' },
        { jurorId: 'J1', applicationId: 'B' },
      ],
      { exact: false },
    ),
    ['too-many'],
  );
  const full = plan({ jurors: [{ id: 'J1', capacity: 1, minLoad: 0, load: 1 }] });
  assert.deepEqual(proposalProblems(full, [{ jurorId: 'J1', applicationId: 'C' }], { exact: false }), ['capacity']);
});
