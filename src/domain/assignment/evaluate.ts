// Checks an assignment against every rule, whoever produced it. The solver's answer is never
// trusted blindly: rounding or a solver defect must not reach a jury as a conflicted review.
import type { Assignment, AssignmentProblem } from './problem.ts';

/** Total affinity of the assigned pairs. */
export function assignmentValue(problem: AssignmentProblem, assignment: Assignment): number {
  const J = problem.jurorIds.length;
  let total = 0;
  assignment.forEach((jurors, a) => {
    for (const j of jurors) total += problem.affinity[a * J + j]!;
  });
  return total;
}

/** Number of applications assigned to each juror. */
export function jurorLoads(problem: AssignmentProblem, assignment: Assignment): Int32Array {
  const loads = new Int32Array(problem.jurorIds.length);
  for (const jurors of assignment) for (const j of jurors) loads[j]!++;
  return loads;
}

/** Every broken rule in plain words; empty when the assignment is valid. */
export function violations(problem: AssignmentProblem, assignment: Assignment): string[] {
  const { applicationIds: apps, jurorIds: jurors, k, floor } = problem;
  const J = jurors.length;
  const found: string[] = [];
  if (assignment.length !== apps.length) return [`${assignment.length} applications assigned, ${apps.length} expected`];
  assignment.forEach((assigned, a) => {
    if (assigned.length !== k) found.push(`application ${apps[a]} has ${assigned.length} jurors instead of ${k}`);
    if (new Set(assigned).size !== assigned.length) found.push(`application ${apps[a]} has the same juror twice`);
    let sum = 0;
    for (const j of assigned) {
      if (problem.conflict[a * J + j]) found.push(`juror ${jurors[j]} has a conflict with application ${apps[a]}`);
      sum += problem.affinity[a * J + j]!;
    }
    // The floor is compared with a tolerance: the solver's own feasibility tolerance is 1e-7.
    if (floor !== null && sum < floor - 1e-6)
      found.push(`application ${apps[a]} has affinity ${round(sum)} below the floor ${floor}`);
  });
  jurorLoads(problem, assignment).forEach((load, j) => {
    if (load > problem.capacity[j]!)
      found.push(`juror ${jurors[j]} has ${load} reviews, above the capacity ${problem.capacity[j]}`);
    if (load < problem.minLoad[j]!)
      found.push(`juror ${jurors[j]} has ${load} reviews, below the minimum ${problem.minLoad[j]}`);
  });
  return found;
}

/** Rounds to 6 decimals: enough for any affinity scale, and hides floating-point noise. */
export function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

/** Rounds up to 6 decimals, so that a rounded upper bound is still an upper bound. */
export function roundUp(value: number): number {
  return Math.ceil(value * 1e6 - 1e-9) / 1e6 + 0;
}
