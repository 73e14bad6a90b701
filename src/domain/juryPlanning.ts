// The jury's assignment as a call lives it, on top of the exact solver (domain/assignment), whose
// problem is "k jurors for every application, from scratch". A call is rarely from scratch: some
// applications already have jurors (an earlier round, manual picks, a juror who withdrew and left
// a gap). The plan below says what is already held, and `solverRequest` turns "fill the gaps" into
// the solver's shape: every pair already held becomes a placeholder juror of capacity and minimum
// load 1 who can only review that application (and carries the pair's affinity, so the floor still
// sees it); real jurors keep what is left of their capacity and never get a pair they already have.
// The solver's optimum on that request is the best way to fill the gaps.
import type { ParsedAssignmentInput } from './assignment/input.ts';
import type { AssignmentOutput } from './assignment/output.ts';
import type { ApplicationStatus } from './applicationLifecycle.ts';

/** Applications the jury works on: declared eligible, or already under review (a gap to fill). */
export const ASSIGNABLE_STATUSES: readonly ApplicationStatus[] = ['eligible', 'under-review'];

export interface PlanJuror {
  id: string;
  capacity: number;
  minLoad: number;
  /** Applications of this call the juror already has (evaluated or not). */
  load: number;
}

export interface PlanPair {
  jurorId: string;
  applicationId: string;
}

export interface Plan {
  /** Jurors per application. */
  k: number;
  /** Active jurors: those who may receive new applications. */
  jurors: readonly PlanJuror[];
  /** Assignable applications. */
  applications: readonly string[];
  /** Pairs already made; `counts` when the review counts toward k (no conflict, juror active or review submitted). */
  assigned: readonly (PlanPair & { counts: boolean })[];
  /** Every (juror, application) pair in conflict, organisation conflicts expanded. */
  conflicts: readonly PlanPair[];
  /** Affinity in [0, 1] by `pairKey`; missing pairs are 0. */
  affinity: ReadonlyMap<string, number>;
  /** Least summed affinity per application, or null. */
  floor: number | null;
}

export const pairKey = (jurorId: string, applicationId: string) => `${jurorId}|${applicationId}`;

/** How many more jurors each assignable application needs (0 when it has its k). */
export function needsOf(plan: Plan): Map<string, number> {
  const held = new Map<string, number>();
  for (const p of plan.assigned) if (p.counts) held.set(p.applicationId, (held.get(p.applicationId) ?? 0) + 1);
  return new Map(plan.applications.map((a) => [a, Math.max(0, plan.k - (held.get(a) ?? 0))]));
}

/** What is left of a juror's capacity and minimum load once their current load is counted. */
export function remaining(juror: PlanJuror): { capacity: number; minLoad: number } {
  return { capacity: Math.max(0, juror.capacity - juror.load), minLoad: Math.max(0, juror.minLoad - juror.load) };
}

const PLACEHOLDER = 'held:';

/**
 * The solver's request for filling the gaps, or null when no application needs anyone. Only
 * applications with a gap take part; real jurors come first, in plan order, then placeholders.
 */
export function solverRequest(
  plan: Plan,
): { input: ParsedAssignmentInput; placeholders: ReadonlyMap<string, PlanPair> } | null {
  const needs = needsOf(plan);
  const open = plan.applications.filter((a) => needs.get(a)! > 0);
  if (!open.length) return null;
  const openSet = new Set(open);
  const jurorIds = new Set(plan.jurors.map((j) => j.id));
  const conflicts = new Set<string>();
  const pairs: [string, string][] = [];
  const forbid = (j: string, a: string) => {
    const key = pairKey(j, a);
    if (conflicts.has(key)) return;
    conflicts.add(key);
    pairs.push([j, a]);
  };
  for (const c of plan.conflicts)
    if (jurorIds.has(c.jurorId) && openSet.has(c.applicationId)) forbid(c.jurorId, c.applicationId);
  for (const p of plan.assigned)
    if (jurorIds.has(p.jurorId) && openSet.has(p.applicationId)) forbid(p.jurorId, p.applicationId);
  const affinity: [string, string, number][] = [];
  for (const j of plan.jurors) {
    for (const a of open) {
      const value = plan.affinity.get(pairKey(j.id, a)) ?? 0;
      if (value !== 0 && !conflicts.has(pairKey(j.id, a))) affinity.push([j.id, a, value]);
    }
  }
  const jurors: ParsedAssignmentInput['jurors'] = plan.jurors.map((j) => ({ id: j.id, ...remaining(j) }));
  const placeholders = new Map<string, PlanPair>();
  for (const p of plan.assigned) {
    if (!p.counts || !openSet.has(p.applicationId)) continue;
    const id = `${PLACEHOLDER}${placeholders.size}`;
    placeholders.set(id, { jurorId: p.jurorId, applicationId: p.applicationId });
    jurors.push({ id, capacity: 1, minLoad: 1 });
    affinity.push([id, p.applicationId, plan.affinity.get(pairKey(p.jurorId, p.applicationId)) ?? 0]);
    for (const a of open) if (a !== p.applicationId) pairs.push([id, a]);
  }
  return {
    input: {
      reviewersPerApplication: plan.k,
      jurors,
      applications: open.map((id) => ({ id })),
      affinity,
      conflicts: pairs,
      applicationAffinityFloor: plan.floor,
    },
    placeholders,
  };
}

/** The new pairs of a solver answer (placeholders, i.e. pairs already held, dropped), in the solver's order. */
export function proposedPairs(output: AssignmentOutput, placeholders: ReadonlyMap<string, PlanPair>): PlanPair[] {
  return output.assignments.flatMap((row) =>
    row.jurors.filter((j) => !placeholders.has(j)).map((jurorId) => ({ jurorId, applicationId: row.application })),
  );
}

