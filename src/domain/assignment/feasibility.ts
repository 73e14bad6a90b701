// Why an assignment is impossible, in words a programme officer can act on. The quick counts run
// before any solve; the flow-based explanation (which applications compete for too few jurors)
// runs when the solver reports infeasibility that the counts did not foresee.
import { maxCoverage } from './coverageFlow.ts';
import { topJurors } from './candidates.ts';
import type { AssignmentProblem } from './problem.ts';

/** Reasons found by counting, in a fixed order; empty when none of these obstacles exists. */
export function quickInfeasibilityReasons(problem: AssignmentProblem): string[] {
  const { applicationIds: apps, jurorIds: jurors, k, capacity, minLoad, floor } = problem;
  const A = apps.length;
  const J = jurors.length;
  const reasons: string[] = [];
  const needed = k * A;
  const totalCapacity = capacity.reduce((s, c) => s + c, 0);
  if (A > 0 && totalCapacity < needed)
    reasons.push(`total capacity ${totalCapacity} < ${k} × ${A} = ${needed} reviews needed`);
  const totalMinimum = minLoad.reduce((s, m) => s + m, 0);
  if (totalMinimum > needed)
    reasons.push(`minimum loads sum to ${totalMinimum}, more than the ${needed} reviews needed`);
  // One pass over the pairs, application by application (the memory order of the arrays).
  const freeForJuror = new Int32Array(J);
  const availableFor = new Int32Array(A);
  for (let a = 0; a < A; a++) {
    for (let j = 0; j < J; j++) {
      if (problem.conflict[a * J + j]) continue;
      freeForJuror[j]!++;
      if (capacity[j]! > 0) availableFor[a]!++;
    }
  }
  for (let j = 0; j < J; j++) {
    if (minLoad[j]! > capacity[j]!)
      reasons.push(`juror ${jurors[j]} has a minimum load of ${minLoad[j]} above its capacity of ${capacity[j]}`);
    else if (minLoad[j]! > freeForJuror[j]!)
      reasons.push(
        `juror ${jurors[j]} must review at least ${minLoad[j]} applications but only ${freeForJuror[j]} are free of conflict`,
      );
  }
  for (let a = 0; a < A; a++) {
    const available = availableFor[a]!;
    if (available < k) {
      reasons.push(
        `application ${apps[a]} has only ${available} juror${available === 1 ? '' : 's'} without conflict (needs ${k})`,
      );
    } else if (floor !== null) {
      const best = topJurors(problem, a, k).reduce((s, j) => s + problem.affinity[a * J + j]!, 0);
      if (best < floor - 1e-9)
        reasons.push(
          `application ${apps[a]} reaches at most ${formatNumber(best)} affinity with its ${k} best jurors without conflict (floor ${floor})`,
        );
    }
  }
  return reasons;
}

/**
 * The explanation after the solver found no assignment: a set of applications whose jurors without
 * conflict cannot give them enough reviews (the minimum cut of the coverage flow), or, if k and
 * capacities alone can be met, the constraints that must then be to blame.
 */
export function deepInfeasibilityReasons(problem: AssignmentProblem): string[] {
  const coverage = maxCoverage(problem);
  const needed = problem.k * problem.applicationIds.length;
  if (coverage.filled < needed) {
    const short = coverage.shortApplications;
    const names = listIds(short.map((a) => problem.applicationIds[a]!));
    const jurors = listIds(coverage.reachableJurors.map((j) => problem.jurorIds[j]!));
    const most = coverage.filled - (needed - problem.k * short.length);
    return [
      `applications ${names} need ${problem.k * short.length} reviews together, but conflicts and capacities leave them at most ${Math.max(0, most)}` +
        (jurors ? ` (the jurors they can share: ${jurors})` : ''),
    ];
  }
  const causes = [
    problem.minLoad.some((m) => m > 0) ? 'the minimum loads' : null,
    problem.floor !== null ? `the affinity floor ${problem.floor}` : null,
  ].filter((c): c is string => c !== null);
  return [
    causes.length
      ? `every application can get ${problem.k} juror${problem.k === 1 ? '' : 's'} within capacities and conflicts, but not while also meeting ${causes.join(' and ')}`
      : 'no assignment meets all the constraints',
  ];
}

function listIds(ids: readonly string[], shown = 10): string {
  if (ids.length <= shown) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
}

function formatNumber(value: number): string {
  return String(Math.round(value * 1e6) / 1e6);
}
