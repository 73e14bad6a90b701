// The deadline rush: `node --import tsx bench/deadline-rush.ts [--applicants N] [--submitters N]
// [--officers N] [--window s] [--interval s] [--lead s]`; on PostgreSQL when DATABASE_URL is set (in a
// database of its own), else on PGlite in a fresh data folder.
//
// Seeds a call closing `lead` seconds after the seed (on PostgreSQL, moved to one interval and the
// window after the clients are ready), with `applicants` organisations each holding
// a complete draft and a session; starts Octroi as in production (`octroi start` from dist/,
// NODE_ENV=production, on loopback) and drives it over HTTP: every applicant autosaves its project
// section every `interval` seconds (each save carries a counter in the summary), `submitters` of
// them submit at a random instant of the last `window` seconds (and stop saving), five more try
// after the deadline, and `officers` browse the inbox in a loop. Reports errors and p50/p99 per kind,
// then checks the database: every acknowledged autosave is there, every acknowledged submission is
// submitted exactly once with its reference and SHA-256, nothing was accepted after the deadline.
// Defaults, as issue 13 asks: PostgreSQL 2,000 / 500 / 10 officers; PGlite 200 / 50 / 0.
// Writes bench/results/deadline-rush[-postgres].json. With SERVER_PROFILE=<folder>, the server writes its CPU
// profile there when it stops (open it in Chrome's DevTools).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { mulberry32 } from '../src/domain/random.ts';
import { loadConfig } from '../src/platform/config.ts';
// @ts-expect-error the build script is plain JavaScript without declarations
import { build, buildIsCurrent } from '../scripts/build.mjs';
import { createPostgresDatabase } from '../test/helpers/databases.ts';
import { rowsOf } from './lib/inboxSeed.ts';
import { startServer } from './lib/load.ts';
import { percentile, round1 } from './lib/measure.ts';
import { seedRush, type Applicant } from './lib/rushSeed.ts';

const onPostgres = !!process.env.DATABASE_URL;
const { values } = parseArgs({
  options: {
    applicants: { type: 'string', default: onPostgres ? '2000' : '200' },
    submitters: { type: 'string', default: onPostgres ? '500' : '50' },
    officers: { type: 'string', default: onPostgres ? '10' : '0' },
    window: { type: 'string', default: '60' },
    interval: { type: 'string', default: '10' },
    lead: { type: 'string', default: onPostgres ? '300' : '180' },
  },
});
const APPLICANTS = Number(values.applicants);
const SUBMITTERS = Math.min(Number(values.submitters), APPLICANTS - 5);
const OFFICERS = Number(values.officers);
const WINDOW_MS = Number(values.window) * 1000;
const INTERVAL_MS = Number(values.interval) * 1000;
const LEAD_MS = Number(values.lead) * 1000;
const LATE = 5;

if (!buildIsCurrent()) await build();
const work = mkdtempSync(join(tmpdir(), 'octroi-rush-'));
const dataDir = join(work, 'data');
const database = onPostgres ? await createPostgresDatabase(process.env.DATABASE_URL!) : null;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: '0',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
};
delete env.DATABASE_URL;
if (database) env.DATABASE_URL = database.url;
const config = () => loadConfig(env, { cookieSecret: 'r'.repeat(32) });
env.COOKIE_SECRET = 'r'.repeat(32);

type Kind = 'autosave' | 'submit' | 'late submit' | 'inbox' | 'prepare';
const latencies: Record<Kind, number[]> = { autosave: [], submit: [], 'late submit': [], inbox: [], prepare: [] };
const errors: { kind: Kind; status: number | string; body?: string }[] = [];
/** Per application, the last autosave acknowledged (its counter), and whether its submission was acknowledged. */
const acked = new Map<string, { seq: number; submitted: boolean; lateRefused?: boolean }>();

/** Stops the server however the run ends (a thrown error included). */
let stopServer = async () => undefined as void;
/** The call's closing instant, once seeded. */
let deadlineInstant = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