export type Shortfall =
  | { code: 'no-jurors' }
  | { code: 'capacity'; available: number; needed: number }
  | { code: 'application-short'; applicationId: string; available: number; needed: number }
  | { code: 'min-load-above-capacity'; jurorId: string; minLoad: number; capacity: number }
  | { code: 'min-load-unreachable'; jurorId: string; minLoad: number; free: number }
  | { code: 'min-loads-exceed'; total: number; needed: number }
  | { code: 'floor'; applicationId: string; best: number; floor: number };

/**
 * Why the gaps cannot be filled, found by counting, in terms an officer can act on (invite more
 * jurors, raise a capacity, lower k or the floor). Empty when counting finds no obstacle; the
 * solver may still prove infeasibility through how the obstacles combine.
 */
export function shortfalls(plan: Plan): Shortfall[] {
  const needs = needsOf(plan);
  const open = plan.applications.filter((a) => needs.get(a)! > 0);
  if (!open.length) return [];
  if (!plan.jurors.length) return [{ code: 'no-jurors' }];
  const reasons: Shortfall[] = [];
  const needed = open.reduce((s, a) => s + needs.get(a)!, 0);
  const left = new Map(plan.jurors.map((j) => [j.id, remaining(j)]));
  const available = [...left.values()].reduce((s, r) => s + r.capacity, 0);
  if (available < needed) reasons.push({ code: 'capacity', available, needed });
  const blocked = new Set([...plan.conflicts, ...plan.assigned].map((p) => pairKey(p.jurorId, p.applicationId)));
  const held = new Map<string, number>();
  for (const p of plan.assigned)
    if (p.counts)
      held.set(
        p.applicationId,
        (held.get(p.applicationId) ?? 0) + (plan.affinity.get(pairKey(p.jurorId, p.applicationId)) ?? 0),
      );
  for (const a of open) {
    const candidates = plan.jurors.filter((j) => left.get(j.id)!.capacity > 0 && !blocked.has(pairKey(j.id, a)));
    const need = needs.get(a)!;
    if (candidates.length < need) {
      reasons.push({ code: 'application-short', applicationId: a, available: candidates.length, needed: need });
    } else if (plan.floor !== null) {
      const best = candidates
        .map((j) => plan.affinity.get(pairKey(j.id, a)) ?? 0)
        .sort((x, y) => y - x)
        .slice(0, need)
        .reduce((s, v) => s + v, held.get(a) ?? 0);
      if (best < plan.floor - 1e-9)
        reasons.push({ code: 'floor', applicationId: a, best: Math.round(best * 1000) / 1000, floor: plan.floor });
    }
  }
  let totalMinimum = 0;
  for (const j of plan.jurors) {
    const r = left.get(j.id)!;
    totalMinimum += r.minLoad;
    const free = open.filter((a) => !blocked.has(pairKey(j.id, a))).length;
    if (r.minLoad > r.capacity)
      reasons.push({ code: 'min-load-above-capacity', jurorId: j.id, minLoad: j.minLoad, capacity: j.capacity });
    else if (r.minLoad > free) reasons.push({ code: 'min-load-unreachable', jurorId: j.id, minLoad: r.minLoad, free });
  }
  if (totalMinimum > needed) reasons.push({ code: 'min-loads-exceed', total: totalMinimum, needed });
  return reasons;
}

export type ProposalProblem =
  'unknown-juror' | 'unknown-application' | 'conflict' | 'taken' | 'duplicate' | 'capacity' | 'too-many' | 'not-exact';

/**
 * What is wrong with adding these pairs to the plan; empty when nothing is. With `exact`, every
 * application the pairs touch must end with exactly k counted jurors (what a confirmed automatic
 * assignment promises); without, at most k (a manual pick).
 */
export function proposalProblems(plan: Plan, pairs: readonly PlanPair[], opts: { exact: boolean }): ProposalProblem[] {
  const problems = new Set<ProposalProblem>();
  const jurors = new Map(plan.jurors.map((j) => [j.id, j]));
  const applications = new Set(plan.applications);
  const conflicts = new Set(plan.conflicts.map((p) => pairKey(p.jurorId, p.applicationId)));
  const taken = new Set(plan.assigned.map((p) => pairKey(p.jurorId, p.applicationId)));
  const seen = new Set<string>();
  const added = new Map<string, number>();
  const perApplication = new Map<string, number>();
  for (const p of pairs) {
    const key = pairKey(p.jurorId, p.applicationId);
    if (!jurors.has(p.jurorId)) problems.add('unknown-juror');
    if (!applications.has(p.applicationId)) problems.add('unknown-application');
    if (conflicts.has(key)) problems.add('conflict');
    if (taken.has(key)) problems.add('taken');
    if (seen.has(key)) problems.add('duplicate');
    seen.add(key);
    added.set(p.jurorId, (added.get(p.jurorId) ?? 0) + 1);
    perApplication.set(p.applicationId, (perApplication.get(p.applicationId) ?? 0) + 1);
  }
  for (const [id, n] of added) {
    const juror = jurors.get(id);
    if (juror && juror.load + n > juror.capacity) problems.add('capacity');
  }
  const needs = needsOf(plan);
  for (const [a, n] of perApplication) {
    const need = needs.get(a);
    if (need === undefined) continue;
    if (n > need) problems.add('too-many');
    else if (opts.exact && n < need) problems.add('not-exact');
  }
  return [...problems];
}
