import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assignmentInputSchema, type ParsedAssignmentInput } from '../../domain/assignment/input.ts';
import { mulberry32 } from '../../domain/random.ts';
import { solveAssignment } from './solveAssignment.ts';
import { solveAssignmentInWorker } from './solveAssignmentInWorker.ts';

function request(applications: number, jurors: number, seed: number): ParsedAssignmentInput {
  const random = mulberry32(seed);
  const affinity: [string, string, number][] = [];
  const conflicts: [string, string][] = [];
  for (let a = 1; a <= applications; a++) {
    for (let j = 1; j <= jurors; j++) {
      affinity.push([`J${j}`, `A${a}`, Math.round(random() * 1000) / 1000]);
      if (random() < 0.02) conflicts.push([`J${j}`, `A${a}`]);
    }
  }
  return assignmentInputSchema.parse({
    reviewersPerApplication: 3,
    jurors: Array.from({ length: jurors }, (_, j) => ({
      id: `J${j + 1}`,
      capacity: Math.ceil((3 * applications) / jurors) + 5,
    })),
    applications: Array.from({ length: applications }, (_, a) => ({ id: `A${a + 1}` })),
    affinity,
    conflicts,
  });
}

describe('assignment in a worker thread', () => {
  test('gives the same answer as the direct solve, without blocking the event loop', async () => {
    const input = request(300, 30, 1);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const inWorker = await solveAssignmentInWorker(input);
    clearInterval(timer);
    const direct = await solveAssignment(input);
    assert.deepEqual(inWorker.output, direct.output);
    assert.equal(inWorker.output.status, 'optimal');
    assert.ok(ticks >= 5, `the event loop ran ${ticks} timer callbacks meanwhile`);
  });

  test('a worker that does not answer in time is replaced by the greedy assignment', async () => {
    const run = await solveAssignmentInWorker(request(300, 10, 2), {}, 0);
    assert.equal(run.output.status, 'feasible');
    assert.equal(run.stats.method, 'greedy');
    assert.match(run.output.reason!, /^the solver did not answer in time; greedy assignment, gap /);
    assert.ok(run.output.objective! <= run.output.bound!);
  });

  test('a small request is solved in the calling thread, where no worker can be late', async () => {
    const input = request(40, 5, 4);
    const run = await solveAssignmentInWorker(input, {}, 0);
    assert.equal(run.output.status, 'optimal');
    assert.deepEqual(run.output, (await solveAssignment(input)).output);
  });

  test('an invalid request is refused before any thread starts', async () => {
    const input = { ...request(2, 3, 3), conflicts: [['J9', 'A1']] as [string, string][] };
    await assert.rejects(solveAssignmentInWorker(input), /unknown juror J9/);
  });
});
