// Crash safety: `octroi start` (built, on PGlite, as in production) is killed with SIGKILL at a random
// moment while submissions and eligibility decisions are in flight, then started again, CRASH_RUNS
// times (10 by default; 100 for the full run). Afterwards the data folder must open, no application
// may be half submitted (a status without its submission, reference and audit row, or the reverse),
// no decision half applied (a status without its decision row, or the reverse), and `octroi audit
// verify` must find the chain intact.
import { expectOk } from '../src/domain/refusal.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { mulberry32 } from '../src/domain/random.ts';
import { loadConfig } from '../src/platform/config.ts';
// @ts-expect-error the build script is plain JavaScript without declarations
import { build, buildIsCurrent } from '../scripts/build.mjs';
import { rowsOf } from '../bench/lib/inboxSeed.ts';
import { startServer } from '../bench/lib/load.ts';
import { seedRush, type RushSeed } from '../bench/lib/rushSeed.ts';

const RUNS = Number(process.env.CRASH_RUNS ?? 10);
const PER_RUN = 3; // submissions and as many decisions in flight at each kill
const KILL_WITHIN_MS = Number(process.env.CRASH_KILL_WITHIN_MS ?? 1500);
const DAY = 86_400_000;

describe(`octroi start killed ${RUNS} times during submissions and decisions (PGlite)`, () => {
  const work = mkdtempSync(join(tmpdir(), 'octroi-crash-'));
  const dataDir = join(work, 'data');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    COOKIE_SECRET: 'c'.repeat(32),
  };
  delete env.DATABASE_URL;
  const config = () => loadConfig(env);
  const random = mulberry32(Number(process.env.CRASH_SEED ?? Date.now() % 100_000));
  let seeded: RushSeed;

  before(async () => {
    if (!buildIsCurrent()) await build();
    const app = await buildApp(config());
    try {
      seeded = await seedRush(app, random, {
        applicants: 2 * PER_RUN * RUNS,
        officers: 1,
        closesAt: new Date(Date.now() + DAY),
      });
      // Half of them submitted beforehand: the decisions' matter.
      for (const a of seeded.applicants.slice(0, PER_RUN * RUNS))
        expectOk(
          await app.services.applications.submitApplication({
            actor: { userId: a.userId, isPlatformAdmin: false, grants: [] },
            applicationId: a.applicationId,
          }),
        );
    } finally {
      await app.close();
    }
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('each kill leaves whole commands only', async (t) => {
    const officer = `octroi_session=${seeded.officerTokens[0]}`;
    const statuses: (number | 'cut')[] = [];
    for (let run = 0; run < RUNS; run++) {
      const server = await startServer(['dist/src/cli/main.js', 'start'], env);
      try {
        const toDecide = seeded.applicants.slice(run * PER_RUN, (run + 1) * PER_RUN);
        const toSubmit = seeded.applicants.slice(PER_RUN * RUNS + run * PER_RUN, PER_RUN * RUNS + (run + 1) * PER_RUN);
        // Every form first (its token), then every command at once, and the kill somewhere among them.
        const submissions = await Promise.all(
          toSubmit.map(async (a) => {
            const cookie = `octroi_session=${a.sessionToken}`;
            const form = await formOf(server.url, `/applications/${a.applicationId}`, cookie);
            return () => post(server.url, `/applications/${a.applicationId}/submit`, form.cookie, { _csrf: form.csrf });
          }),
        );
        const decisions = await Promise.all(
          toDecide.map(async (a) => {
            const form = await formOf(server.url, `/manage/applications/${a.applicationId}/screening`, officer);
            return () =>
              post(server.url, `/manage/applications/${a.applicationId}/screening/decision`, form.cookie, {
                _csrf: form.csrf,
                decision: 'eligible',
                reason: '',
                checklistVersion: form.html.match(/name="checklistVersion" value="(\d+)"/)?.[1] ?? '1',
              });
          }),
        );
        const inFlight = [...submissions, ...decisions].map((send) =>
          send().then(
            (status) => statuses.push(status),
            () => statuses.push('cut'),
          ),
        );
        // Somewhere between before the first command arrives and after the last is answered.
        await new Promise((resolve) => setTimeout(resolve, random() * KILL_WITHIN_MS));
        server.child.kill('SIGKILL');
        await Promise.all(inFlight);
      } finally {
        await server.stop();
      }
    }

    // The data folder opens, and what it holds is whole.
    const app = await buildApp(config());
    try {
      const rows = rowsOf(
        await app.database.db.execute(sql`
          select a.id, a.status, a.reference,
            (select count(*)::int from application_submissions s where s.application_id = a.id) as submissions,
            (select count(*)::int from audit_events e where e.subject_id = a.id::text
               and e.action = 'application.submitted') as submitted_audits,
            (select count(*)::int from eligibility_decisions d where d.application_id = a.id) as decisions,
            (select count(*)::int from audit_events e where e.subject_id = a.id::text
               and e.action = 'screening.decided') as decided_audits
          from applications a where a.call_id = ${seeded.callId}`),
      );
      let submitted = 0;
      let decided = 0;
      for (const r of rows) {
        const isSubmitted = r.status !== 'draft';
        assert.equal(r.submissions, isSubmitted ? 1 : 0, `${String(r.id)} ${String(r.status)}: its submission`);
        assert.equal(r.submitted_audits, isSubmitted ? 1 : 0, `${String(r.id)}: the submission's audit row`);
        assert.equal(!!r.reference, isSubmitted, `${String(r.id)}: its reference`);
        const isDecided = r.status === 'eligible';
        assert.equal(r.decisions, isDecided ? 1 : 0, `${String(r.id)} ${String(r.status)}: its decision`);
        assert.equal(r.decided_audits, isDecided ? 1 : 0, `${String(r.id)}: the decision's audit row`);
        if (isSubmitted) submitted++;
        if (isDecided) decided++;
      }
      assert.ok(submitted >= PER_RUN * RUNS, 'the submissions made before stay');
      t.diagnostic(`submitted ${submitted}, decided ${decided}; answers before the kills: ${statuses.join(' ')}`);
    } finally {
      await app.close();
    }
    const verify = spawnSync(process.execPath, ['dist/src/cli/main.js', 'audit', 'verify'], { env, encoding: 'utf8' });
    assert.equal(verify.status, 0, verify.stdout + verify.stderr);
    assert.equal((JSON.parse(verify.stdout) as { ok: boolean }).ok, true);
  });
});

async function formOf(base: string, path: string, cookie: string) {
  const res = await fetch(base + path, { headers: { cookie } });
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const csrfCookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('octroi_csrf='))
    ?.split(';')[0];
  if (!csrf || !csrfCookie) throw new Error(`${path}: ${res.status}, no form`);
  return { csrf, html, cookie: `${cookie}; ${csrfCookie}` };
}

async function post(base: string, path: string, cookie: string, fields: Record<string, string>) {
  const res = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
  await res.arrayBuffer();
  return res.status;
}
