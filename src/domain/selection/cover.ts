// The questions the constrained walk asks a MILP solver, as a port: the domain stays pure and the
// platform plugs HiGHS in (src/platform/solver/selectionSolver.ts); tests plug brute force in.
//
//   minimise  Σ cost_j x_j   over x_j ∈ {0, 1}
//   such that Σ_{j ∈ need.members}  x_j ≥ need.min    for every need   (minimums per target public)
//             Σ_{j ∈ limit.members} x_j ≤ limit.max   for every limit  (maxima per commune, organisation)
//
// `solve` answers it exactly (0/1); `relax` gives the row duals of its linear relaxation
// (x_j ∈ [0, 1]), from which dualBound.ts derives proven lower bounds. Both answers are checked
// before use: a 0/1 answer with integers (`checkCover`), duals by their signs (any duals of the
// right signs give a valid bound, so the solver's tolerances never decide who is funded).
import type { Cents } from '../money.ts';

export type CoverRow = { members: number[]; bound: number };

export type CoverProblem = {
  costs: Cents[];
  needs: CoverRow[];
  limits: CoverRow[];
};

/** `chosen`: indices into `costs` of an optimal solution; absent when none satisfies the rows. */
export type CoverSolution = { feasible: true; chosen: number[] } | { feasible: false };

/**
 * Duals per row (≥ 0 for needs, ≤ 0 for limits; wrong signs are clamped to 0, which stays valid)
 * and the relaxed values of the variables.
 */
export type CoverRelaxation =
  { feasible: true; needDuals: number[]; limitDuals: number[]; values: number[] } | { feasible: false };

export type CoverSolver = {
  solve(problem: CoverProblem): Promise<CoverSolution>;
  relax(problem: CoverProblem): Promise<CoverRelaxation>;
};

/** The cost of `chosen` if it meets every row, else undefined. */
export function checkCover(problem: CoverProblem, chosen: readonly number[]): Cents | undefined {
  const picked = new Set(chosen);
  if (picked.size !== chosen.length || chosen.some((j) => !Number.isInteger(j) || j < 0 || j >= problem.costs.length))
    return undefined;
  const count = (row: CoverRow) => row.members.reduce((n, j) => n + (picked.has(j) ? 1 : 0), 0);
  if (problem.needs.some((row) => count(row) < row.bound)) return undefined;
  if (problem.limits.some((row) => count(row) > row.bound)) return undefined;
  return chosen.reduce((sum, j) => sum + (problem.costs[j] ?? 0), 0);
}

/**
 * Exhaustive solver for tiny problems (tests, and a cross-check of the HiGHS adapter): tries every
 * subset, keeps the cheapest that meets the rows, ties to the first found. Its "relaxation" is no
 * LP: it prices each need at its cheapest member — valid duals (right signs), rarely optimal, which
 * is what tests want: bounds that are sound without being tight.
 */
export const bruteForceCoverSolver: CoverSolver = {
  async solve(problem) {
    const n = problem.costs.length;
    if (n > 20) throw new RangeError(`brute force over ${n} items is too slow`);
    let best: { cost: number; chosen: number[] } | undefined;
    for (let mask = 0; mask < 1 << n; mask++) {
      const chosen: number[] = [];
      for (let j = 0; j < n; j++) if (mask & (1 << j)) chosen.push(j);
      const cost = checkCover(problem, chosen);
      if (cost !== undefined && (best === undefined || cost < best.cost)) best = { cost, chosen };
    }
    return best ? { feasible: true, chosen: best.chosen } : { feasible: false };
  },
  async relax(problem) {
    return {
      feasible: true,
      needDuals: problem.needs.map(
        (row) => Math.min(...row.members.map((j) => problem.costs[j]!)) / problem.needs.length,
      ),
      limitDuals: problem.limits.map(() => 0),
      values: problem.costs.map(() => 1),
    };
  },
};
