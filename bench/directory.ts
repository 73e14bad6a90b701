// Directory benchmark through HTTP: `node --import tsx bench/directory.ts`
// (add DATABASE_URL=postgres://… to run on PostgreSQL too, in a database created and dropped here).
//
// 5,000 published places (the demo's places copied into every commune with shuffled services,
// languages, publics and hours, as bench/directory-search.ts makes them), inserted in bulk. Then,
// through app.server.inject as a resident (no account): the search page with the filters people use,
// the guided path's results, a place's page, the printable sheet and the open data. Each request:
// one cold run (the first search builds the in-memory index from the database), 2 warm-up runs,
// then 20 timed runs (median, p95), and the page weight (HTML plus the stylesheets it links). Last,
// the time of the first search after a place changes (the index is built again). Prints a table
// per database and writes bench/results/directory.json. Not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { buildApp, type App } from '../src/app.ts';
import type { Place } from '../src/domain/directory/place.ts';
import { mulberry32, randomInt } from '../src/domain/random.ts';
import { expectOk } from '../src/domain/refusal.ts';
import { COMMUNES } from '../src/domain/referenceData.ts';
import { DEMO_PLACES } from '../src/features/demo/demoPlaces.ts';
import { placeColumns } from '../src/features/directory/records.ts';
import { directoryPlaces } from '../src/features/directory/schema.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/client.ts';
import { createPostgresDatabase } from '../test/helpers/databases.ts';
import { percentile, round1 } from './lib/measure.ts';

const SIZE = 5000;
const WARM_UP = 2;
const RUNS = 20;
const BATCH = 500;

const random = mulberry32(5000);
const pick = <T>(list: readonly T[]): T => list[randomInt(random, list.length)] as T;
const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.5);

function generated(size: number): Place[] {
  return Array.from({ length: size }, (_, i) => {
    const template = pick(DEMO_PLACES).place;
    const other = pick(DEMO_PLACES).place;
    const commune = pick(COMMUNES);
    return {
      ...template,
      id: `bench-${i}`,
      name: `${template.name} ${i}`,
      address: { ...template.address, postalCode: commune.postal[0] ?? '1000', communeNis: commune.nis },
      services: [...new Set([...template.services, ...some(other.services)])],
      languages: [...new Set([...template.languages, ...some(other.languages)])],
      publics: random() < 0.6 ? [] : other.publics,
      openingHours: other.openingHours,
    };
  });
}

const REQUESTS: [string, string][] = [
  ['search page, no filter', '/help'],
  ['postal code', '/help?q=1030'],
  ['postal code + need', '/help?q=1080&service=admin-procedures'],
  ['commune + need + language', '/help?q=Anderlecht&service=job-search&language=ar'],
  ['open now', '/help?open=1'],
  ['postal code + open now + free', '/help?q=1050&open=1&free=1'],
  ['weekends', '/help?weekend=1'],
  ['public + step-free', '/help?public=seniors&stepfree=1'],
  ['guided path results', '/help?commune=21016&service=admin-procedures&language=fr&support=illiteracy'],
  ['page 10 of a search', '/help?page=10'],
  ['guided path question', '/help/guide?need=job&language=fr'],
  ['place page', '/help/places/bench-42'],
  ['printable sheet', '/help/print?q=1030'],
  ['open data JSON', '/open-data/directory.json'],
  ['open data CSV', '/open-data/directory.csv'],
];

interface Row {
  name: string;
  url: string;
  coldMs: number;
  medianMs: number;
  p95Ms: number;
  bytes: number;
  pageWeight: number;
  results: number | null;
}

async function timed(app: App, url: string): Promise<{ ms: number; body: string }> {
  const start = performance.now();
  const res = await app.server.inject({ url, headers: { 'accept-language': 'fr' } });
  const ms = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  return { ms, body: res.body };
}

