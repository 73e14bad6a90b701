// What the optimiser commands (assign, calibrate) share: `--input FILE`, a JSON document checked
// against a schema, the JSON answer on stdout, messages for people on stderr, exit code 2 for bad
// input. Each command is a pure `run…(inputText)` wrapped by `runJsonCommand`, so that tests call
// the pure part without a file or a process.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { z } from 'zod';

export interface CommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

export const invalidInput = (command: string, message: string): CommandResult => ({
  stdout: '',
  stderr: `octroi ${command}: invalid input: ${message}\n`,
  code: 2,
});

/** Parses JSON text with the schema; on failure, every problem with its place in the document. */
export function parseJson<S extends z.ZodType>(
  schema: S,
  text: string,
): { ok: true; data: z.output<S> } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  const problems = parsed.error.issues.slice(0, 20).map((issue) => `${place(issue.path)}: ${issue.message}`);
  return { ok: false, message: problems.join('; ') };
}

function place(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(document)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

/** Where a command writes; the process's streams unless a test passes its own. */
export interface CommandOutput {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** Reads `--input FILE`, runs the pure command, writes its output; returns the exit code. */
export async function runJsonCommand(
  command: string,
  args: string[],
  run: (text: string) => CommandResult | Promise<CommandResult>,
  output: CommandOutput = process,
): Promise<number> {
  const result = await readInput(command, args).then((text) => (typeof text === 'string' ? run(text) : text));
  if (result.stdout) output.stdout.write(result.stdout);
  if (result.stderr) output.stderr.write(result.stderr);
  return result.code;
}

async function readInput(command: string, args: string[]): Promise<string | CommandResult> {
  const usage = `usage: octroi ${command} --input FILE`;
  let file: string | undefined;
  try {
    file = parseArgs({ args, options: { input: { type: 'string' } }, strict: true }).values.input;
  } catch (error) {
    return {
      stdout: '',
      stderr: `octroi ${command}: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`,
      code: 2,
    };
  }
  if (!file) return { stdout: '', stderr: `octroi ${command}: --input FILE is required\n${usage}\n`, code: 2 };
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    return {
      stdout: '',
      stderr: `octroi ${command}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})\n`,
      code: 2,
    };
  }
}
