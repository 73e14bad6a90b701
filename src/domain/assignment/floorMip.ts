// The affinity floor makes the LP optimum fractional now and then; the assignment must then come
// from the MIP. A MIP over all pairs (98,000 binaries at 1,000 × 100) can take minutes, so:
// 1. Solve the MIP over a small set: the pairs the LP optimum uses, and each application's k + 3
//    pairs of highest reduced cost. Its answer (value z) is a valid assignment of the whole problem.
// 2. Reduced-cost fixing with the LP duals (duality.ts): only pairs that could be part of an
//    assignment worth more than z stay. If none is new, step 1 was already over every pair that
//    matters; otherwise solve the MIP again over the pairs that stay.
// 3. If step 1 found nothing, solve the MIP over every pair (when it fits).
// The bound reported holds for the whole problem in every case.
import { countFreePairs, freePairs, mergePairs, solveSafely, toAssignment } from './columns.ts';
import { bestReducedCostPairs, pairsThatCouldImprove } from './duality.ts';
import { assignmentValue, violations } from './evaluate.ts';
import type { LpSolver } from './linearProgram.ts';
import { buildProgram } from './model.ts';
import type { Assignment, AssignmentProblem } from './problem.ts';

export interface FloorMipResult {
  readonly assignment: Assignment | null;
  /** Upper bound over the whole problem. */
  readonly bound: number;
  /** Proven infeasible (only when the MIP had every pair). */
  readonly infeasible: boolean;
  /** Why the result is not proven optimal, if it is not. */
  readonly note: string | null;
  readonly columns: number;
}

export interface FloorMipContext {
  readonly solver: LpSolver;
  readonly lpPairs: Int32Array;
  /** The LP optimum over lpPairs, and its duals. */
  readonly lpValues: Float64Array;
  readonly rowDual: Float64Array;
  /** Bound from the LP duals, valid over all pairs. */
  readonly lpBound: number;
  /** Seconds left. */
  readonly remaining: () => number;
  readonly mipRelativeGap: number;
  /** Above this many columns the MIP over every pair is not attempted. */
  readonly maxColumns: number;
}

export function solveFloorMip(problem: AssignmentProblem, context: FloorMipContext): FloorMipResult {
  const { solver, lpPairs, lpBound, mipRelativeGap } = context;
  const mip = (pairs: Int32Array, share: number, start?: Assignment) => {
    const program = {
      ...buildProgram(problem, pairs, true),
      ...(start ? { start: startingPoint(problem, pairs, start) } : {}),
    };
    const answer = solveSafely(solver, program, { timeLimitSeconds: context.remaining() * share, mipRelativeGap });
    const assignment = answer.colValue ? toAssignment(problem, pairs, answer.colValue) : null;
    const valid = assignment && violations(problem, assignment).length === 0 ? assignment : null;
    return { answer, assignment: valid, value: valid ? assignmentValue(problem, valid) : -Infinity };
  };

  const firstPairs = mergePairs(
    support(lpPairs, context.lpValues),
    bestReducedCostPairs(problem, context.rowDual, problem.k + 3),
  );
  const first = mip(firstPairs, 0.3);
  if (first.assignment) {
    const kept = mergePairs(firstPairs, pairsThatCouldImprove(problem, context.rowDual, lpBound, first.value));
    if (kept.length === firstPairs.length) {
      const bound = Math.min(lpBound, Math.max(first.value, first.answer.mipBound ?? lpBound));
      return {
        assignment: first.assignment,
        bound,
        infeasible: false,
        note: stopped(first.answer),
        columns: kept.length,
      };
    }
    const second = mip(kept, 1, first.assignment);
    const best = second.value > first.value ? second : first;
    // Pairs left out can only give assignments worth less than the first one.
    const bound = Math.min(lpBound, Math.max(first.value, second.answer.mipBound ?? lpBound));
    return {
      assignment: best.assignment,
      bound,
      infeasible: false,
      note: stopped(second.answer),
      columns: kept.length,
    };
  }

  if (countFreePairs(problem) > context.maxColumns) {
    return {
      assignment: null,
      bound: lpBound,
      infeasible: false,
      note: `the MIP over the shortlist found no assignment (${first.answer.detail})`,
      columns: firstPairs.length,
    };
  }
  const all = freePairs(problem);
  const whole = mip(all, 1);
  return {
    assignment: whole.assignment,
    bound: whole.answer.mipBound !== null ? Math.min(lpBound, whole.answer.mipBound) : lpBound,
    infeasible: whole.answer.status === 'infeasible',
    note: whole.assignment ? stopped(whole.answer) : `the MIP solver found no assignment (${whole.answer.detail})`,
    columns: all.length,
  };
}

/** An assignment as 0/1 values over `pairs` (which contain all its pairs). */
function startingPoint(problem: AssignmentProblem, pairs: Int32Array, assignment: Assignment): Float64Array {
  const J = problem.jurorIds.length;
  const used = new Set(assignment.flatMap((jurors, a) => jurors.map((j) => a * J + j)));
  return Float64Array.from(pairs, (p) => (used.has(p) ? 1 : 0));
}

/** The pairs the (fractional) LP optimum uses at all. */
function support(pairs: Int32Array, values: Float64Array): Int32Array {
  return pairs.filter((_, c) => values[c]! > 1e-9);
}

function stopped(answer: { status: string; detail: string }): string | null {
  return answer.status === 'optimal' ? null : `the MIP solver stopped: ${answer.detail}`;
}
