// Runs the exact assignment in a worker thread: HiGHS blocks the thread it runs in (its solve is
// synchronous WebAssembly), and the server's event loop must keep answering meanwhile. One
// worker per solve: solves are rare (a few per call), starting a worker costs little beside a large
// one (the compiled HiGHS module is shared), and terminating it returns all of the solver's memory.
// A small solve is over in a few milliseconds, a hundredth of a worker's start: it runs here.
import { Worker } from 'node:worker_threads';
import { greedyFallback } from '../../domain/assignment/solve.ts';
import { toOutput } from '../../domain/assignment/output.ts';
import type { ParsedAssignmentInput } from '../../domain/assignment/input.ts';
import { compiledHighs } from './assignmentHighs.ts';
import { solveAssignment, toProblem, type AssignmentOptions, type AssignmentRun } from './solveAssignment.ts';
import { announcedSolve } from './solverRuns.ts';

// Beyond the solve's own time limit (which it honours and then falls back to greedy), how long to
// wait before deciding the worker is stuck.
const GRACE_MS = 10_000;

/** Up to this many (application, juror) pairs, a solve takes a few milliseconds (19 × 4: 2 ms; a worker: 300). */
const IN_THREAD_PAIRS = 2_000;

/**
 * Resolves with the exact run, or, if the worker fails or overruns its time, with the greedy
 * assignment computed here (status "feasible" or "unknown", never "optimal"). A small request
 * (IN_THREAD_PAIRS) is solved in the calling thread instead.
 * @param waitMs how long to wait for the worker; by default the solve's time limit plus a grace.
 */
export function solveAssignmentInWorker(
  input: ParsedAssignmentInput,
  options: AssignmentOptions = {},
  waitMs?: number,
): Promise<AssignmentRun> {
  return announcedSolve(
    'assignment',
    () =>
      input.applications.length * input.jurors.length <= IN_THREAD_PAIRS
        ? solveAssignment(input, options)
        : solveInWorker(input, options, waitMs),
    (run) => run.output.status,
  );
}

async function solveInWorker(
  input: ParsedAssignmentInput,
  options: AssignmentOptions,
  waitMs: number | undefined,
): Promise<AssignmentRun> {
  const problem = toProblem(input); // validates before a thread is spent on it
  const module = await compiledHighs();
  return new Promise((resolve) => {
    const worker = startWorker({ input, options, module });
    let settled = false;
    const settle = (run: AssignmentRun) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(run);
    };
    const fallback = (why: string) => {
      if (settled) return; // e.g. the 'exit' that follows terminate()
      const solution = greedyFallback(problem, why);
      settle({ output: toOutput(problem, solution), stats: solution.stats });
    };
    const timer = setTimeout(
      () => fallback('the solver did not answer in time'),
      waitMs ?? (options.timeLimitSeconds ?? 30) * 1000 + GRACE_MS,
    );
    worker.once('message', (message: { ok: true; run: AssignmentRun } | { ok: false; message: string }) =>
      message.ok ? settle(message.run) : fallback(`the solver failed: ${message.message}`),
    );
    worker.once('error', (error) => fallback(`the solver failed: ${error.message}`));
    worker.once('exit', (code) => fallback(`the solver stopped (exit code ${code})`));
  });
}

// Built (dist/), the worker is the compiled module next to this one. From the sources, it is
// TypeScript: a tiny bootstrap registers tsx in the new thread first (on Node 20, `--import tsx`
// does not reach worker threads).
function startWorker(workerData: unknown): Worker {
  if (import.meta.url.endsWith('.js'))
    return new Worker(new URL('./assignmentWorker.js', import.meta.url), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./assignmentWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
