// Officer's inbox and exports benchmark: `node --import tsx bench/inbox.ts`
// (add DATABASE_URL=postgres://… to run on PostgreSQL too, in a database created and dropped here).
//
// One call with 2,000 submitted applications (French or Dutch summaries of ~1,500 characters, 1–3
// communes, 1–2 publics, participants, a budget table) from 200 organisations, seeded in bulk
// (multi-row inserts of 250 rows). Then, through app.server.inject with the officer's session:
// the inbox unfiltered, with a full-text query, with a commune filter, the CSV and the XLSX export.
// Each: 2 warm-up runs, then 10 timed runs (median, p95 by linear interpolation), response size,
// memory and event-loop blocking. Memory: process.memoryUsage() after a full GC (--expose-gc)
// before the runs; peak RSS sampled every 10 ms by a worker thread (RSS is process-wide); peak
// heap sampled at each response's onSend (everything the handler built still in memory), after
// each response and every 10 ms when the loop turns; heap retained after a full GC at the end.
// A last, untimed pass records each request's SQL (count, time, rows) and EXPLAIN ANALYZEs it;
// direct calls then time the phases (service queries, export steps, the export query narrowed).
//
// Each database runs in a child process of its own, so that one's memory does not count in the
// other's figures. Prints tables side by side and writes bench/results/inbox.json. Not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { App } from '../src/app.ts';
import { mulberry32 } from '../src/domain/random.ts';
import { exportTable, toCsv, toXlsx } from '../src/features/applications/exports.ts';
import { applications } from '../src/features/applications/schema.ts';
import { translator } from '../src/platform/i18n/i18n.ts';
import { openSession, SESSION_COOKIE } from '../src/platform/identity/sessions.ts';
import { benchApp, openBackend, runChild, type Backend } from './lib/backends.ts';
import { rowsOf, seedInbox, type Seeded } from './lib/inboxSeed.ts';
import {
  eventLoopMonitor,
  explain,
  fullGc,
  MemorySampler,
  percentile,
  recordQueries,
  round1,
  snapshot,
  type MemorySnapshot,
} from './lib/measure.ts';

const APPLICATIONS = 2000;
const ORGANISATIONS = 200;
const BATCH = 250;
const WARM_UP = 2;
const RUNS = 10;
const SEED = 2026;
const QUERY = 'tablettes';
const COMMUNE = '21015'; // Schaerbeek
/** The columns exportTable reads. */
const EXPORTED_COLUMNS = {
  id: applications.id,
  reference: applications.reference,
  title: applications.title,
  status: applications.status,
  organisationId: applications.organisationId,
  submittedAt: applications.submittedAt,
  requestedCents: applications.requestedCents,
  answers: applications.answers,
};

interface ScenarioResult {
  key: string;
  label: string;
  url: string;
  status: number;
  contentType: string;
  rows: number | null;
  bytes: number;
  latency: {
    runs: number;
    medianMs: number;
    p95Ms: number;
    minMs: number;
    maxMs: number;
    meanMs: number;
    allMs: number[];
  };
  memory: {
    before: MemorySnapshot;
    peakRssMb: number;
    rssSamples: number;
    peakHeapUsedMb: number;
    heapSamples: number;
    after: MemorySnapshot;
    afterGc: MemorySnapshot;
  };
  eventLoop: { maxMs: number; p99Ms: number; samples: number };
  diagnostics: {
    queries: number;
    dbMs: number;
    rowsFetched: number;
    jsonChars: number;
    statements: { sql: string; ms: number; rows: number; jsonChars: number; plan: string[] | null }[];
  };
}

interface BackendResult {
  backend: Backend;
  serverVersion: string;
  seeding: Omit<Seeded, 'officer'>;
  scenarios: ScenarioResult[];
  /** Direct service and export-function timings (median of 3 after one warm-up): where the time goes. */
  phases: Record<string, number>;
  processAtEnd: MemorySnapshot;
}

// ---------------------------------------------------------------------------------------------
// Child: one database.

const log = (backend: Backend, message: string) => process.stderr.write(`[${backend}] ${message}\n`);

