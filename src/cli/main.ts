// The `octroi` command. Commands that report data print JSON on stdout and nothing else there;
// logs and messages for people go to stderr. Each command imports what it needs when it runs, so
// that a command computing from a file loads neither the database nor the server, and none loads
// the whole application but `start` and `demo`.
import module from 'node:module';
import v8 from 'node:v8';
import { USAGE, UsageError } from './usage.ts';

// Node ≥ 22.1 keeps the compiled code of the modules loaded here between runs (Node 20 has no such cache).
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  start: async (args) => (await import('./serverCommands.ts')).startCommand(args),
  demo: async () => (await import('./serverCommands.ts')).demoCommand(),
  migrate: async () => (await import('./databaseCommands.ts')).migrateCommand(),
  audit: async (args) => (await import('./databaseCommands.ts')).auditCommand(args),
  admin: async (args) => (await import('./adminCommand.ts')).adminCommand(args),
  backup: async (args) => (await import('./backupCommands.ts')).backupCommand(args),
  restore: async (args) => (await import('./backupCommands.ts')).restoreCommand(args),
  assign: async (args) => (await import('./assignCommand.ts')).assignCommand(args),
  calibrate: async (args) => (await import('./calibrateCommand.ts')).calibrateCommand(args),
  allocate: async (args) => (await import('./allocateCommand.ts')).allocateCommand(args),
  help: async () => {
    process.stdout.write(USAGE + '\n');
    return 0;
  },
};

/**
 * A command other than `start` is over in a moment. Node 24's V8 recompiles PGlite's busiest WebAssembly with its
 * optimising compiler in the background, and the process cannot exit before that is done: 1.5 s of the 2.4 s an
 * `audit verify` took. Such a command stays on the baseline compiler; the server, which runs for hours, does not.
 */
function stayOnBaselineWasmCompiler() {
  v8.setFlagsFromString('--wasm-tiering-budget=2000000000');
}

async function main([command, ...rest]: string[]): Promise<number> {
  if (command !== 'start') stayOnBaselineWasmCompiler();
  if (command === '--help' || command === '-h') return COMMANDS.help!(rest);
  const run = command ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  async (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`octroi: ${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    const [{ ConfigError }, { DataFolderInUseError }, { BackupError }] = await Promise.all([
      import('../platform/config.ts'),
      import('../platform/db/client.ts'),
      import('../platform/backup/backup.ts'),
    ]);
    // These errors' messages say it all: no stack.
    if (error instanceof ConfigError || error instanceof DataFolderInUseError || error instanceof BackupError) {
      console.error(`octroi: ${error.message}`);
      process.exit(error instanceof ConfigError ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
