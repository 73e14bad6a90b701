// The assignment as a linear program over a chosen set of pairs (columns):
//   maximise  Σ affinity(a,j) x(a,j)
//   each application a:  Σ_j x(a,j) = k                      (rows 0 … A−1)
//   each juror j:        minLoad(j) ≤ Σ_a x(a,j) ≤ capacity(j) (rows A … A+J−1)
//   with a floor, each a: Σ_j affinity(a,j) x(a,j) ≥ floor   (rows A+J … 2A+J−1)
//   0 ≤ x ≤ 1, conflicted pairs have no column at all.
// Without the floor the matrix is the incidence matrix of a bipartite graph, hence totally
// unimodular: with integer k, loads and capacities every vertex is integral, so the LP optimum
// found by simplex IS the best assignment (minimum loads keep this property). The floor row has
// affinities as coefficients and breaks it; then the columns are declared integer (a MIP).
import type { LinearProgram } from './linearProgram.ts';
import type { AssignmentProblem } from './problem.ts';

export interface RowBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export function rowBounds(problem: AssignmentProblem): RowBounds {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const rows = A + J + (problem.floor === null ? 0 : A);
  const lower = new Float64Array(rows);
  const upper = new Float64Array(rows);
  lower.fill(problem.k, 0, A);
  upper.fill(problem.k, 0, A);
  lower.set(problem.minLoad, A);
  upper.set(problem.capacity, A);
  if (problem.floor !== null) {
    lower.fill(problem.floor, A + J);
    upper.fill(Infinity, A + J);
  }
  return { lower, upper };
}

/** The program over `pairs` (sorted pair indices a·J + j, none conflicted). */
export function buildProgram(problem: AssignmentProblem, pairs: Int32Array, integer: boolean): LinearProgram {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const withFloor = problem.floor !== null;
  const n = pairs.length;
  const colCost = new Float64Array(n);
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(n * (withFloor ? 3 : 2));
  const values = new Float64Array(indices.length);
  let at = 0;
  for (let c = 0; c < n; c++) {
    const p = pairs[c]!;
    const a = Math.floor(p / J);
    const w = problem.affinity[p]!;
    colCost[c] = w;
    starts[c] = at;
    indices[at] = a;
    values[at++] = 1;
    indices[at] = A + (p - a * J);
    values[at++] = 1;
    // A zero coefficient is left out: HiGHS would drop it anyway.
    if (withFloor && w !== 0) {
      indices[at] = A + J + a;
      values[at++] = w;
    }
  }
  starts[n] = at;
  const { lower, upper } = rowBounds(problem);
  return {
    numCols: n,
    numRows: lower.length,
    colCost,
    colUpper: new Float64Array(n).fill(1),
    rowLower: lower,
    rowUpper: upper,
    starts,
    indices: indices.subarray(0, at),
    values: values.subarray(0, at),
    integer,
  };
}
