// Column sets (sorted pair indices a·J + j) and what solver answers over them mean.
import type { LpSolution, LpSolver } from './linearProgram.ts';
import type { Assignment, AssignmentProblem } from './problem.ts';

/** The assignment a 0/1 solution over `pairs` encodes, or null if some value is fractional. */
export function toAssignment(problem: AssignmentProblem, pairs: Int32Array, x: Float64Array): Assignment | null {
  const J = problem.jurorIds.length;
  const assignment: number[][] = problem.applicationIds.map(() => []);
  for (let c = 0; c < pairs.length; c++) {
    const value = x[c]!;
    if (Math.abs(value - Math.round(value)) > 1e-6) return null;
    if (value > 0.5) {
      const a = Math.floor(pairs[c]! / J);
      assignment[a]!.push(pairs[c]! - a * J);
    }
  }
  // Pairs are sorted, so each application's jurors already come in input order.
  return assignment;
}

/** A solver call whose exceptions become a 'failed' answer, so that the fallback can take over. */
export function solveSafely(solver: LpSolver, ...args: Parameters<LpSolver>): LpSolution {
  try {
    return solver(...args);
  } catch (error) {
    return {
      status: 'failed',
      colValue: null,
      rowDual: null,
      mipBound: null,
      detail: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Pairs without conflict: the columns of the full model. */
export function countFreePairs(problem: AssignmentProblem): number {
  let count = 0;
  for (const c of problem.conflict) if (!c) count++;
  return count;
}

export function freePairs(problem: AssignmentProblem): Int32Array {
  const pairs = new Int32Array(countFreePairs(problem));
  let at = 0;
  problem.conflict.forEach((c, p) => {
    if (!c) pairs[at++] = p;
  });
  return pairs;
}

/** Sorted union of two sorted pair lists. */
export function mergePairs(a: Int32Array, b: Int32Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  merged.set(a);
  merged.set(b, a.length);
  merged.sort();
  // Drop duplicates (a widened shortlist overlaps the previous one).
  let at = 0;
  for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[at++] = merged[i]!;
  return merged.slice(0, at);
}
