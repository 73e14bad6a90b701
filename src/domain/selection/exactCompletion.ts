// The exact least cost of a completion (see bounds.ts): the cut-down model (coverModel.ts) solved
// by the MILP solver, whose answer is checked with integers before it is used.
import { checkCover, type CoverSolver } from './cover.ts';
import { coverModel } from './coverModel.ts';
import type { Entry } from './prepare.ts';
import type { WalkState } from './state.ts';

export type Exact = { cost: number; witness: number[] };

/** `calls`: exact (MILP) solves; `relaxations`: linear relaxations (LP). */
export type SolverStats = { calls: number; relaxations?: number };

/**
 * The cheapest completion from pool position `from` on if it costs at most `limit`, else null
 * (also when no completion exists at all). Applications dearer than `limit` are left out: an
 * optimum that needed one would cost more than `limit` anyway.
 */
export async function exactCompletion(
  pool: readonly Entry[],
  state: WalkState,
  from: number,
  limit: number,
  solver: CoverSolver,
  stats: SolverStats,
): Promise<Exact | null> {
  if (!state.need.some((n) => n > 0)) return { cost: 0, witness: [] };
  const model = coverModel(pool, state, from, limit);
  if (!model) return null;
  stats.calls += 1;
  const solution = await solver.solve(model.problem);
  if (!solution.feasible) return null;
  const cost = checkCover(model.problem, solution.chosen);
  if (cost === undefined) throw new Error('The MILP solver returned a selection that breaks the rules it was given.');
  if (cost > limit) return null;
  return { cost, witness: solution.chosen.map((j) => model.kept[j]!).sort((a, b) => a - b) };
}
