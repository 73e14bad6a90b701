// The answer as the CLI and the API print it: identifiers, input order, rounded numbers.
import { jurorLoads, round, roundUp } from './evaluate.ts';
import type { AssignmentProblem } from './problem.ts';
import type { AssignmentSolution, AssignmentStatus } from './solve.ts';

export interface AssignmentOutput {
  readonly status: AssignmentStatus;
  /** Applications in input order, each with its jurors in input order. */
  readonly assignments: { readonly application: string; readonly jurors: readonly string[] }[];
  readonly objective: number | null;
  readonly bound: number | null;
  /** Reviews per juror, every juror in input order (0 included). */
  readonly loads: Readonly<Record<string, number>>;
  readonly reason: string | null;
}

export function toOutput(problem: AssignmentProblem, solution: AssignmentSolution): AssignmentOutput {
  const { assignment } = solution;
  const loads = assignment ? jurorLoads(problem, assignment) : null;
  const objective = solution.objective === null ? null : round(solution.objective);
  return {
    status: solution.status,
    assignments: (assignment ?? []).map((jurors, a) => ({
      application: problem.applicationIds[a]!,
      jurors: jurors.map((j) => problem.jurorIds[j]!),
    })),
    objective,
    // Equal numbers stay equal after rounding; otherwise round up, so the bound stays a bound.
    bound: solution.bound === null ? null : solution.bound === solution.objective ? objective : roundUp(solution.bound),
    loads: loads ? Object.fromEntries(problem.jurorIds.map((id, j) => [id, loads[j]!])) : {},
    reason: solution.reasons.length ? solution.reasons.join('; ') : null,
  };
}
