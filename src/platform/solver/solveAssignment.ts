// Juror assignment with HiGHS, in the calling thread. The CLI, the tests and the benchmark call it
// directly; the server goes through solveAssignmentInWorker so that a long solve never blocks it.
import { checkReferences, type ParsedAssignmentInput } from '../../domain/assignment/input.ts';
import { toOutput, type AssignmentOutput } from '../../domain/assignment/output.ts';
import { buildProblem, type AssignmentProblem } from '../../domain/assignment/problem.ts';
import { solveAssignmentWith, type SolveOptions, type SolveStats } from '../../domain/assignment/solve.ts';
import { loadHighsSolver } from './assignmentHighs.ts';

export interface AssignmentRun {
  readonly output: AssignmentOutput;
  readonly stats: SolveStats;
}

/** Options that can cross a thread boundary (no clock function). */
export type AssignmentOptions = Omit<SolveOptions, 'now'>;

/**
 * Solves a validated request (or an already indexed problem, as the benchmark builds).
 * @throws TypeError when the request has duplicate or unknown identifiers: validate first.
 */
export async function solveAssignment(
  input: ParsedAssignmentInput | AssignmentProblem,
  options: AssignmentOptions = {},
): Promise<AssignmentRun> {
  const problem = toProblem(input);
  const solver = await loadHighsSolver();
  const solution = solveAssignmentWith(solver, problem, options);
  return { output: toOutput(problem, solution), stats: solution.stats };
}

export function toProblem(input: ParsedAssignmentInput | AssignmentProblem): AssignmentProblem {
  if ('jurorIds' in input) return input;
  const errors = checkReferences(input);
  if (errors.length) throw new TypeError(`invalid assignment request: ${errors.join('; ')}`);
  return buildProblem(input);
}
