// Before the walk: which minimum rules can be met at all, given the budget, the grant range, the
// maxima and the fixed decisions. Rules are taken in the call's order and each is kept if it can
// be met together with those kept before it; the others are unsatisfiable and dropped, so that the
// selection meets every rule kept. (Maxima are never dropped: funding fewer always meets them.)
// A kept set comes with the bounds of its cheapest completion, the walk's starting point.
import { completionCost, greedyCompletion, largestBound, ruleBounds } from './bounds.ts';
import type { CoverSolver } from './cover.ts';
import { exactCompletion, type SolverStats } from './exactCompletion.ts';
import type { Entry } from './prepare.ts';
import { restrictedTo, type WalkState } from './state.ts';

/** What the walk knows of the cheapest completion: lb ≤ its cost ≤ cost(witness) ≤ budget. */
export type Base = { lb: number; witness: number[] };

export type Settled = { state: WalkState; base: Base; dropped: number[] };

export async function settleRules(
  pool: readonly Entry[],
  byCost: readonly number[][],
  start: WalkState,
  solver: CoverSolver,
  stats: SolverStats,
  shortcuts = true,
): Promise<Settled> {
  const kept = new Set<number>();
  const dropped: number[] = [];
  let base: Base = { lb: 0, witness: [] };
  for (let rule = 0; rule < start.need.length; rule++) {
    const trial = restrictedTo(start, new Set([...kept, rule]));
    const lb = shortcuts ? largestBound(ruleBounds(pool, byCost, trial, 0)) : 0;
    const greedy = !shortcuts || lb > start.budget ? null : greedyCompletion(pool, trial, 0, base.witness);
    if (lb > start.budget) {
      dropped.push(rule);
    } else if (greedy && completionCost(pool, greedy) <= start.budget) {
      kept.add(rule);
      base = { lb, witness: greedy };
    } else {
      const exact = await exactCompletion(pool, trial, 0, start.budget, solver, stats);
      if (exact) {
        kept.add(rule);
        base = { lb: exact.cost, witness: exact.witness };
      } else {
        dropped.push(rule);
      }
    }
  }
  return { state: restrictedTo(start, kept), base, dropped };
}