async function run(name: string, database: DatabaseHandle): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-bench-'));
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, cookieSecret: 'x'.repeat(32) });
  const app = await buildApp(config, { database });
  try {
    const { id } = await app.services.accounts.provisionUser({
      email: 'bench@example.org',
      displayName: 'Bench',
      password: 'correct horse battery',
      locale: 'fr',
      platformAdmin: true,
    });
    const actor = { userId: id, isPlatformAdmin: true, grants: [] };
    const funderId = expectOk(await app.services.admin.createFunder({ actor, slug: 'bench', name: { fr: 'Bench' } }));
    const places = generated(SIZE);
    const seedStart = performance.now();
    for (let i = 0; i < places.length; i += BATCH) {
      const rows = places
        .slice(i, i + BATCH)
        .map((p) => ({ ...placeColumns(p), funderId, state: 'published' as const }));
      await database.db.insert(directoryPlaces).values(rows);
    }
    const seedMs = performance.now() - seedStart;
    const css = new Map<string, number>();
    const weightOf = async (html: string) => {
      let bytes = Buffer.byteLength(html);
      for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
        if (!css.has(href!)) css.set(href!, (await app.server.inject({ url: href! })).rawPayload.length);
        bytes += css.get(href!)!;
      }
      return bytes;
    };
    const rows: Row[] = [];
    for (const [label, url] of REQUESTS) {
      const cold = await timed(app, url);
      for (let i = 0; i < WARM_UP; i++) await timed(app, url);
      const times: number[] = [];
      let body = cold.body;
      for (let i = 0; i < RUNS; i++) {
        const r = await timed(app, url);
        times.push(r.ms);
        body = r.body;
      }
      const html = !url.startsWith('/open-data');
      const found = /(\d[\d\u202f\u00a0 .]*) lieux? trouvés?/.exec(body)?.[1];
      rows.push({
        name: label,
        url,
        coldMs: round1(cold.ms),
        medianMs: round1(percentile(times, 0.5)),
        p95Ms: round1(percentile(times, 0.95)),
        bytes: Buffer.byteLength(body),
        pageWeight: html ? await weightOf(body) : Buffer.byteLength(body),
        results: found ? Number(found.replace(/\D/g, '')) : null,
      });
    }
    // A place changes: the next search builds the index again from the database.
    await database.db
      .update(directoryPlaces)
      .set({ name: 'Changé', updatedAt: sql`now()` })
      .where(eq(directoryPlaces.id, 'bench-7'));
    const rebuild = await timed(app, '/help?q=1030');
    const after = await timed(app, '/help?q=1030');

    console.log(
      `\n${name}: ${SIZE} places (inserted in ${round1(seedMs)} ms), load ${loadavg().map(round1).join(' ')}`,
    );
    console.log('request                          cold ms  median ms  p95 ms  page bytes  results');
    for (const r of rows)
      console.log(
        `${r.name.padEnd(32)} ${String(r.coldMs).padStart(7)} ${String(r.medianMs).padStart(10)} ${String(r.p95Ms).padStart(7)} ${String(r.pageWeight).padStart(11)}  ${r.results ?? ''}`,
      );
    console.log(`first search after a change (index rebuilt): ${round1(rebuild.ms)} ms; next: ${round1(after.ms)} ms`);
    return {
      database: name,
      places: SIZE,
      seedMs: round1(seedMs),
      requests: rows,
      rebuildMs: round1(rebuild.ms),
      afterRebuildMs: round1(after.ms),
    };
  } finally {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Record<string, unknown>[] = [];
const pglite = await openDatabase({ dataDir: null });
results.push(await run('PGlite (in memory)', pglite));
if (process.env.DATABASE_URL) {
  const pgDb = await createPostgresDatabase(process.env.DATABASE_URL);
  try {
    results.push(await run('PostgreSQL', await openDatabase({ url: pgDb.url, dataDir: null })));
  } finally {
    await pgDb.drop();
  }
}
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/directory.json',
  JSON.stringify({ at: new Date().toISOString(), node: process.version, loadavg: loadavg(), results }, null, 2),
);
