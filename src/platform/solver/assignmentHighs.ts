// HiGHS behind the domain's solver port (domain/assignment/linearProgram.ts). It lives in platform/
// because loading the WebAssembly reads highs.wasm from disk. Each solve gets its own native
// model, disposed at once (garbage collection does not free Wasm memory).
//
// Why the compiled module is kept and shared: V8 compiles Wasm functions lazily and optimises the
// hot ones in the background, so the first 1,000 × 100 solve in a fresh process takes ~0.5–0.7 s
// against ~0.1 s once warm (measured). A WebAssembly.Module passed to a worker shares the code
// compiled so far, so only the first solve in the process pays, not every worker.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type {
  LinearProgram,
  LpSolution,
  LpSolver,
  LpStatus,
  SolveLimits,
} from '../../domain/assignment/linearProgram.ts';

let compiled: Promise<WebAssembly.Module> | null = null;
let runtime: Promise<Highs> | null = null;

/** HiGHS compiled once per process; a worker receives it in its workerData. */
export function compiledHighs(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve('highs/runtime')).then((bytes) =>
    WebAssembly.compile(bytes),
  );
  return compiled;
}

/** The solver for this thread, instantiated once (from `module` when a worker was given it). */
export async function loadHighsSolver(module?: WebAssembly.Module): Promise<LpSolver> {
  runtime ??= (async () => loader()({ wasmModule: module ?? (await compiledHighs()) }))().catch((error: unknown) => {
    runtime = null; // let a later call try again
    throw error;
  });
  const highs = await runtime;
  return (program, limits) => solveWith(highs, program, limits);
}

// The package declares CommonJS types but Node loads its ES module: the loader is the namespace's
// `default` at run time and `default.default` for the type checker. Accept either.
type Loader = (options: { wasmModule: WebAssembly.Module }) => Promise<Highs>;
function loader(): Loader {
  const namespace = highsModule as unknown as { default: Loader | { default: Loader } };
  return typeof namespace.default === 'function' ? namespace.default : namespace.default.default;
}

function solveWith(highs: Highs, program: LinearProgram, limits: SolveLimits): LpSolution {
  const { constants } = highs;
  const infinity = (values: Float64Array) =>
    values.map((v) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v));
  const model = highs.createModel({
    numCols: program.numCols,
    numRows: program.numRows,
    sense: constants.objectiveSense.maximize,
    colCost: program.colCost,
    colLower: new Float64Array(program.numCols),
    colUpper: program.colUpper,
    rowLower: infinity(program.rowLower),
    rowUpper: infinity(program.rowUpper),
    matrix: {
      format: 'csc',
      numRows: program.numRows,
      numCols: program.numCols,
      starts: program.starts,
      indices: program.indices,
      values: program.values,
    },
    ...(program.integer ? { integrality: new Int32Array(program.numCols).fill(constants.variableType.integer) } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: limits.timeLimitSeconds,
      random_seed: 0,
      // Measured on 1,000 × 100 assignment LPs: presolve finds nothing to remove and costs ~40%
      // of the solve. The MIP keeps it: there it tightens the model.
      presolve: program.integer ? 'choose' : 'off',
      ...(program.integer ? { mip_rel_gap: limits.mipRelativeGap } : {}),
    });
    if (program.start) model.setSolution({ colValue: program.start });
    const { modelStatus } = model.run();
    const status = toStatus(modelStatus, constants.modelStatus);
    const hasPrimal = Number(model.info.get('primal_solution_status')) === constants.solutionStatus.feasible;
    const solution = hasPrimal ? model.getSolution() : null;
    const mipBound = program.integer && hasPrimal ? Number(model.info.get('mip_dual_bound')) : null;
    return {
      status,
      colValue: solution ? solution.colValue : null,
      rowDual: solution && !program.integer && status === 'optimal' ? solution.rowDual : null,
      mipBound: mipBound !== null && Number.isFinite(mipBound) ? mipBound : null,
      detail: statusName(modelStatus, constants.modelStatus),
    };
  } finally {
    model.dispose();
  }
}

function toStatus(code: number, codes: Highs['constants']['modelStatus']): LpStatus {
  if (code === codes.optimal) return 'optimal';
  // Every column is bounded, so "unbounded or infeasible" can only mean infeasible.
  if (code === codes.infeasible || code === codes.unboundedOrInfeasible) return 'infeasible';
  if (code === codes.timeLimit || code === codes.iterationLimit || code === codes.interrupted) return 'time-limit';
  return 'failed';
}

function statusName(code: number, codes: Highs['constants']['modelStatus']): string {
  const entry = Object.entries(codes).find(([, value]) => value === code);
  return entry ? entry[0] : `status ${code}`;
}