function countRows(key: string, body: string): number | null {
  if (key.startsWith('inbox')) return (body.match(/<a href="\/applications\/[0-9a-f-]{36}">/g) ?? []).length;
  if (key === 'csv') return body.split('\r\n').filter((line) => line !== '').length - 1; // records end in CRLF; answers only hold LF
  return null;
}

async function runBackend(backend: Backend): Promise<BackendResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-bench-'));
  const database = await openBackend(backend);
  let app: App | null = null;
  const cleanup = async () => {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));
  try {
    app = await benchApp(database, dataDir);
    const db = app.database.db;
    const serverVersion = String(rowsOf(await db.execute(sql`select version() as v`))[0]?.v ?? '');

    log(backend, `seeding ${APPLICATIONS} applications from ${ORGANISATIONS} organisations…`);
    const seeded = await seedInbox(app, mulberry32(SEED), {
      applications: APPLICATIONS,
      organisations: ORGANISATIONS,
      batchSize: BATCH,
      now: new Date(),
    });
    log(
      backend,
      `seeded in ${Math.round(seeded.timings.totalMs)} ms (inserts ${Math.round(seeded.timings.insertMs)} ms)`,
    );
    const { officer, ...seeding } = seeded;

    // The heap is sampled when each response is handed over, while all it was built from is still in memory.
    let sampler: MemorySampler | null = null;
    app.server.addHook('onSend', async (_request, _reply, payload) => {
      sampler?.sample();
      return payload;
    });
    const token = await openSession(db, seeded.officerId);
    const inject = (url: string) => app!.server.inject({ method: 'GET', url, cookies: { [SESSION_COOKIE]: token } });
    const base = `/manage/calls/${seeded.callId}/applications`;
    const scenarios = [
      { key: 'inbox', label: 'inbox, unfiltered', url: base },
      { key: 'inbox-q', label: `inbox, q=${QUERY}`, url: `${base}?q=${encodeURIComponent(QUERY)}` },
      { key: 'inbox-commune', label: `inbox, commune=${COMMUNE}`, url: `${base}?commune=${COMMUNE}` },
      { key: 'csv', label: 'CSV export', url: `${base}.csv` },
      { key: 'xlsx', label: 'XLSX export', url: `${base}.xlsx` },
    ];

    const results: ScenarioResult[] = [];
    for (const s of scenarios) {
      let last = await inject(s.url);
      for (let i = 1; i < WARM_UP; i++) last = await inject(s.url);
      if (last.statusCode !== 200) throw new Error(`${s.url}: ${last.statusCode} ${last.body.slice(0, 300)}`);

      fullGc();
      const before = snapshot();
      sampler = await new MemorySampler().start(10);
      const loop = eventLoopMonitor();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        last = await inject(s.url);
        times.push(performance.now() - started);
        sampler.sample();
        await setTimeout(1); // a turn of the event loop, so that its delay is recorded
      }
      const eventLoop = loop.stop();
      const peak = await sampler.stop();
      sampler = null;
      const after = snapshot();
      fullGc();
      const afterGc = snapshot();

      // Untimed: the statements this request sends, and their plans.
      const recorder = recordQueries(db);
      const recorded = await inject(s.url);
      const queries = recorder.stop();
      if (recorded.statusCode !== 200) throw new Error(`${s.url}: ${recorded.statusCode}`);
      const statements = [];
      for (const q of queries) {
        const heavy = /from "(applications|organisations)"/.test(q.text);
        statements.push({
          sql: q.text,
          ms: round1(q.ms),
          rows: q.rows,
          jsonChars: q.jsonChars,
          plan: heavy ? await explain(db, q) : null,
        });
      }

      const bytes = last.rawPayload.length;
      results.push({
        ...s,
        status: last.statusCode,
        contentType: String(last.headers['content-type'] ?? ''),
        rows: countRows(s.key, last.body),
        bytes,
        latency: {
          runs: RUNS,
          medianMs: round1(percentile(times, 0.5)),
          p95Ms: round1(percentile(times, 0.95)),
          minMs: round1(Math.min(...times)),
          maxMs: round1(Math.max(...times)),
          meanMs: round1(times.reduce((a, b) => a + b, 0) / times.length),
          allMs: times.map(round1),
        },
        memory: { before, ...peak, after, afterGc },
        eventLoop,
        diagnostics: {
          queries: queries.length,
          dbMs: round1(queries.reduce((t, q) => t + q.ms, 0)),
          rowsFetched: queries.reduce((t, q) => t + q.rows, 0),
          jsonChars: queries.reduce((t, q) => t + q.jsonChars, 0),
          statements,
        },
      });
      log(backend, `${s.label}: median ${round1(percentile(times, 0.5))} ms, ${bytes} bytes`);
    }

    // Where the time goes, without HTTP and rendering: the service queries and the export steps.
    const median3 = async (work: () => Promise<unknown> | unknown) => {
      await work();
      const t: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await work();
        t.push(performance.now() - started);
      }
      return round1(percentile(t, 0.5));
    };
    const service = app.services.applications;
    const t = translator('fr');
    const data = await service.exportRows(officer, seeded.callId);
    const exported = and(eq(applications.callId, seeded.callId), ne(applications.status, 'draft'));
    const table = exportTable(data, 'fr', t);
    const phases = {
      'callForManagement (route, once)': await median3(() =>
        app!.services.calls.callForManagement(officer, seeded.callId),
      ),
      'service.inbox (unfiltered)': await median3(() => service.inbox(officer, seeded.callId)),
      'service.inbox (q)': await median3(() => service.inbox(officer, seeded.callId, { q: QUERY })),
      'service.inbox (commune)': await median3(() => service.inbox(officer, seeded.callId, { commune: COMMUNE })),
      'service.exportRows': await median3(() => service.exportRows(officer, seeded.callId)),
      exportTable: await median3(() => exportTable(data, 'fr', t)),
      toCsv: await median3(() => toCsv(table, 'fr')),
      toXlsx: await median3(() => toXlsx(table)),
      // What-if for the report: the export's query as it is (every column, the search vector and
      // the raw answers included), and the same rows with only the columns the export writes.
      'export query, select * (as is)': await median3(() =>
        db.select().from(applications).where(exported).orderBy(asc(applications.reference)),
      ),
      'export query, exported columns only': await median3(() =>
        db.select(EXPORTED_COLUMNS).from(applications).where(exported).orderBy(asc(applications.reference)),
      ),
    };

    return { backend, serverVersion, seeding, scenarios: results, phases, processAtEnd: snapshot() };
  } finally {
    await cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Parent: one child per database, then the report.

function printTable(title: string, rows: string[][]) {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  console.log(`\n${title}`);
  rows.forEach((r, n) => {
    console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;
const num = (x: number | undefined) => (x === undefined ? '—' : x.toLocaleString('en', { maximumFractionDigits: 1 }));

function report(results: BackendResult[]) {
  const names = results.map((r) => (r.backend === 'pglite' ? 'PGlite' : 'PostgreSQL'));
  for (const r of results) console.log(`${r.backend}: ${r.serverVersion.split(',')[0]}`);

  printTable('Seeding (ms)', [
    ['', 'services', 'orgs+users', 'generate', `insert (${BATCH}/batch)`, 'apps/s', 'analyze', 'total'],
    ...results.map((r, i) => {
      const s = r.seeding.timings;
      return [
        names[i]!,
        num(s.servicesMs),
        num(s.organisationsMs),
        num(s.generateMs),
        num(s.insertMs),
        num(Math.round((r.seeding.applications / s.insertMs) * 1000)),
        num(s.analyzeMs),
        num(s.totalMs),
      ];
    }),
  ]);

  const keys = results[0]!.scenarios.map((s) => s.key);
  const by = (r: BackendResult, key: string) => r.scenarios.find((s) => s.key === key)!;
  printTable(`Latency (ms, ${RUNS} runs after ${WARM_UP} warm-up; p95 interpolated)`, [
    ['scenario', 'rows', 'size', ...names.flatMap((n) => [`${n} median`, 'p95', 'min', 'loop max'])],
    ...keys.map((k) => {
      const first = by(results[0]!, k);
      return [
        first.label,
        first.rows === null ? '—' : String(first.rows),
        kb(first.bytes),
        ...results.flatMap((r) => {
          const s = by(r, k);
          return [num(s.latency.medianMs), num(s.latency.p95Ms), num(s.latency.minMs), num(s.eventLoop.maxMs)];
        }),
      ];
    }),
  ]);

  printTable(
    'Memory (MB): heap used, RSS and external (ArrayBuffers, WebAssembly) before (after a GC) → sampled peak → heap retained after a GC',
    [
      ['scenario', ...names.flatMap((n) => [`${n} heap`, 'peak', 'retained', 'RSS', 'peak', 'external'])],
      ...keys.map((k) => [
        by(results[0]!, k).label,
        ...results.flatMap((r) => {
          const m = by(r, k).memory;
          return [
            num(m.before.heapUsedMb),
            num(m.peakHeapUsedMb),
            `${m.afterGc.heapUsedMb - m.before.heapUsedMb >= 0 ? '+' : ''}${num(round1(m.afterGc.heapUsedMb - m.before.heapUsedMb))}`,
            num(m.before.rssMb),
            num(m.peakRssMb),
            num(m.before.externalMb),
          ];
        }),
      ]),
    ],
  );

  printTable('SQL per request (untimed pass with a query recorder)', [
    ['scenario', ...names.flatMap((n) => [`${n} queries`, 'db ms', 'rows', 'fetched'])],
    ...keys.map((k) => [
      by(results[0]!, k).label,
      ...results.flatMap((r) => {
        const d = by(r, k).diagnostics;
        return [String(d.queries), num(d.dbMs), num(d.rowsFetched), kb(d.jsonChars)];
      }),
    ]),
  ]);

  printTable('Phases (ms, direct calls, median of 3)', [
    ['phase', ...names],
    ...Object.keys(results[0]!.phases).map((p) => [p, ...results.map((r) => num(r.phases[p]))]),
  ]);

  printTable('Stored size per application (bytes, pg_column_size; search as text: characters)', [
    ['', 'row', 'answers', 'raw_answers', 'search', 'search as text'],
    ...results.map((r, i) => {
      const c = r.seeding.columnBytes;
      return [names[i]!, num(c.row), num(c.answers), num(c.raw_answers), num(c.search), num(c.search_text_chars)];
    }),
  ]);

  for (const [i, r] of results.entries()) {
    console.log(`\nPlans on ${names[i]} (main statements; full plans in the JSON)`);
    for (const s of r.scenarios) {
      for (const st of s.diagnostics.statements.filter(
        (x) => x.plan && /from "applications"/.test(x.sql) && !/count\(\*\)/.test(x.sql),
      )) {
        const lines = st
          .plan!.filter((l) => /Scan|Sort |Execution Time|Rows Removed|Recheck/.test(l))
          .map((l) => l.trim());
        console.log(
          `  ${s.label}: ${st.rows} rows, ${st.ms} ms, ${kb(st.jsonChars)} fetched\n    ${lines.join('\n    ')}`,
        );
      }
    }
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  const backend = process.argv[childAt + 1] as Backend;
  const result = await runBackend(backend);
  process.send!(result, () => process.exit(0));
} else {
  const backends: Backend[] = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  if (!process.env.DATABASE_URL) console.log('DATABASE_URL not set: PGlite only.');
  const started = performance.now();
  const loadBefore = loadavg().map(round1);
  const results: BackendResult[] = [];
  for (const b of backends) results.push(await runChild<BackendResult>(fileURLToPath(import.meta.url), b));
  const loadAfter = loadavg().map(round1);
  report(results);
  console.log(
    `\nLoad average (1, 5, 15 min) before ${loadBefore.join(', ')}, after ${loadAfter.join(', ')} on ${availableParallelism()} cores: figures from a busy machine vary.`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/inbox.json',
    JSON.stringify(
      {
        benchmark: 'inbox',
        node: process.version,
        ranAt: new Date().toISOString(),
        cores: availableParallelism(),
        loadBefore,
        loadAfter,
        seed: SEED,
        applications: APPLICATIONS,
        organisations: ORGANISATIONS,
        batchSize: BATCH,
        warmUp: WARM_UP,
        runs: RUNS,
        memoryMethod:
          'process.memoryUsage(): before = after a full GC (--expose-gc); peakRss = max of process RSS sampled every 10 ms by a worker thread; peakHeapUsed = max of main-thread heapUsed at each onSend, after each response and every 10 ms when the event loop turns (garbage not yet collected included); retained = heapUsed after a full GC at the end minus before',
        results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWritten to bench/results/inbox.json (${Math.round((performance.now() - started) / 1000)} s in all)`);
}
