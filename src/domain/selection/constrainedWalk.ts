// Constrained mode: the lexicographic maximum, by rank, of the amounts funded, among all
// selections that meet the kept portfolio rules. Walking down the ranking, each application gets
// the most it can while the unmet minimums stay reachable with what is left:
//
//   c = least cost of a completion after funding it (bounds.ts); fund `full` if full + c ≤ left,
//   else, when the call allows partial grants, `left − c` if that reaches its floor, else nothing.
//
// Why this is the exact optimum: by induction on the rank, the amounts chosen so far are those of
// the optimum, and the state (money, unmet minimums, places left) admits a completion. The most
// the next application can receive in any selection agreeing with the optimum so far is exactly
// the value above, since the later applications only need their floors to complete the rules, and
// any completion fits iff its cost fits. So the walk picks the optimum's amount, and the state
// again admits a completion (its witness). Every decision rests on a proof: a witness that fits
// (a selection exists), a bound that does not (none exists), or the solver's proven optimum.
//
// The solver is asked only when the cheap bounds disagree (see leastCompletion). They are kept
// from step to step: the previous completion stays a witness while its members remain available;
// the least cost can only rise when an application is passed over (fewer to choose from) or fall
// by at most the floor of one funded; and one LP relaxation's duals bound the cost after funding
// any later application of the same state (dualBound.ts). So the MILP is solved once per
// genuinely close call, not once per rank position.
import { completionCost, greedyCompletion, largestBound, pruneCompletion, ruleBounds, withinMaxima } from './bounds.ts';
import type { CoverSolver } from './cover.ts';
import { culpritRule } from './culprit.ts';
import { exactCompletion, type SolverStats } from './exactCompletion.ts';
import type { Entry, MinimumRule } from './prepare.ts';
import type { Decision } from './rankingWalk.ts';
import { DualBounds } from './dualBound.ts';
import type { Base } from './settleRules.ts';
import { hasNeeds, unmetServed, withFunded, type WalkState } from './state.ts';

type Context = {
  pool: readonly Entry[];
  byCost: readonly number[][];
  minimums: readonly MinimumRule[];
  solver: CoverSolver;
  stats: SolverStats;
  /** false: skip the bounds and ask the solver at every open decision (tests check both agree). */
  shortcuts: boolean;
};

/** Where the walk stands, with what it knows of the cheapest completion from there. */
type Cursor = { state: WalkState; base: Base };
type WalkContext = Context & { duals: DualBounds };

/** One decision per pool entry, in pool (rank) order. */
export async function constrainedWalk(context: Context, start: WalkState, startBase: Base): Promise<Decision[]> {
  const ctx: WalkContext = { ...context, duals: new DualBounds(context.pool, context.solver, context.stats) };
  const { pool, minimums } = ctx;
  const decisions: Decision[] = [];
  // Minimum rules for which a better-ranked application was passed over or cut: an application
  // then funded for that rule was funded ahead of it, and says so.
  const cutFor = new Set<number>();
  const ruleReason = (rule: number) => `rule:${minimums[rule]!.name}`;
  const cursor: Cursor = { state: start, base: startBase };

  for (let k = 0; k < pool.length; k++) {
    const e = pool[k]!;
    const { state } = cursor;
    const left = state.budget;
    if ((state.communeLeft[e.commune] ?? 0) <= 0) {
      decisions.push({ kind: 'reserve', reason: 'rule:maxPerCommune' });
      continue;
    }
    if ((state.organisationLeft[e.organisation] ?? 0) <= 0) {
      decisions.push({ kind: 'reserve', reason: 'rule:maxPerOrganisation' });
      continue;
    }
    if (e.bounds.lo > left) {
      decisions.push({ kind: 'reserve', reason: 'budget' });
      continue;
    }
    const plain = Math.min(e.bounds.full, left); // what rank order alone would give
    if (!hasNeeds(state)) {
      decisions.push({ kind: 'selected', amount: plain, partial: plain < e.bounds.full, reason: 'rank' });
      cursor.state = withFunded(state, e, plain);
      continue;
    }

    const after = withFunded(state, e, 0); // the money is taken once the amount is known
    const found = await leastCompletion(ctx, cursor, after, k);
    if (found === null) {
      const rule = await culpritRule(ctx, state, after, k, left - e.bounds.lo);
      cutFor.add(rule);
      decisions.push({ kind: 'reserve', reason: ruleReason(rule) });
      continue;
    }
    // In full if the completion fits beside it; otherwise its cost is the exact least one, and
    // the application gets what that leaves (at least its floor).
    const amount = found.cost <= left - e.bounds.full ? e.bounds.full : left - found.cost;
    let reason = 'rank';
    if (amount < plain) {
      const rule = await culpritRule(ctx, state, after, k, left - plain);
      cutFor.add(rule);
      reason = ruleReason(rule);
    } else {
      const rule = e.serves.find((r) => (state.need[r] ?? 0) > 0 && cutFor.has(r));
      if (rule !== undefined) reason = ruleReason(rule);
    }
    decisions.push({ kind: 'selected', amount, partial: amount < e.bounds.full, reason });
    cursor.state = withFunded(state, e, amount);
    cursor.base = hasNeeds(cursor.state) ? { lb: found.lb, witness: found.witness } : { lb: 0, witness: [] };
  }
  return decisions;
}

