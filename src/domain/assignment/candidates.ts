// Which pairs are worth looking at first. At conference scale (5,000 × 2,800 = 14 M pairs) a model
// with every pair is too big to solve quickly, while the optimum uses almost only each
// application's best few jurors. The solver starts from these candidates and adds any other pair
// the duals say could improve the optimum, so the answer is still optimal over all pairs.
import type { AssignmentProblem } from './problem.ts';

/** The `n` best jurors without conflict and with capacity for application `a`, best first (ties: input order). */
export function topJurors(problem: AssignmentProblem, a: number, n: number): number[] {
  const J = problem.jurorIds.length;
  const base = a * J;
  const best: number[] = [];
  if (n <= 0) return best;
  for (let j = 0; j < J; j++) {
    if (problem.conflict[base + j] || problem.capacity[j]! <= 0) continue;
    const value = problem.affinity[base + j]!;
    if (best.length === n && value <= problem.affinity[base + best[n - 1]!]!) continue;
    // Insertion into a short sorted list: cheaper than sorting all jurors when n ≪ J.
    let at = best.length;
    while (at > 0 && problem.affinity[base + best[at - 1]!]! < value) at--;
    best.splice(at, 0, j);
    if (best.length > n) best.pop();
  }
  return best;
}

/** The `n` best applications for juror `j` (no conflict), best first (ties: input order). */
export function topApplications(problem: AssignmentProblem, j: number, n: number): number[] {
  const J = problem.jurorIds.length;
  const A = problem.applicationIds.length;
  const best: number[] = [];
  if (n <= 0) return best;
  for (let a = 0; a < A; a++) {
    if (problem.conflict[a * J + j]) continue;
    const value = problem.affinity[a * J + j]!;
    if (best.length === n && value <= problem.affinity[best[n - 1]! * J + j]!) continue;
    let at = best.length;
    while (at > 0 && problem.affinity[best[at - 1]! * J + j]! < value) at--;
    best.splice(at, 0, a);
    if (best.length > n) best.pop();
  }
  return best;
}

/**
 * Initial column set, as sorted pair indices: each application's `perApplication` best jurors,
 * plus, for each juror with a minimum load, enough of its best applications to reach it (otherwise
 * the first restricted model would often be infeasible for no real reason).
 */
export function initialPairs(problem: AssignmentProblem, perApplication: number): Int32Array {
  const J = problem.jurorIds.length;
  const chosen = new Set<number>();
  problem.applicationIds.forEach((_, a) => {
    for (const j of topJurors(problem, a, perApplication)) chosen.add(a * J + j);
  });
  problem.minLoad.forEach((minimum, j) => {
    if (minimum > 0) for (const a of topApplications(problem, j, minimum + problem.k)) chosen.add(a * J + j);
  });
  return Int32Array.from(chosen).sort();
}

/** Default candidates per application: a few times k covers the optimum on typical instances. */
export function defaultCandidates(problem: AssignmentProblem): number {
  return Math.max(3 * problem.k, 8);
}
