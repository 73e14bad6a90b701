// `octroi backup --output FILE` and `octroi restore --input FILE [--force]`.
import { parseArgs } from 'node:util';
import { backup, restore } from '../platform/backup/backup.ts';
import { commandConfig } from './commandContext.ts';
import { UsageError } from './usage.ts';

export async function backupCommand(args: string[]): Promise<number> {
  const { output } = parseArgs({ args, options: { output: { type: 'string' } } }).values;
  if (!output) throw new UsageError('--output FILE.tar.gz is required');
  const config = commandConfig();
  const manifest = await backup(config, output);
  process.stdout.write(JSON.stringify({ output, ...manifest }) + '\n');
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { input, force } = parseArgs({
    args,
    options: { input: { type: 'string' }, force: { type: 'boolean', default: false } },
  }).values;
  if (!input) throw new UsageError('--input FILE.tar.gz is required');
  const config = commandConfig();
  const manifest = await restore(config, input, { force: force ?? false });
  process.stdout.write(JSON.stringify({ input, ...manifest }) + '\n');
  console.error(`Restored the ${manifest.database} database and ${manifest.files} files of ${manifest.createdAt}.`);
  return 0;
}
