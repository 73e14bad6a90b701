// The proof of optimality, computed here rather than taken on trust. For ANY row prices y, weak
// duality gives, for every x with rowLower ≤ Ax ≤ rowUpper and 0 ≤ x ≤ 1:
//   c·x = (c − Aᵀy)·x + y·Ax ≤ Σ_pairs max(0, c − Aᵀy) + Σ_rows max(y·lower, y·upper)
// So the duals of a model restricted to some pairs yield an upper bound over ALL pairs, and the
// pairs whose reduced cost c − Aᵀy is positive are exactly those that could still improve it
// (column generation). A wrong sign or a sloppy dual only weakens the bound, never falsifies it.
import { topJurors } from './candidates.ts';
import { rowBounds, type RowBounds } from './model.ts';
import type { AssignmentProblem } from './problem.ts';

export interface Pricing {
  /** A valid upper bound on the best assignment's affinity (of the LP relaxation, hence of any assignment). */
  readonly bound: number;
  /** Pairs outside the model with a positive reduced cost, in increasing order. */
  readonly entering: Int32Array;
}

// Below the solvers' own dual feasibility tolerance (1e-7), a positive reduced cost is noise.
const ENTERING_TOLERANCE = 1e-7;

/**
 * @param rowDual duals of the restricted model (reduced cost = c − Aᵀy).
 * @param inModel inModel[p] = 1 for pairs already in the model.
 */
export function priceOut(problem: AssignmentProblem, rowDual: Float64Array, inModel: Uint8Array): Pricing {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const rows = rowBounds(problem);
  const y = admissibleDuals(rowDual, rows);
  let bound = 0;
  // A zero price contributes nothing (and 0 × Infinity would be NaN on the floor rows).
  for (let r = 0; r < y.length; r++)
    bound += y[r]! > 0 ? y[r]! * rows.upper[r]! : y[r]! < 0 ? y[r]! * rows.lower[r]! : 0;
  const floorRows = problem.floor !== null;
  const entering: number[] = [];
  for (let a = 0; a < A; a++) {
    const base = a * J;
    const appPrice = y[a]!;
    const floorPrice = floorRows ? y[A + J + a]! : 0;
    for (let j = 0; j < J; j++) {
      const p = base + j;
      if (problem.conflict[p]) continue;
      const w = problem.affinity[p]!;
      const reduced = w - appPrice - y[A + j]! - w * floorPrice;
      if (reduced > 0) {
        bound += reduced;
        if (reduced > ENTERING_TOLERANCE && !inModel[p]) entering.push(p);
      }
    }
  }
  return { bound, entering: Int32Array.from(entering) };
}

/**
 * Reduced-cost fixing. By the same inequality, an assignment that uses a pair whose reduced cost
 * is −d (d > 0) is worth at most bound − d. So when an assignment worth `incumbent` is known,
 * pairs with reduced cost below −(bound − incumbent) cannot be in a better one and can be left
 * out of the MIP, exactly. Returns the pairs (without conflict) that must stay, in order.
 */
export function pairsThatCouldImprove(
  problem: AssignmentProblem,
  rowDual: Float64Array,
  bound: number,
  incumbent: number,
): Int32Array {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const y = admissibleDuals(rowDual, rowBounds(problem));
  // A hair of slack: the bound and duals carry the solver's tolerances.
  const threshold = -(bound - incumbent) - 1e-6 * Math.max(1, Math.abs(bound));
  const kept: number[] = [];
  for (let a = 0; a < A; a++) {
    const floorPrice = problem.floor !== null ? y[A + J + a]! : 0;
    for (let j = 0; j < J; j++) {
      const p = a * J + j;
      if (problem.conflict[p]) continue;
      const w = problem.affinity[p]!;
      if (w - y[a]! - y[A + j]! - w * floorPrice >= threshold) kept.push(p);
    }
  }
  return Int32Array.from(kept);
}

/**
 * Each application's `n` pairs with the highest reduced cost: the alternatives the LP itself finds
 * nearly as good, which (unlike raw affinity) accounts for crowded jurors through their prices.
 */
export function bestReducedCostPairs(problem: AssignmentProblem, rowDual: Float64Array, n: number): Int32Array {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const y = admissibleDuals(rowDual, rowBounds(problem));
  const chosen: number[] = [];
  for (let a = 0; a < A; a++) {
    const floorPrice = problem.floor !== null ? y[A + J + a]! : 0;
    const candidates: { p: number; reduced: number }[] = [];
    for (let j = 0; j < J; j++) {
      const p = a * J + j;
      if (problem.conflict[p]) continue;
      const w = problem.affinity[p]!;
      candidates.push({ p, reduced: w - y[a]! - y[A + j]! - w * floorPrice });
    }
    candidates.sort((x, z) => z.reduced - x.reduced || x.p - z.p);
    for (const { p } of candidates.slice(0, n)) chosen.push(p);
  }
  return Int32Array.from(chosen).sort();
}

/** Prices on rows unbounded on one side must have the sign that keeps the bound finite. */
function admissibleDuals(rowDual: Float64Array, rows: RowBounds): Float64Array {
  return rowDual.map((value, r) => {
    if (rows.upper[r] === Infinity && value > 0) return 0;
    if (rows.lower[r] === -Infinity && value < 0) return 0;
    return value;
  });
}

/**
 * A cheap bound without any solver: each application with its k best jurors, capacities ignored.
 * Used when the solver gave nothing better (e.g. it failed before any LP was solved).
 */
export function simpleBound(problem: AssignmentProblem): number {
  const J = problem.jurorIds.length;
  let bound = 0;
  problem.applicationIds.forEach((_, a) => {
    for (const j of topJurors(problem, a, problem.k)) bound += problem.affinity[a * J + j]!;
  });
  return bound;
}
