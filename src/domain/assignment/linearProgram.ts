// The port between the pure model and an LP/MIP solver. The domain builds the model and checks
// the answer; platform/solver runs HiGHS (loading its WebAssembly reads a file, which domain/ may
// not do). Sparse arrays rather than LP text: HiGHS takes them directly, so nothing is formatted
// and parsed again, and no variable names are needed.

/** maximise colCost·x  subject to  rowLower ≤ A x ≤ rowUpper,  0 ≤ x ≤ colUpper. */
export interface LinearProgram {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colUpper: Float64Array;
  /** ±Infinity where a row has no bound on that side. */
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Compressed sparse columns: column c has rows indices[starts[c]..starts[c+1]). */
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** All columns integer (a MIP) or all continuous. */
  readonly integer: boolean;
  /** A known feasible point to start a MIP from: its value prunes the search at once. */
  readonly start?: Float64Array;
}

export type LpStatus = 'optimal' | 'infeasible' | 'time-limit' | 'failed';

export interface LpSolution {
  readonly status: LpStatus;
  /** Primal values when a feasible point is known (also at a time limit, for a MIP incumbent). */
  readonly colValue: Float64Array | null;
  /** Row duals of an LP, sign convention: reduced cost = colCost − Aᵀ rowDual. */
  readonly rowDual: Float64Array | null;
  /** Best proven upper bound of a MIP. */
  readonly mipBound: number | null;
  /** The solver's own words, for messages. */
  readonly detail: string;
}

export interface SolveLimits {
  readonly timeLimitSeconds: number;
  /** Relative gap at which a MIP may stop as optimal. */
  readonly mipRelativeGap: number;
}

export type LpSolver = (program: LinearProgram, limits: SolveLimits) => LpSolution;
