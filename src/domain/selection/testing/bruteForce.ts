// The specification executed literally, for tiny instances: enumerate every subset of the
// applications the engine may choose, keep those that meet the rules, and take the one whose
// amounts, read in rank order, are lexicographically largest. Independent of the walks, the
// bounds and the solver, so that agreeing with it means something.
import { amountBounds, partialFloorOf } from '../amounts.ts';
import type { SelectionInput } from '../types.ts';

export type BruteForceResult = { amounts: Map<string, number>; unsatisfiable: string[] };

type Item = { id: string; full: number; lo: number; publics: readonly string[]; commune: string; organisation: string };

export function bruteForceSelect(input: SelectionInput): BruteForceResult {
  const fixed = new Map((input.fixed ?? []).map((f) => [f.id, f.amount]));
  const floor = partialFloorOf(input.grant);
  const order = input.applications.map((a, i) => ({ a, i })).sort((x, y) => y.a.score - x.a.score || x.i - y.i);
  const items: Item[] = [];
  for (const { a } of order) {
    const b = amountBounds(a.requested, input.grant, floor);
    if (a.passedThresholds && b.fundable && !fixed.has(a.id))
      items.push({
        id: a.id,
        full: b.full,
        lo: b.lo,
        publics: a.targetPublics,
        commune: a.commune,
        organisation: a.organisation,
      });
  }
  if (items.length > 12) throw new RangeError('brute force is for tiny instances');
  const funded = input.applications.filter((a) => (fixed.get(a.id) ?? 0) > 0);
  const budget = Math.max(0, input.budget - funded.reduce((s, a) => s + fixed.get(a.id)!, 0));
  const constrained = input.mode === 'constrained';
  const rules = constrained ? (input.constraints ?? {}) : {};

  const meets = (set: Item[], minimums: [string, number][]) => {
    if (set.reduce((s, it) => s + it.lo, 0) > budget) return false;
    for (const [key, max] of [
      ['commune', rules.maxPerCommune],
      ['organisation', rules.maxPerOrganisation],
    ] as const) {
      if (max === undefined || max === null) continue;
      for (const it of set) {
        const mine = (x: { commune: string; organisation: string }) => x[key] === it[key];
        if (set.filter(mine).length > Math.max(0, max - funded.filter(mine).length)) return false;
      }
    }
    return minimums.every(
      ([p, n]) =>
        set.filter((it) => it.publics.includes(p)).length + funded.filter((a) => a.targetPublics.includes(p)).length >=
        n,
    );
  };
  const subsets: Item[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) subsets.push(items.filter((_, j) => mask & (1 << j)));

  const kept: [string, number][] = [];
  const unsatisfiable: string[] = [];
  for (const rule of Object.entries(rules.minPerTargetPublic ?? {})) {
    if (subsets.some((s) => meets(s, [...kept, rule]))) kept.push(rule);
    else unsatisfiable.push(`minPerTargetPublic:${rule[0]}`);
  }

  let best: number[] | undefined;
  for (const set of subsets) {
    if (!meets(set, kept)) continue;
    // Within a set, each in rank order takes the most it can while the later ones keep their floor.
    let left = budget;
    const vector = items.map((it) => {
      if (!set.includes(it)) return 0;
      const later = set.filter((o) => items.indexOf(o) > items.indexOf(it)).reduce((s, o) => s + o.lo, 0);
      const amount = Math.min(it.full, left - later);
      left -= amount;
      return amount;
    });
    if (!best || greater(vector, best)) best = vector;
  }
  const amounts = new Map<string, number>();
  items.forEach((it, j) => {
    if ((best?.[j] ?? 0) > 0) amounts.set(it.id, best![j]!);
  });
  return { amounts, unsatisfiable };
}

function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}
