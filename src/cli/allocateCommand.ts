// `octroi allocate --input FILE`: select within budget from a JSON file, print the selection as
// JSON on stdout. Bad input gets a message on stderr and exit code 2; stdout then stays empty, so
// a script piping it never reads half an answer.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseSelectionInput } from '../domain/selection/inputSchema.ts';
import { selectWithHighs } from '../platform/solver/selectionSolver.ts';

export type CommandOutput = { stdout: string; stderr: string; code: number };

const USAGE = 'usage: octroi allocate --input FILE';

/** The command without its file and process: what tests call. */
export async function runAllocate(inputText: string): Promise<CommandOutput> {
  let json: unknown;
  try {
    json = JSON.parse(inputText);
  } catch (error) {
    return refuse([`the input is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = parseSelectionInput(json);
  if (!parsed.ok) return refuse(parsed.errors);
  const result = await selectWithHighs(parsed.value);
  return { stdout: JSON.stringify(result) + '\n', stderr: '', code: 0 };
}

function refuse(problems: string[]): CommandOutput {
  return {
    stdout: '',
    stderr: `octroi allocate: invalid input\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
    code: 2,
  };
}

/** `args` are those after `allocate`, e.g. ['--input', 'call.json']. */
export async function allocateCommand(args: string[]): Promise<number> {
  let file: string | undefined;
  try {
    file = parseArgs({ args, options: { input: { type: 'string' } } }).values.input;
  } catch (error) {
    process.stderr.write(`octroi allocate: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!file) {
    process.stderr.write(`octroi allocate: --input is required\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(
      `octroi allocate: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})\n`,
    );
    return 2;
  }
  const output = await runAllocate(text);
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  return output.code;
}
