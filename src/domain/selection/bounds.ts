// Cheap answers to "what is the least the rules still to meet will cost?", so that the solver is
// only asked when they disagree. A completion is a set of pool positions after `from` that meets
// every remaining minimum without breaking a maximum; its cost is the sum of the least each may
// receive (`lo`), since a later application may be funded partially when the call allows it.
//
// - `ruleBounds` is a lower bound per rule: the `need` cheapest applications serving that rule
//   alone (maxima ignored). Any completion costs at least the largest of them, so a bound above
//   the money left proves — with no solver — that the rule forbids it, and names that rule.
// - `greedyCompletion` builds an actual completion (a witness): its cost is an upper bound, and
//   when it fits the money left it proves a decision feasible.
import type { Entry } from './prepare.ts';
import { Heap } from './heap.ts';
import { hasSlot, type WalkState } from './state.ts';

export type RuleBound = { rule: number; bound: number };

type Candidate = { k: number; gain: number };

/** Pool positions serving each rule, cheapest first (ties: better rank first). */
export function positionsByCost(pool: readonly Entry[], rules: number): number[][] {
  const lists: number[][] = Array.from({ length: rules }, () => []);
  pool.forEach((e, k) => e.serves.forEach((r) => lists[r]?.push(k)));
  for (const list of lists) list.sort((a, b) => pool[a]!.bounds.lo - pool[b]!.bounds.lo || a - b);
  return lists;
}

/** One bound per unmet rule, in rule order; Infinity when too few applications remain. */
export function ruleBounds(
  pool: readonly Entry[],
  byCost: readonly number[][],
  state: WalkState,
  from: number,
): RuleBound[] {
  const bounds: RuleBound[] = [];
  state.need.forEach((need, rule) => {
    if (need <= 0) return;
    let left = need;
    let bound = 0;
    for (const k of byCost[rule] ?? []) {
      if (k < from || !hasSlot(state, pool[k]!)) continue;
      bound += pool[k]!.bounds.lo;
      if (--left === 0) break;
    }
    bounds.push({ rule, bound: left > 0 ? Infinity : bound });
  });
  return bounds;
}

export function largestBound(bounds: readonly RuleBound[]): number {
  return bounds.reduce((m, b) => Math.max(m, b.bound), 0);
}

export function completionCost(pool: readonly Entry[], witness: readonly number[]): number {
  return witness.reduce((sum, k) => sum + pool[k]!.bounds.lo, 0);
}

/**
 * A completion built greedily, starting from `seed` (typically the previous witness, kept where
 * the new state still allows it), adding the application that serves the most unmet rules per
 * cent, then dropping members that became redundant, dearest first. Null when it gets stuck (which
 * proves nothing: the exact solver decides then).
 */
export function greedyCompletion(
  pool: readonly Entry[],
  state: WalkState,
  from: number,
  seed: readonly number[] = [],
): number[] | null {
  const need = state.need.slice();
  const communeUsed = new Map<number, number>();
  const organisationUsed = new Map<number, number>();
  const chosen = new Set<number>();
  const fits = (e: Entry) =>
    (communeUsed.get(e.commune) ?? 0) < (state.communeLeft[e.commune] ?? 0) &&
    (organisationUsed.get(e.organisation) ?? 0) < (state.organisationLeft[e.organisation] ?? 0);
  const gain = (e: Entry) => {
    let n = 0;
    for (const r of e.serves) if (need[r]! > 0) n++;
    return n;
  };
  const add = (k: number) => {
    const e = pool[k]!;
    chosen.add(k);
    communeUsed.set(e.commune, (communeUsed.get(e.commune) ?? 0) + 1);
    organisationUsed.set(e.organisation, (organisationUsed.get(e.organisation) ?? 0) + 1);
    for (const r of e.serves) need[r] = need[r]! - 1;
  };

  for (const k of [...seed].sort((a, b) => pool[a]!.bounds.lo - pool[b]!.bounds.lo || a - b)) {
    if (k >= from && gain(pool[k]!) > 0 && fits(pool[k]!)) add(k);
  }
  // Lazy greedy: gains only fall as rules get met and places only close, so a gain computed
  // earlier is an upper bound; pop the best, refresh it, and take it if it is still the best.
  const better = (a: Candidate, b: Candidate) =>
    a.gain * pool[b.k]!.bounds.lo > b.gain * pool[a.k]!.bounds.lo ||
    (a.gain * pool[b.k]!.bounds.lo === b.gain * pool[a.k]!.bounds.lo && a.k < b.k);
  const heap = new Heap<Candidate>(better);
  if (need.some((n) => n > 0)) {
    for (let k = from; k < pool.length; k++) {
      const e = pool[k]!;
      if (!chosen.has(k) && hasSlot(state, e)) {
        const g = gain(e);
        if (g > 0) heap.push({ k, gain: g });
      }
    }
  }
  while (need.some((n) => n > 0)) {
    const top = heap.pop();
    if (!top) return null;
    const e = pool[top.k]!;
    if (!fits(e)) continue;
    const g = gain(e);
    if (g === 0) continue;
    if (g < top.gain) {
      heap.push({ k: top.k, gain: g });
      continue;
    }
    add(top.k);
  }
  return pruneCompletion(pool, state, [...chosen]);
}

/** Drops members whose every rule stays met without them, dearest first. */
export function pruneCompletion(pool: readonly Entry[], state: WalkState, members: readonly number[]): number[] {
  const covered = state.need.map(() => 0);
  for (const k of members) for (const r of pool[k]!.serves) covered[r]! += 1;
  const kept = new Set(members);
  for (const k of [...members].sort((a, b) => pool[b]!.bounds.lo - pool[a]!.bounds.lo || b - a)) {
    if (pool[k]!.serves.every((r) => covered[r]! > (state.need[r] ?? 0))) {
      kept.delete(k);
      for (const r of pool[k]!.serves) covered[r]! -= 1;
    }
  }
  return [...kept].sort((a, b) => a - b);
}

/** Whether `members` stay within the places left in every commune and organisation. */
export function withinMaxima(pool: readonly Entry[], state: WalkState, members: readonly number[]): boolean {
  const communes = new Map<number, number>();
  const organisations = new Map<number, number>();
  for (const k of members) {
    const e = pool[k]!;
    const c = (communes.get(e.commune) ?? 0) + 1;
    const o = (organisations.get(e.organisation) ?? 0) + 1;
    if (c > (state.communeLeft[e.commune] ?? 0) || o > (state.organisationLeft[e.organisation] ?? 0)) return false;
    communes.set(e.commune, c);
    organisations.set(e.organisation, o);
  }
  return true;
}
