// Worker-thread entry: solves the request in workerData and posts the run back, or the error.
// The HiGHS module comes compiled from the parent thread (see assignmentHighs.ts for why).
import { parentPort, workerData } from 'node:worker_threads';
import type { ParsedAssignmentInput } from '../../domain/assignment/input.ts';
import { loadHighsSolver } from './assignmentHighs.ts';
import { solveAssignment, type AssignmentOptions } from './solveAssignment.ts';

const { input, options, module } = workerData as {
  input: ParsedAssignmentInput;
  options: AssignmentOptions;
  module: WebAssembly.Module;
};
loadHighsSolver(module)
  .then(() => solveAssignment(input, options))
  .then(
    (run) => parentPort!.postMessage({ ok: true, run }),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