/** A completion and its cost, with a lower bound on the least cost (lb ≤ least ≤ cost). */
type Found = { lb: number; witness: number[]; cost: number };

/**
 * After funding pool entry k (state `after`): a completion that fits beside its full amount, or
 * else the cheapest completion (cost exact), or null when none leaves room even for its floor.
 * Tries, cheapest first: the previous completion; greedy completions and per-rule bounds; LP
 * duality bounds; and last an exact solve.
 */
async function leastCompletion(ctx: WalkContext, cursor: Cursor, after: WalkState, k: number): Promise<Found | null> {
  const { pool } = ctx;
  const { state, base } = cursor;
  const e = pool[k]!;
  const left = state.budget;
  const decide = (lb: number, witness: number[] | null): Found | null | undefined => {
    const ub = witness ? completionCost(pool, witness) : Infinity;
    if (ub <= left - e.bounds.full) return { lb, witness: witness!, cost: ub };
    if (lb > left - e.bounds.lo) return null;
    if (lb === ub) return { lb, witness: witness!, cost: ub };
    return undefined; // undecided
  };
  if (ctx.shortcuts) {
    // The previous completion: minus this application if it was a member, else as it was if the
    // places this one takes leave it valid. Funding this one lowers the least cost by at most its
    // floor, and not at all if it serves no unmet rule.
    const inBase = base.witness.includes(k);
    const serves = unmetServed(state, e) > 0;
    let lb = Math.max(0, inBase || serves ? base.lb - e.bounds.lo : base.lb);
    const kept = inBase ? base.witness.filter((j) => j !== k) : base.witness;
    let witness = inBase || withinMaxima(pool, after, kept) ? pruneCompletion(pool, after, kept) : null;
    const cheap = decide(lb, witness);
    if (cheap !== undefined) return cheap;

    witness = cheaper(pool, witness, greedyCompletion(pool, after, k + 1, base.witness));
    if (!inBase) witness = cheaper(pool, witness, greedyCompletion(pool, after, k + 1));
    lb = Math.max(lb, largestBound(ruleBounds(pool, ctx.byCost, after, k + 1)));
    const bounded = decide(lb, witness);
    if (bounded !== undefined) return bounded;

    // LP duality (dualBound.ts): one relaxation bounds every application of this state at once.
    const unmet = state.need.flatMap((n, r) => (n > 0 ? [r] : []));
    for (const refresh of [false, true]) {
      lb = Math.max(lb, await ctx.duals.bound(state, after, unmet, k, refresh));
      const dual = decide(lb, witness);
      if (dual !== undefined) return dual;
    }
  }
  const exact = await exactCompletion(pool, after, k + 1, left - e.bounds.lo, ctx.solver, ctx.stats);
  return exact ? { lb: exact.cost, witness: exact.witness, cost: exact.cost } : null;
}

function cheaper(pool: readonly Entry[], a: number[] | null, b: number[] | null): number[] | null {
  if (!a || !b) return a ?? b;
  return completionCost(pool, b) < completionCost(pool, a) ? b : a;
}
