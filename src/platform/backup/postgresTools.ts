// pg_dump and pg_restore, run as child processes on the installation's PostgreSQL. The password
// travels in the environment (PGPASSWORD), not on the command line where `ps` would show it.
import { spawn } from 'node:child_process';
import pg from 'pg';

function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${tool} is not installed (Debian: apt-get install postgresql-client)`
            : `${tool}: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (${code}): ${stderr.trim()}`)),
    );
  });
}

/** The whole database in pg_dump's custom format (compressed, restorable table by table). */
export function pgDump(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  return run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`],
    env,
  );
}

/** Loads a dump in one transaction: all of it or, on any error, nothing. */
export function pgRestore(url: string, file: string, opts: { clean: boolean }): Promise<void> {
  const { dbname, env } = connection(url);
  const clean = opts.clean ? ['--clean', '--if-exists'] : [];
  return run(
    'pg_restore',
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', ...clean, `--dbname=${dbname}`, file],
    env,
  );
}

/** Whether Octroi's schema is already there (its migrations table exists). */
export async function postgresHasSchema(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ present: boolean }>(
      `select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
    );
    return rows[0]?.present ?? false;
  } finally {
    await client.end();
  }
}
