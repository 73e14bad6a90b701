// The fallback when the exact solver fails or runs out of time, and the yardstick the benchmark
// compares the optimum with. It honours k, capacities and conflicts whenever that is possible at
// all (a max-flow completes what the greedy pass leaves short), tries to reach minimum loads by
// swaps, and does not try to meet the affinity floor: the caller checks the result (`violations`).
import { maxCoverage } from './coverageFlow.ts';
import { topJurors } from './candidates.ts';
import type { Assignment, AssignmentProblem } from './problem.ts';

export interface GreedyOptions {
  /** Pairs considered in the greedy pass per application; the flow completion may go beyond. */
  readonly candidatesPerApplication?: number;
}

export function greedyAssignment(problem: AssignmentProblem, options: GreedyOptions = {}): Assignment {
  const { k } = problem;
  const A = problem.applicationIds.length;
  const J = problem.jurorIds.length;
  const width = options.candidatesPerApplication ?? Math.max(4 * k, 20);
  const candidates = Array.from({ length: A }, (_, a) => topJurors(problem, a, width));
  const assignment = highestAffinityFirst(problem, candidates);
  const filled = assignment.reduce((sum, jurors) => sum + jurors.length, 0);
  if (filled < A * k) {
    // Augmenting paths reroute a few reviews so that short applications get served.
    let coverage = maxCoverage(problem, candidates, assignment);
    if (coverage.filled < A * k && width < J) coverage = maxCoverage(problem, undefined, coverage.assignment);
    coverage.assignment.forEach((jurors, a) => (assignment[a] = jurors));
  }
  reachMinimumLoads(problem, assignment);
  return assignment.map((jurors) => [...jurors].sort((x, y) => x - y));
}

/** Takes pairs by decreasing affinity while the application needs jurors and the juror has room. */
function highestAffinityFirst(problem: AssignmentProblem, candidates: readonly number[][]): number[][] {
  const J = problem.jurorIds.length;
  const pairs: number[] = [];
  candidates.forEach((jurors, a) => jurors.forEach((j) => pairs.push(a * J + j)));
  // Ties broken by pair index, so the result never depends on the sort's stability.
  pairs.sort((p, q) => problem.affinity[q]! - problem.affinity[p]! || p - q);
  const assignment: number[][] = candidates.map(() => []);
  const load = new Int32Array(J);
  for (const p of pairs) {
    const a = Math.floor(p / J);
    const j = p - a * J;
    if (assignment[a]!.length < problem.k && load[j]! < problem.capacity[j]!) {
      assignment[a]!.push(j);
      load[j]!++;
    }
  }
  return assignment;
}

/**
 * Moves reviews to jurors below their minimum load, each time the move that loses the least
 * affinity, taken from a juror who stays at or above its own minimum.
 */
function reachMinimumLoads(problem: AssignmentProblem, assignment: number[][]): void {
  const J = problem.jurorIds.length;
  const load = new Int32Array(J);
  for (const jurors of assignment) for (const j of jurors) load[j]!++;
  for (let j = 0; j < J; j++) {
    while (load[j]! < problem.minLoad[j]! && load[j]! < problem.capacity[j]!) {
      let best: { a: number; from: number; change: number } | null = null;
      for (let a = 0; a < assignment.length; a++) {
        const jurors = assignment[a]!;
        if (problem.conflict[a * J + j] || jurors.includes(j)) continue;
        for (const from of jurors) {
          if (load[from]! <= problem.minLoad[from]!) continue;
          const change = problem.affinity[a * J + j]! - problem.affinity[a * J + from]!;
          if (!best || change > best.change) best = { a, from, change };
        }
      }
      if (!best) break;
      const { a, from } = best;
      const jurors = assignment[a]!;
      jurors[jurors.indexOf(from)] = j;
      load[from]!--;
      load[j]!++;
    }
  }
}
