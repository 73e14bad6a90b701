// Follow-up benchmark: `node --import tsx bench/followup.ts` (add DATABASE_URL=postgres://… for PostgreSQL too).
//
// One call with 2,000 applications (bench/lib/inboxSeed.ts), all of them grants (states spread over the
// lifecycle, 80 % tranches paid for most), 10,000 approved reports (5 per grant: four interim, one final) whose
// latest per grant counts 100 participants: 200,000 reported participants, broken down by public, commune, age
// band and gender, with DigComp areas. Then, through app.server.inject: the call's dashboard and the programme's
// (the officer), the public programme page and one of its CSV files. Each: 2 warm-up runs, 10 timed runs
// (median, p95), response size, peak RSS (worker thread) and heap (sampled at onSend), heap after a full GC;
// the statements each page sends. And the 5,000-payment SEPA file (pain.001), written as bench/sepa.ts does.
// Each database in a child process of its own. Prints the figures and writes bench/results/followup.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { App } from '../src/app.ts';
import { AGE_BANDS, GENDERS, RESIDENCE_CATEGORIES } from '../src/domain/grants/reportIndicators.ts';
import { mulberry32, randomInt, type Random } from '../src/domain/random.ts';
import { writeCreditTransfers } from '../src/domain/sepa/pain001.ts';
import { sampleBatch, samplePayments } from '../src/domain/sepa/testing.ts';
import { grantReports } from '../src/features/reports/schema.ts';
import { openSession, SESSION_COOKIE } from '../src/platform/identity/sessions.ts';
import { benchApp, benchBackends, childBackend, openBackend, runChild, type Backend } from './lib/backends.ts';
import { BENCH_PUBLICS } from './lib/benchCall.ts';
import { rowsOf, seedInbox } from './lib/inboxSeed.ts';
import { fullGc, MemorySampler, percentile, recordQueries, round1, snapshot } from './lib/measure.ts';

const GRANTS = 2000;
const REPORTS_PER_GRANT = 5;
const PARTICIPANTS_PER_GRANT = 100;
const BATCH = 500;
const WARM_UP = 2;
const RUNS = 10;
const SEPA_PAYMENTS = 5000;

const log = (backend: Backend, message: string) => process.stderr.write(`[${backend}] ${message}\n`);

/** `total` people spread over `keys` at random, adding up exactly. */
function spread(random: Random, total: number, keys: readonly string[]): Record<string, number> {
  const weights = keys.map(() => random() ** 2);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((w / sum) * total));
  counts[randomInt(random, keys.length)]! += total - counts.reduce((a, b) => a + b, 0);
  return Object.fromEntries(keys.map((k, i) => [k, counts[i]!]).filter(([, n]) => n !== 0));
}

function reportValues(random: Random, participants: number) {
  return {
    participants,
    'participants-by-public': spread(random, participants, [...BENCH_PUBLICS, 'other']),
    'participants-by-commune': spread(
      random,
      participants,
      RESIDENCE_CATEGORIES.map((c) => c.key),
    ),
    'participants-by-age': spread(
      random,
      participants,
      AGE_BANDS.map((c) => c.key),
    ),
    'participants-by-gender': spread(
      random,
      participants,
      GENDERS.map((c) => c.key),
    ),
    sessions: 5 + randomInt(random, 40),
    'support-hours': 20 + randomInt(random, 200),
    'digcomp-areas': ['1', '2', '3', '4', '5'].filter(() => random() < 0.5),
    'devices-lent': randomInt(random, 20),
    narrative: 'Récit du projet. '.repeat(40),
  };
}

