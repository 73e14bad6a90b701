// Start-up benchmark: `node --import tsx bench/startup.ts` (the figures are those of the Node that
// runs it: run it with Node 24 to measure Node 24). Builds dist/ if needed, then measures, each as
// the minimum and median wall time of several runs, beside `node -e 0` in the same run:
//   - each `octroi` command from dist/ (a pure command, --help, and the database ones on PGlite);
//   - the same from the sources through tsx, for comparison (development and tests run so);
//   - the time from launching `octroi start` on an existing data folder to its first page served, and from
//     launching `octroi start --demo` on an empty one (a first start: the database made, the demo loaded),
//     after `npm install` (which builds dist/) and, once, without dist/ (the launcher builds it first).
// Writes bench/results/startup.json. Not a test.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
// @ts-expect-error the build script is plain JavaScript without declarations
import { build, buildIsCurrent } from '../scripts/build.mjs';
import { createPostgresDatabase } from '../test/helpers/databases.ts';
import { percentile, round1 } from './lib/measure.ts';

const RUNS = Number(process.env.RUNS ?? 7);
const node = process.execPath;
const work = mkdtempSync(join(tmpdir(), 'octroi-startup-'));
const dataDir = join(work, 'data');
const serverUrl = process.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
delete env.DATABASE_URL;

const allocation = join(work, 'allocate.json');
writeFileSync(
  allocation,
  JSON.stringify({
    mode: 'ranking',
    budget: 100_000,
    grant: {},
    applications: ['a', 'b', 'c'].map((id, i) => ({
      id,
      requested: 40_000,
      score: 90 - i,
      passedThresholds: true,
      commune: '21004',
      organisation: id,
    })),
  }),
);

function timed(args: string[], extraEnv: NodeJS.ProcessEnv = {}): number {
  const began = performance.now();
  const run = spawnSync(node, args, { env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const ms = performance.now() - began;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

function figures(samples: number[]) {
  return { minMs: round1(Math.min(...samples)), medianMs: round1(percentile(samples, 0.5)) };
}

function measure(args: string[], runs = RUNS, extraEnv: NodeJS.ProcessEnv = {}) {
  timed(args, extraEnv); // warm the file cache (and Node 24's compile cache)
  return figures(Array.from({ length: runs }, () => timed(args, extraEnv)));
}

/** `audit verify` on PostgreSQL (when DATABASE_URL is set): the command without PGlite's own start. */
async function onPostgres() {
  if (!serverUrl) return {};
  const database = await createPostgresDatabase(serverUrl);
  try {
    timed(built('migrate'), { DATABASE_URL: database.url });
    return { 'audit verify (PostgreSQL)': measure(built('audit', 'verify'), RUNS, { DATABASE_URL: database.url }) };
  } finally {
    await database.drop();
  }
}

/**
 * From launch to the first 200 on `/`, with the server started as `npm start` would: on the data folder made by
 * `migrate` (without the demo), or, with `demo`, on an empty folder, as a first start is (the database created,
 * the demo loaded).
 */
async function firstPage(demo = false): Promise<number> {
  const folder = demo ? mkdtempSync(join(work, 'first-')) : dataDir;
  // As `npm start` runs it: the launcher checks that dist/ is current (building it if not), then starts.
  const args = ['scripts/octroi.mjs', 'start', ...(demo ? ['--demo'] : [])];
  const began = performance.now();
  const child = spawn(node, args, { env: { ...env, DATA_DIR: folder, PORT: '0' }, stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  try {
    for (;;) {
      const url = /running at (http:\/\/[\d.:]+)/.exec(out)?.[1];
      if (url && (await fetch(url)).status === 200) return performance.now() - began;
      if (child.exitCode !== null) throw new Error(`start exited: ${out}`);
      if (performance.now() - began > 120_000) throw new Error('no page after 120 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** `npm start` where `npm install` did not build (dist/ removed, then made again by the launcher). */
async function firstStartBuildingFirst(): Promise<number> {
  rmSync('dist', { recursive: true, force: true });
  return firstPage(true);
}

const OPEN_PGLITE = `import v8 from 'node:v8';
v8.setFlagsFromString('--wasm-tiering-budget=2000000000'); // as the commands run (src/cli/main.ts)
const { PGlite } = await import('@electric-sql/pglite');
// with the commands' start parameters (src/platform/db/client.ts)
const db = new PGlite(${JSON.stringify(join(dataDir, 'db'))}, { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] });
await db.query('select 1');
await db.close();`;

const built = (...args: string[]) => ['dist/src/cli/main.js', ...args];
if (!buildIsCurrent()) await build();
mkdirSync(dataDir, { recursive: true });
timed(['dist/src/cli/main.js', 'migrate']); // the data folder exists and is migrated, as after a first start

const sources = (...args: string[]) => ['--import', 'tsx', 'src/cli/main.ts', ...args];
const results = {
  node: process.version,
  runs: RUNS,
  load: (await import('node:os')).loadavg().map(round1),
  baseline: {
    'node -e 0': measure(['-e', '0']),
    // What no database command can go below: PGlite opening the data folder and answering one query.
    'PGlite opens the data folder': measure(['--input-type=module', '-e', OPEN_PGLITE], 3),
  },
  built: {
    '--help': measure(built('--help')),
    'allocate --input f.json': measure(built('allocate', '--input', allocation)),
    'audit verify (PGlite)': measure(built('audit', 'verify'), 3),
    'migrate (PGlite, up to date)': measure(built('migrate'), 3),
    ...(await onPostgres()),
  },
  fromSources: {
    '--help': measure(sources('--help'), 3),
    'allocate --input f.json': measure(sources('allocate', '--input', allocation), 3),
  },
  firstPageAfterStart: figures([await firstPage(), await firstPage(), await firstPage()]),
  firstStartWithDemo: figures([await firstPage(true), await firstPage(true)]),
  firstStartBuildingFirst: figures([await firstStartBuildingFirst()]),
};
rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/startup.json', JSON.stringify(results, null, 2) + '\n');
