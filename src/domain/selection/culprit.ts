// Names the minimum rule behind a departure from rank order. Called once we know that, after
// funding application k at some amount, no completion of the unmet minimums fits in `slack` (the
// money that would be left). The culprit is:
// 1. the first unmet rule, in the call's order, whose own bound (bounds.ts) exceeds the slack:
//    that rule alone, whatever the others, makes it impossible;
// 2. otherwise (only rules together, or with a maximum, make it impossible) the rule whose
//    addition, in the call's order, first makes it impossible — the same priority order that
//    decides which rules are unsatisfiable.
import { greedyCompletion, completionCost, ruleBounds } from './bounds.ts';
import type { CoverSolver } from './cover.ts';
import { exactCompletion, type SolverStats } from './exactCompletion.ts';
import type { Entry } from './prepare.ts';
import type { DualBounds } from './dualBound.ts';
import { restrictedTo, type WalkState } from './state.ts';

type Context = {
  pool: readonly Entry[];
  byCost: readonly number[][];
  solver: CoverSolver;
  stats: SolverStats;
  duals: DualBounds;
};

/** `after`: `state` with application k funded. */
export async function culpritRule(
  ctx: Context,
  state: WalkState,
  after: WalkState,
  k: number,
  slack: number,
): Promise<number> {
  const { pool } = ctx;
  const bounds = ruleBounds(pool, ctx.byCost, after, k + 1);
  const alone = bounds.find((b) => b.bound > slack);
  if (alone) return alone.rule;

  // The unmet rules of `after` are those of `state` minus any k alone completed.
  const unmet = state.need.flatMap((n, r) => (n > 0 ? [r] : []));
  const fits = async (count: number): Promise<boolean> => {
    const prefix = unmet.slice(0, count);
    const s = restrictedTo(after, new Set(prefix));
    const witness = greedyCompletion(pool, s, k + 1);
    if (witness && completionCost(pool, witness) <= slack) return true;
    for (const refresh of [false, true])
      if ((await ctx.duals.bound(state, after, prefix, k, refresh)) > slack) return false;
    return (await exactCompletion(pool, s, k + 1, slack, ctx.solver, ctx.stats)) !== null;
  };
  // Fitting is monotone in the prefix length (more rules, fewer completions), and the full list
  // does not fit: binary search for the shortest prefix that does not.
  let lo = 1;
  let hi = unmet.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await fits(mid)) lo = mid + 1;
    else hi = mid;
  }
  return unmet[lo - 1]!;
}