async function seed(app: App, random: Random) {
  const db = app.database.db;
  const started = performance.now();
  const inbox = await seedInbox(app, random, {
    applications: GRANTS,
    organisations: 200,
    batchSize: 250,
    now: new Date(),
  });
  // Every application a grant, in states across the lifecycle; two tranches each, the first paid for most.
  await db.execute(sql`
    insert into grants (application_id, call_id, funder_id, organisation_id, reference, title, organisation_name,
                        enterprise_number, offered_cents, awarded_on, status)
    select a.id, a.call_id, c.funder_id, a.organisation_id, a.reference, a.title, o.name, o.enterprise_number,
           3000000 + (row_number() over (order by a.reference)) % 30 * 100000, current_date,
           (array['active','active','active','countersigned','final-report-approved','closed','agreement-sent','offered','suspended','declined'])
             [1 + (row_number() over (order by a.reference)) % 10]
    from applications a join calls c on c.id = a.call_id join organisations o on o.id = a.organisation_id`);
  await db.execute(sql`
    insert into grant_tranches (grant_id, number, percent, trigger, amount_cents, status, structured_communication, paid_at)
    select g.id, t.n, case t.n when 1 then 80 else 20 end, case t.n when 1 then 'signature' else 'final-report' end,
           g.offered_cents * case t.n when 1 then 80 else 20 end / 100,
           case when t.n = 1 and g.status not in ('offered', 'agreement-sent', 'declined') then 'paid' else 'planned' end,
           lpad((g.number * 10 + t.n)::text, 12, '0'),
           case when t.n = 1 and g.status not in ('offered', 'agreement-sent', 'declined') then now() end
    from grants g cross join (values (1), (2)) as t(n)`);
  const grantIds = rowsOf(await db.execute(sql`select id from grants order by number`)).map((r) => String(r.id));
  const generated = performance.now();
  const rows = grantIds.flatMap((grantId, g) =>
    Array.from({ length: REPORTS_PER_GRANT }, (_, i) => {
      const last = i === REPORTS_PER_GRANT - 1;
      const decidedAt = new Date(Date.UTC(2026, 0, 1 + i * 60, 10) + g * 1000);
      return {
        grantId,
        definitionId: last ? 'final' : `interim-${i + 1}`,
        kind: last ? ('final' as const) : ('interim' as const),
        opensAt: decidedAt,
        dueAt: decidedAt,
        status: 'approved' as const,
        values: reportValues(random, last ? PARTICIPANTS_PER_GRANT : 20 * (i + 1)),
        submittedAt: decidedAt,
        decidedAt,
      };
    }),
  );
  const generateMs = performance.now() - generated;
  for (let i = 0; i < rows.length; i += BATCH) await db.insert(grantReports).values(rows.slice(i, i + BATCH));
  for (const table of ['grants', 'grant_tranches', 'grant_reports']) await db.execute(sql.raw(`analyze ${table}`));
  const [counts] = rowsOf(
    await db.execute(sql`select (select count(*) from grants) as grants, (select count(*) from grant_reports) as reports,
      (select sum((values->>'participants')::int) from (select distinct on (grant_id) values from grant_reports
        where status = 'approved' order by grant_id, decided_at desc) latest) as participants`),
  );
  return {
    callId: inbox.callId,
    officerId: inbox.officerId,
    grants: Number(counts?.grants),
    reports: Number(counts?.reports),
    participants: Number(counts?.participants),
    seedMs: Math.round(performance.now() - started),
    generateReportsMs: Math.round(generateMs),
  };
}

