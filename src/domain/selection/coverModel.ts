// The completion question (bounds.ts) as a 0/1 model (cover.ts), cut down without changing its
// optimum:
// - only applications serving an unmet rule are variables: any other member of a completion could
//   be dropped, and every cost is positive, so an optimal completion has none;
// - applications alike for the model — same unmet rules served, same commune and organisation
//   where that maximum can bind, else "any" — form a group, of which only the cheapest
//   g = min(largest need among the rules served, binding maxima) are kept. An optimal completion
//   holds at most g of a group (one more would be redundant, hence removable), and any member
//   outside the cheapest g can be swapped for a cheaper unused one of the same group without
//   breaking a row; so some optimal completion uses only kept members.
// - a maximum becomes a row only where the candidates outnumber the places left.
import type { CoverProblem } from './cover.ts';
import type { Entry } from './prepare.ts';
import { hasSlot, unmetServed, type WalkState } from './state.ts';

/**
 * The model, with `kept[j]` the pool position of variable j and, per row, what it stands for:
 * `needRules[i]` the rule of need row i, `limitKeys[i]` the commune or organisation of limit row i.
 */
export type CoverModel = {
  problem: CoverProblem;
  kept: number[];
  needRules: number[];
  limitKeys: { kind: 'commune' | 'organisation'; id: number }[];
};

/**
 * Completions from pool position `from` on, among applications whose floor is at most `limit`.
 * Null when too few applications are left for some rule (no solver needed to see it).
 */
export function coverModel(pool: readonly Entry[], state: WalkState, from: number, limit: number): CoverModel | null {
  const unmet = state.need.flatMap((n, r) => (n > 0 ? [r] : []));
  const items: number[] = [];
  for (let k = from; k < pool.length; k++) {
    const e = pool[k]!;
    if (e.bounds.lo <= limit && hasSlot(state, e) && unmetServed(state, e) > 0) items.push(k);
  }
  const communeCount = countBy(items, (k) => pool[k]!.commune);
  const organisationCount = countBy(items, (k) => pool[k]!.organisation);
  const communeBinds = (c: number) => (communeCount.get(c) ?? 0) > (state.communeLeft[c] ?? 0);
  const organisationBinds = (o: number) => (organisationCount.get(o) ?? 0) > (state.organisationLeft[o] ?? 0);

  const groups = new Map<string, number[]>();
  for (const k of items) {
    const e = pool[k]!;
    const served = e.serves.filter((r) => (state.need[r] ?? 0) > 0);
    const key = `${served.join(',')}|${communeBinds(e.commune) ? e.commune : '*'}|${organisationBinds(e.organisation) ? e.organisation : '*'}`;
    const group = groups.get(key);
    if (group) group.push(k);
    else groups.set(key, [k]);
  }
  const kept: number[] = [];
  for (const group of groups.values()) {
    const e = pool[group[0]!]!;
    let size = Math.max(...e.serves.map((r) => state.need[r] ?? 0));
    if (communeBinds(e.commune)) size = Math.min(size, state.communeLeft[e.commune] ?? 0);
    if (organisationBinds(e.organisation)) size = Math.min(size, state.organisationLeft[e.organisation] ?? 0);
    group.sort((a, b) => pool[a]!.bounds.lo - pool[b]!.bounds.lo || a - b);
    kept.push(...group.slice(0, size));
  }
  kept.sort((a, b) => a - b);

  const model: CoverModel = {
    problem: { costs: kept.map((k) => pool[k]!.bounds.lo), needs: [], limits: [] },
    kept,
    needRules: [],
    limitKeys: [],
  };
  for (const r of unmet) {
    const members = kept.flatMap((k, j) => (pool[k]!.serves.includes(r) ? [j] : []));
    if (members.length < state.need[r]!) return null;
    model.problem.needs.push({ members, bound: state.need[r]! });
    model.needRules.push(r);
  }
  addLimitRows(model, 'commune', (k) => pool[k]!.commune, state.communeLeft);
  addLimitRows(model, 'organisation', (k) => pool[k]!.organisation, state.organisationLeft);
  return model;
}

function countBy(items: readonly number[], key: (k: number) => number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const k of items) counts.set(key(k), (counts.get(key(k)) ?? 0) + 1);
  return counts;
}

function addLimitRows(
  model: CoverModel,
  kind: 'commune' | 'organisation',
  key: (k: number) => number,
  left: readonly number[],
): void {
  const members = new Map<number, number[]>();
  model.kept.forEach((k, j) => {
    const list = members.get(key(k));
    if (list) list.push(j);
    else members.set(key(k), [j]);
  });
  for (const [id, list] of members) {
    const max = left[id] ?? 0;
    if (list.length > max) {
      model.problem.limits.push({ members: list, bound: max });
      model.limitKeys.push({ kind, id });
    }
  }
}
