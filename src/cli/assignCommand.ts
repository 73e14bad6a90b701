// `octroi assign --input FILE`: the best juror assignment for a request (see
// domain/assignment/input.ts for its shape), printed as JSON. Exit 0 with any status (optimal,
// feasible, infeasible, unknown: the JSON says which and why), 2 for invalid input.
import { assignmentInputSchema, checkReferences } from '../domain/assignment/input.ts';
import { solveAssignment } from '../platform/solver/solveAssignment.ts';
import { invalidInput, parseJson, runJsonCommand, type CommandOutput, type CommandResult } from './jsonInput.ts';

export async function runAssign(inputText: string): Promise<CommandResult> {
  const parsed = parseJson(assignmentInputSchema, inputText);
  if (!parsed.ok) return invalidInput('assign', parsed.message);
  const errors = checkReferences(parsed.data);
  if (errors.length) return invalidInput('assign', errors.join('; '));
  const { output } = await solveAssignment(parsed.data);
  return { stdout: JSON.stringify(output) + '\n', stderr: '', code: 0 };
}

/** The command as main.ts calls it: `args` are what follows `assign`. */
export function assignCommand(args: string[], output?: CommandOutput): Promise<number> {
  return runJsonCommand('assign', args, runAssign, output);
}
