// Lower bounds from linear-programming duality, the classic "reduced cost" argument: one linear
// relaxation of the completion model bounds, at once, the least completion cost after funding any
// one of the applications still to come — so a single LP replaces many MILP solves when the walk
// passes over application after application to keep money for a minimum.
//
// For duals y_r ≥ 0 (need rows Σ x ≥ need) and z ≤ 0 (limit rows Σ x ≤ places), every 0/1
// completion x that meets the rows costs
//   Σ lo_j x_j = Σ rc_j x_j + Σ_rows dual × (row activity) ≥ Σ rc_j x_j + Σ y_r need_r + Σ z places
// with rc_j = lo_j − (duals of j's rows). Forcing application k in (x_k = 1) and letting each other
// x_j ≤ 1 take its worst case gives the bound below. It holds for ANY duals of the right signs —
// optimal or not, from this state or an earlier one — so it is computed here, in JavaScript, from
// whatever the solver returned; floating-point error is covered by a margin and rounding up to a
// whole cent (costs are integers).
import type { CoverSolver } from './cover.ts';
import { coverModel } from './coverModel.ts';
import type { SolverStats } from './exactCompletion.ts';
import type { Entry } from './prepare.ts';
import { hasSlot, restrictedTo, type WalkState } from './state.ts';

export type DualCertificate = {
  /** The (unrestricted) state whose relaxation gave it; it stays valid later, if weaker. */
  state: WalkState;
  /** Pool positions the relaxed optimum used: once one is passed over, a new LP may do better. */
  support: number[];
  need: Map<number, number>;
  commune: Map<number, number>;
  organisation: Map<number, number>;
};

export async function dualCertificate(
  pool: readonly Entry[],
  state: WalkState,
  from: number,
  solver: CoverSolver,
  stats: SolverStats,
): Promise<DualCertificate | null> {
  const model = coverModel(pool, state, from, state.budget);
  if (!model || model.problem.needs.length === 0) return null;
  stats.relaxations = (stats.relaxations ?? 0) + 1;
  const relaxed = await solver.relax(model.problem);
  if (!relaxed.feasible) return null;
  const clamp = (x: number | undefined, sign: 1 | -1) =>
    x !== undefined && Number.isFinite(x) && x * sign > 0 ? x : 0;
  const cert: DualCertificate = {
    state,
    support: model.kept.filter((_, j) => (relaxed.values[j] ?? 0) > 1e-9),
    need: new Map(model.needRules.map((r, i) => [r, clamp(relaxed.needDuals[i], 1)])),
    commune: new Map(),
    organisation: new Map(),
  };
  model.limitKeys.forEach((key, i) => cert[key.kind].set(key.id, clamp(relaxed.limitDuals[i], -1)));
  return cert;
}

/**
 * Certificates kept per set of rules (all the unmet ones, or a prefix for culprit.ts), reused
 * until the walk moves past what they relied on: another state, or an application of the relaxed
 * optimum passed over. Even then an old certificate still gives a valid (weaker) bound.
 */
export class DualBounds {
  private readonly certificates = new Map<string, DualCertificate | null>();

  constructor(
    private readonly pool: readonly Entry[],
    private readonly solver: CoverSolver,
    private readonly stats: SolverStats,
  ) {}

  /**
   * A lower bound on the least cost of completing only `rules` after funding pool entry k
   * (`after`); `refresh`: relax again first if the kept certificate is stale.
   */
  async bound(
    state: WalkState,
    after: WalkState,
    rules: readonly number[],
    k: number,
    refresh: boolean,
  ): Promise<number> {
    const key = rules.join(',');
    let cert = this.certificates.get(key);
    const stale = !cert || cert.state !== state || cert.support.some((j) => j < k);
    if (cert === undefined || (refresh && stale)) {
      cert = await dualCertificate(this.pool, restrictedTo(state, new Set(rules)), k, this.solver, this.stats);
      if (cert) cert.state = state;
      this.certificates.set(key, cert);
    }
    if (!cert) return 0;
    const keep = new Set(rules);
    return boundAfter(this.pool, restrictedTo(state, keep), restrictedTo(after, keep), cert, k);
  }
}

/**
 * A whole-cent lower bound on the least cost of completing `after` (= `state` with pool entry k
 * funded) with the applications after k.
 */
export function boundAfter(
  pool: readonly Entry[],
  state: WalkState,
  after: WalkState,
  cert: DualCertificate,
  k: number,
): number {
  let value = 0;
  let scale = 0;
  const add = (x: number) => {
    value += x;
    scale += Math.abs(x);
  };
  for (const [r, y] of cert.need) if (y > 0) add(y * (state.need[r] ?? 0));
  for (const [c, z] of cert.commune) if (z < 0) add(z * (state.communeLeft[c] ?? 0));
  for (const [o, w] of cert.organisation) if (w < 0) add(w * (state.organisationLeft[o] ?? 0));
  const reduced = (e: Entry) => {
    let rc = e.bounds.lo - (cert.commune.get(e.commune) ?? 0) - (cert.organisation.get(e.organisation) ?? 0);
    for (const r of e.serves) rc -= cert.need.get(r) ?? 0;
    return rc;
  };
  const e = pool[k]!;
  add(reduced(e) - e.bounds.lo); // x_k = 1, and its own floor is not part of the completion
  for (let j = k + 1; j < pool.length; j++) {
    if (!hasSlot(after, pool[j]!)) continue; // cannot be chosen: x_j = 0
    const rc = reduced(pool[j]!);
    if (rc < 0) add(rc);
  }
  if (!Number.isFinite(value)) return 0;
  return Math.ceil(value - (1e-9 * scale + 1e-6));
}
