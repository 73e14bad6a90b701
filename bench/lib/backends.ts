// The databases a benchmark runs on, each in a child process of its own so that one's memory does not count in
// the other's figures: PGlite in memory, and PostgreSQL (DATABASE_URL) in a database created for the run and
// dropped after it.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/client.ts';

export type Backend = 'pglite' | 'postgres';

/** PGlite only, or PGlite then PostgreSQL when DATABASE_URL is set. */
export function benchBackends(): Backend[] {
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL not set: PGlite only.');
  return ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
}

/** The database of one run: closing it drops PostgreSQL's. */
export async function openBackend(backend: Backend): Promise<DatabaseHandle> {
  if (backend === 'pglite') return openDatabase({ dataDir: null });
  const url = process.env.DATABASE_URL!;
  const name = `octroi_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const handle = await openDatabase({ url: own.toString(), dataDir: null });
  let dropped = false;
  return {
    ...handle,
    async close() {
      if (dropped) return;
      dropped = true;
      await handle.close().catch(() => undefined);
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** The application on `database`, as every benchmark builds it: silent logs, its files under `dataDir`. */
export function benchApp(database: DatabaseHandle, dataDir: string): Promise<App> {
  const config = loadConfig(
    { LOG_LEVEL: 'silent' },
    { dataDir, cookieSecret: 'x'.repeat(32), publicUrl: 'http://bench' },
  );
  return buildApp(config, { database });
}

/** Runs `script --child backend` in a child process (with --expose-gc) and resolves with what it sends back. */
export function runChild<T>(script: string, backend: Backend): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(script, ['--child', backend], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: 'inherit',
    });
    let result: T | null = null;
    child.on('message', (m) => (result = m as T));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`${backend} run failed (exit ${code})`)),
    );
  });
}

/** In the child: the backend it was started for, or null in the parent. */
export function childBackend(): Backend | null {
  const at = process.argv.indexOf('--child');
  return at === -1 ? null : (process.argv[at + 1] as Backend);
}
