// Public pages under load: `node --import tsx bench/public-pages.ts [--seconds 5] [--rounds 3] [--connections 32]`.
// Octroi is started as in production (`octroi start --demo` from dist/, NODE_ENV=production, on
// loopback, a fresh data folder; on PostgreSQL when DATABASE_URL is set, in a database of its own),
// and beside it a bare Fastify route serving a 12 KB page. autocannon asks each page with 32
// connections as fast as it is answered; figures: req/s, p50/p99, and the ratio to bare Fastify (in
// requests, and in bytes: the open-data files are larger than its page), bare Fastify and each page
// asked in turn, three rounds: on a machine shared with other work, a ceiling measured once at the
// start says more about the load of that minute than about the page.
// Goal (issue 13): at least 60 % of bare Fastify's req/s, p99 under 50 ms. Writes bench/results/public-pages[-postgres].json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
// @ts-expect-error the build script is plain JavaScript without declarations
import { build, buildIsCurrent } from '../scripts/build.mjs';
import { createPostgresDatabase } from '../test/helpers/databases.ts';
import { hammer, startBareServer, startServer, type LoadFigures } from './lib/load.ts';
import { round1 } from './lib/measure.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const serverUrl = process.env.DATABASE_URL;

if (!buildIsCurrent()) await build();
const work = mkdtempSync(join(tmpdir(), 'octroi-public-pages-'));
const database = serverUrl ? await createPostgresDatabase(serverUrl) : null;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: join(work, 'data'),
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
};
delete env.DATABASE_URL;
if (database) env.DATABASE_URL = database.url;

const results: Record<string, unknown> = { node: process.version, backend: database ? 'postgres' : 'pglite' };
try {
  const octroi = await startServer(['dist/src/cli/main.js', 'start', '--demo'], env);
  results.startWithDemoMs = octroi.readyMs;
  const bare = await startBareServer();
  const pages = await publicPages(octroi.url);
  const bareFigures: LoadFigures[] = [];
  const figures: Record<
    string,
    LoadFigures & { bareReqPerSec: number; ofBare: number; ofBareBytes: number; roundRatios: number[] }
  > = {};
  for (const [name, path] of Object.entries(pages)) {
    await fetch(octroi.url + path); // rendered once; what follows is what every later visitor gets
    // Bare Fastify and the page in turn, `rounds` times: the round with the median ratio is kept, so a
    // minute when the machine was busy elsewhere moves neither figure alone.
    const runs: { ceiling: LoadFigures; f: LoadFigures; ratio: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      const ceiling = await hammer(bare.url, { connections, seconds });
      const f = await hammer(octroi.url + path, { connections, seconds });
      runs.push({ ceiling, f, ratio: f.reqPerSec / ceiling.reqPerSec });
    }
    const { ceiling, f } = runs.sort((a, b) => a.ratio - b.ratio)[runs.length >> 1]!;
    bareFigures.push(ceiling);
    figures[`${name} ${path}`] = {
      ...f,
      bareReqPerSec: ceiling.reqPerSec,
      ofBare: round1((100 * f.reqPerSec) / ceiling.reqPerSec) / 100,
      // The open-data files are larger than the bare page: what they cost per byte, beside what they cost per request.
      ofBareBytes:
        round1((100 * f.reqPerSec * f.bytesPerResponse) / (ceiling.reqPerSec * ceiling.bytesPerResponse)) / 100,
      roundRatios: runs.map((r) => round1(100 * r.ratio) / 100),
    };
  }
  await Promise.all([octroi.stop(), bare.stop()]);
  Object.assign(results, {
    connections,
    seconds,
    rounds,
    bareFastify12KB: bareFigures.sort((a, b) => a.reqPerSec - b.reqPerSec)[bareFigures.length >> 1],
    pages: figures,
    goal: 'ofBare >= 0.6 and p99Ms < 50',
  });
} finally {
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/public-pages${serverUrl ? '-postgres' : ''}.json`,
  JSON.stringify(results, null, 2) + '\n',
);

/** The demo's public pages: the home page, a call, a published results page, the open data. */
async function publicPages(base: string): Promise<Record<string, string>> {
  const home = await (await fetch(base + '/', { headers: { 'accept-language': 'fr' } })).text();
  const openData = await (await fetch(base + '/open-data')).text();
  const results = /href="(\/calls\/[\w-]+\/results)"/.exec(openData)?.[1];
  const call = /href="(\/calls\/[\w-]+)"/.exec(home)?.[1];
  const css = /href="(\/static\/app\.\w+\.css)"/.exec(home)?.[1];
  if (!results || !call || !css) throw new Error('the demo’s pages were not found');
  return {
    home: '/',
    call,
    results,
    'open data (JSON)': '/open-data/360giving.json',
    'open data (CSV)': '/open-data/360giving.csv',
    'style sheet': css,
  };
}
