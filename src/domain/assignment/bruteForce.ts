// The reference the solver is tested against: every valid assignment of a tiny instance is
// enumerated (each application's k-subsets of jurors, depth first, pruned on capacity), and the
// best total affinity kept. Exponential: for tests only (4 × 4 with k = 2 is 6⁴ = 1,296 leaves).
import type { Assignment, AssignmentProblem } from './problem.ts';

export interface BruteForceResult {
  readonly best: number;
  readonly assignment: Assignment;
}

/** The optimum, or null when no assignment meets every rule. */
export function bruteForce(problem: AssignmentProblem): BruteForceResult | null {
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const subsets = problem.applicationIds.map((_, a) =>
    kSubsets(J, problem.k).filter((s) => s.every((j) => !problem.conflict[a * J + j])),
  );
  const load = new Int32Array(J);
  const chosen: number[][] = [];
  let best: BruteForceResult | null = null;
  const visit = (a: number, value: number): void => {
    if (a === A) {
      if (problem.minLoad.some((m, j) => load[j]! < m)) return;
      if (!best || value > best.best) best = { best: value, assignment: chosen.map((s) => [...s]) };
      return;
    }
    for (const subset of subsets[a]!) {
      if (subset.some((j) => load[j]! >= problem.capacity[j]!)) continue;
      const sum = subset.reduce((s, j) => s + problem.affinity[a * J + j]!, 0);
      if (problem.floor !== null && sum < problem.floor - 1e-9) continue;
      for (const j of subset) load[j]!++;
      chosen.push(subset);
      visit(a + 1, value + sum);
      chosen.pop();
      for (const j of subset) load[j]!--;
    }
  };
  visit(0, 0);
  return best;
}

function kSubsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const result: number[][] = [];
  const walk = (start: number, current: number[]) => {
    if (current.length === k) return void result.push([...current]);
    for (let i = start; i < n; i++) {
      current.push(i);
      walk(i + 1, current);
      current.pop();
    }
  };
  walk(0, []);
  return result;
}