let results: Record<string, unknown>;
try {
  const seedStarted = performance.now();
  const random = mulberry32(13);
  const closesAt = new Date(Date.now() + LEAD_MS);
  const seeded = await (async () => {
    const app = await buildApp(config(), {});
    try {
      return await seedRush(app, random, { applicants: APPLICANTS, officers: OFFICERS, closesAt });
    } finally {
      await app.close();
    }
  })();
  const seedMs = round1(performance.now() - seedStarted);
  const server = await startServer(
    [
      ...(process.env.SERVER_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.SERVER_PROFILE] : []),
      'dist/src/cli/main.js',
      'start',
    ],
    env,
  );
  stopServer = server.stop;
  const base = server.url;

  // Each applicant opens its section page once: its form token (and the cookie that goes with it).
  const clients = await inBatches(seeded.applicants, 16, (a) => prepare(base, a));
  const ready = Date.now();
  if (database) {
    // PostgreSQL is shared: the deadline is set now, a full autosave cycle and the window away.
    closesAt.setTime(ready + INTERVAL_MS + WINDOW_MS + 5000);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('update calls set closes_at = $1 where id = $2', [closesAt, seeded.callId]);
    await client.end();
  } else if (ready > closesAt.getTime() - WINDOW_MS)
    // PGlite is the server's alone: its deadline was written with the seed.
    throw new Error(`ready ${(ready - closesAt.getTime()) / 1000} s from the deadline: raise --lead`);
  const deadline = closesAt.getTime();
  deadlineInstant = deadline;

  const order = [...clients].sort(() => random() - 0.5);
  const submitters = new Set(order.slice(0, SUBMITTERS));
  const late = order.slice(SUBMITTERS, SUBMITTERS + LATE);
  let running = true;
  const tasks: Promise<void>[] = [];
  for (const c of clients) {
    const submitAt = submitters.has(c) ? deadline - WINDOW_MS + random() * (WINDOW_MS - 2000) : null;
    tasks.push(applicantLoop(base, c, submitAt, random() * INTERVAL_MS));
  }
  for (const [i, c] of late.entries())
    tasks.push(sleep(deadline + 1000 + i * 300 - Date.now()).then(() => submit(base, c, true)));
  for (let i = 0; i < OFFICERS; i++)
    tasks.push(officerLoop(base, seeded.officerTokens[i]!, seeded.callId, () => running));
  await sleep(deadline + 5000 - Date.now());
  running = false;
  await Promise.all(tasks);
  await server.stop();

  const check = await checkDatabase(seeded.callId, closesAt);
  const kinds = Object.fromEntries(
    (Object.keys(latencies) as Kind[])
      .filter((k) => latencies[k].length)
      .map((k) => [
        k,
        {
          n: latencies[k].length,
          p50Ms: round1(percentile(latencies[k], 0.5)),
          p99Ms: round1(percentile(latencies[k], 0.99)),
          maxMs: round1(Math.max(...latencies[k])),
        },
      ]),
  );
  results = {
    backend: database ? 'postgres' : 'pglite',
    node: process.version,
    load: (await import('node:os')).loadavg().map(round1),
    applicants: APPLICANTS,
    submitters: SUBMITTERS,
    officers: OFFICERS,
    intervalS: INTERVAL_MS / 1000,
    windowS: WINDOW_MS / 1000,
    seedMs,
    serverReadyMs: server.readyMs,
    secondsOfAutosaveBeforeTheWindow: round1((deadline - WINDOW_MS - ready) / 1000),
    errors: errors.length,
    errorSamples: errors.slice(0, 10),
    latency: kinds,
    check,
    goal: database ? '0 errors, p99 < 300 ms' : '0 errors, p99 < 500 ms',
  };
} finally {
  await stopServer();
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
}
console.log(JSON.stringify(results, null, 2));
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/deadline-rush${onPostgres ? '-postgres' : ''}.json`,
  JSON.stringify(results, null, 2) + '\n',
);

interface Client {
  applicant: Applicant;
  cookie: string;
  csrf: string;
  version: number;
  seq: number;
  done: boolean;
}

async function timed<T>(kind: Kind, run: () => Promise<T>): Promise<T> {
  const began = performance.now();
  try {
    return await run();
  } finally {
    latencies[kind].push(performance.now() - began);
  }
}

async function prepare(base: string, applicant: Applicant): Promise<Client> {
  const session = `octroi_session=${applicant.sessionToken}`;
  const res = await timed('prepare', () =>
    fetch(`${base}/applications/${applicant.applicationId}/sections/project`, { headers: { cookie: session } }),
  );
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const version = /name="version" value="(\d+)"/.exec(html)?.[1];
  const csrfCookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('octroi_csrf='))
    ?.split(';')[0];
  if (!csrf || !version || !csrfCookie) throw new Error(`section page ${res.status}: no form token`);
  acked.set(applicant.applicationId, { seq: 0, submitted: false });
  return { applicant, cookie: `${session}; ${csrfCookie}`, csrf, version: Number(version), seq: 0, done: false };
}

/** The project section as the browser's form sends it, the summary carrying the save's counter. */
function sectionBody(c: Client, seq: number): URLSearchParams {
  const raw = c.applicant.raw as Record<string, unknown>;
  const body = new URLSearchParams({ _csrf: c.csrf, version: String(c.version) });
  body.append('a.summary', `${String(raw.summary).slice(0, 1400)} [save ${seq}]`);
  for (const v of raw.communes as string[]) body.append('a.communes', v);
  for (const v of raw.publics as string[]) body.append('a.publics', v);
  for (const [k, v] of Object.entries(raw.participants as Record<string, string>))
    body.append(`a.participants.${k}`, v);
  for (const v of raw.digcomp as string[]) body.append('a.digcomp', v);
  return body;
}

async function autosave(base: string, c: Client): Promise<void> {
  const seq = c.seq + 1;
  let res: Response;
  try {
    res = await timed('autosave', () =>
      fetch(`${base}/applications/${c.applicant.applicationId}/sections/project/autosave`, {
        method: 'POST',
        headers: { cookie: c.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: sectionBody(c, seq),
      }),
    );
  } catch (error) {
    errors.push({ kind: 'autosave', status: String(error) });
    return;
  }
  const body = (await res.json().catch(() => ({}))) as { status?: string; version?: number };
  const afterDeadline = Date.now() >= deadlineInstant;
  if (res.status === 200 && body.status === 'saved') {
    c.seq = seq;
    c.version = body.version!;
    acked.get(c.applicant.applicationId)!.seq = seq;
  } else if (!(afterDeadline && res.status === 409)) {
    errors.push({ kind: 'autosave', status: res.status, body: JSON.stringify(body).slice(0, 200) });
  }
}

async function submit(base: string, c: Client, late = false): Promise<void> {
  c.done = true;
  const kind: Kind = late ? 'late submit' : 'submit';
  let res: Response;
  try {
    res = await timed(kind, () =>
      fetch(`${base}/applications/${c.applicant.applicationId}/submit`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: c.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: c.csrf }),
      }),
    );
  } catch (error) {
    errors.push({ kind, status: String(error) });
    return;
  }
  await res.arrayBuffer();
  const state = acked.get(c.applicant.applicationId)!;
  if (res.status === 303 && !late) state.submitted = true;
  else if (late && res.status === 409) state.lateRefused = true;
  else errors.push({ kind, status: res.status });
}

async function applicantLoop(base: string, c: Client, submitAt: number | null, offset: number): Promise<void> {
  await sleep(offset);
  while (!c.done) {
    const next = Date.now() + INTERVAL_MS;
    if (submitAt !== null && Date.now() >= submitAt) return submit(base, c);
    if (Date.now() > deadlineInstant + 3000) return;
    await autosave(base, c);
    const wake = submitAt !== null ? Math.min(next, submitAt) : next;
    await sleep(wake - Date.now());
  }
}

async function officerLoop(base: string, token: string, callId: string, running: () => boolean): Promise<void> {
  while (running()) {
    try {
      const res = await timed('inbox', () =>
        fetch(`${base}/manage/calls/${callId}/applications`, { headers: { cookie: `octroi_session=${token}` } }),
      );
      await res.arrayBuffer();
      if (res.status !== 200) errors.push({ kind: 'inbox', status: res.status });
    } catch (error) {
      errors.push({ kind: 'inbox', status: String(error) });
    }
    await sleep(1000);
  }
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return out;
}

/** Reopens the database (the server has stopped) and checks what was acknowledged against what is stored. */
async function checkDatabase(callId: string, closesAt: Date) {
  const app = await buildApp(config(), {});
  try {
    const rows = rowsOf(
      await app.database.db.execute(sql`
        select a.id, a.status, a.reference, a.raw_answers->>'summary' as summary, a.updated_at, a.submitted_at,
               (select count(*)::int from application_submissions s where s.application_id = a.id) as submissions,
               (select max(s.submitted_at) from application_submissions s where s.application_id = a.id) as last_submission,
               (select bool_and(s.sha256 ~ '^[0-9a-f]{64}$') from application_submissions s where s.application_id = a.id) as hashed
        from applications a where a.call_id = ${callId}`),
    );
    let autosavesMissing = 0;
    let submissionsWrong = 0;
    let acceptedAfterDeadline = 0;
    let submittedWithoutAck = 0;
    for (const row of rows) {
      const state = acked.get(String(row.id));
      const seq = Number(/\[save (\d+)\]$/.exec(String(row.summary ?? ''))?.[1] ?? 0);
      if (state && seq < state.seq) autosavesMissing++;
      if (state?.submitted) {
        if (row.status !== 'submitted' || row.submissions !== 1 || !row.reference || !row.hashed) submissionsWrong++;
      } else if (row.status === 'submitted') submittedWithoutAck++;
      const last = row.last_submission ? new Date(String(row.last_submission)) : null;
      if (last && last >= closesAt) acceptedAfterDeadline++;
      if (new Date(String(row.updated_at)) >= closesAt) acceptedAfterDeadline++;
    }
    return {
      applications: rows.length,
      autosavesAcknowledged: [...acked.values()].reduce((n, s) => n + s.seq, 0),
      autosavesMissing,
      submissionsAcknowledged: [...acked.values()].filter((s) => s.submitted).length,
      submissionsWrong,
      submittedWithoutAck,
      lateSubmissionsRefused: [...acked.values()].filter((s) => s.lateRefused).length,
      acceptedAfterDeadline,
      ok: autosavesMissing === 0 && submissionsWrong === 0 && acceptedAfterDeadline === 0,
    };
  } finally {
    await app.close();
  }
}