async function runBackend(backend: Backend) {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-bench-'));
  const database = await openBackend(backend);
  let app: App | null = null;
  try {
    app = await benchApp(database, dataDir);
    log(backend, `seeding ${GRANTS} grants and ${GRANTS * REPORTS_PER_GRANT} reports…`);
    const seeded = await seed(app, mulberry32(2026));
    log(
      backend,
      `seeded in ${seeded.seedMs} ms: ${seeded.grants} grants, ${seeded.reports} reports, ${seeded.participants} participants`,
    );
    let sampler: MemorySampler | null = null;
    app.server.addHook('onSend', async (_request, _reply, payload) => {
      sampler?.sample();
      return payload;
    });
    const token = await openSession(app.database.db, seeded.officerId);
    const inject = (url: string, signedIn: boolean) =>
      app!.server.inject({ method: 'GET', url, cookies: signedIn ? { [SESSION_COOKIE]: token } : {} });
    const scenarios = [
      {
        key: 'call',
        label: "call's dashboard (officer)",
        url: `/manage/calls/${seeded.callId}/impact`,
        signedIn: true,
      },
      { key: 'programme', label: "programme's dashboard (officer)", url: '/manage/impact', signedIn: true },
      { key: 'public', label: 'public programme page', url: '/impact', signedIn: false },
      { key: 'csv', label: 'public CSV (communes)', url: '/impact/communes.csv', signedIn: false },
    ];
    const results = [];
    for (const s of scenarios) {
      let last = await inject(s.url, s.signedIn);
      for (let i = 1; i < WARM_UP; i++) last = await inject(s.url, s.signedIn);
      if (last.statusCode !== 200) throw new Error(`${s.url}: ${last.statusCode} ${last.body.slice(0, 300)}`);
      fullGc();
      const before = snapshot();
      sampler = await new MemorySampler().start(10);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        last = await inject(s.url, s.signedIn);
        times.push(performance.now() - t);
        sampler.sample();
        await setTimeout(1);
      }
      const peak = await sampler.stop();
      sampler = null;
      fullGc();
      const afterGc = snapshot();
      const recorder = recordQueries(app.database.db);
      await inject(s.url, s.signedIn);
      const queries = recorder.stop();
      const result = {
        ...s,
        bytes: last.rawPayload.length,
        medianMs: round1(percentile(times, 0.5)),
        p95Ms: round1(percentile(times, 0.95)),
        before,
        peakRssMb: peak.peakRssMb,
        peakHeapUsedMb: peak.peakHeapUsedMb,
        afterGc,
        queries: queries.length,
        dbMs: round1(queries.reduce((sum, q) => sum + q.ms, 0)),
        rowsFetched: queries.reduce((sum, q) => sum + q.rows, 0),
      };
      results.push(result);
      log(backend, `${s.label}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms, ${result.bytes} bytes`);
    }
    return { backend, seeded, scenarios: results };
  } finally {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The 5,000-payment pain.001 file, streamed into a byte counter (as bench/sepa.ts measures it in full). */
function sepaFigures() {
  const payments = samplePayments(SEPA_PAYMENTS);
  const write = () => {
    let bytes = 0;
    for (const chunk of writeCreditTransfers(sampleBatch(), payments)) bytes += Buffer.byteLength(chunk);
    return bytes;
  };
  write();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    bytes = write();
    times.push(performance.now() - t);
  }
  return {
    payments: SEPA_PAYMENTS,
    bytes,
    medianMs: round1(percentile(times, 0.5)),
    maxMs: round1(Math.max(...times)),
  };
}

const backend = childBackend();
if (backend) {
  const result = await runBackend(backend);
  process.send!(result, () => process.exit(0));
} else {
  const results = [];
  for (const b of benchBackends())
    results.push(await runChild<Awaited<ReturnType<typeof runBackend>>>(fileURLToPath(import.meta.url), b));
  const sepa = sepaFigures();
  console.log('\nFollow-up: dashboards over 2,000 grants, 10,000 reports, 200,000 participants');
  for (const r of results) {
    console.log(
      `\n${r.backend}: ${r.seeded.grants} grants, ${r.seeded.reports} reports, ${r.seeded.participants} participants (seeded in ${r.seeded.seedMs} ms)`,
    );
    console.table(
      r.scenarios.map((s) => ({
        page: s.label,
        'median ms': s.medianMs,
        'p95 ms': s.p95Ms,
        KB: round1(s.bytes / 1024),
        queries: s.queries,
        'db ms': s.dbMs,
        rows: s.rowsFetched,
        'peak RSS MB': s.peakRssMb,
        'peak heap MB': s.peakHeapUsedMb,
        'heap after GC MB': s.afterGc.heapUsedMb,
      })),
    );
  }
  console.log(
    `\nSEPA pain.001, ${sepa.payments} payments: median ${sepa.medianMs} ms (slowest ${sepa.maxMs} ms), ${sepa.bytes} bytes`,
  );
  mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
  writeFileSync(
    new URL('./results/followup.json', import.meta.url),
    JSON.stringify({ at: new Date(), results, sepa }, null, 2),
  );
}
