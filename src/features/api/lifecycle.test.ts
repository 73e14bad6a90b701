// Tokens' scopes, funders and expiry, their use in the audit trail, and the API's reads of the later
// stages (screening, ranking, decision) with their cursor pages and changedSince filters. The
// OpenAPI document is linted by Redocly's CLI, as a client generator would read it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, desc, eq, sql } from 'drizzle-orm';
import { buildTestApp, PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import type { Actor } from '../../domain/access.ts';
import { expectOk } from '../../domain/refusal.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { DecisionPage, ErrorBody, RankingPage, ScreeningPage } from './contract.ts';
import { openApiDocument } from './openapi.ts';
import { apiTokens } from './schema.ts';
import { apiService, type ApiService } from './service.ts';

const run = promisify(execFile);
const PLAN = {
  mode: 'ranking' as const,
  partialFloorPercent: null,
  minPerTargetPublic: {},
  maxPerCommune: null,
  maxPerOrganisation: null,
  fixed: [],
  justification: '',
};

for (const backend of backends()) {
  describe(`API tokens and the lifecycle on ${backend.name}`, () => {
    let app: TestApp;
    let api: ApiService;
    let scored: ScoredCall;
    let other: ScoredCall;
    /** An officer at both funders. */
    let both: Actor;

    const get = (url: string, token: string) =>
      app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const tokenFor = async (actor: Actor, opts: Partial<Parameters<ApiService['createToken']>[0]> = {}) =>
      expectOk(await api.createToken({ actor, name: 'Test', ...opts })).token;

    before(async () => {
      app = await buildTestApp(backend);
      api = apiService({ ...app.deps, ...app.services });
      scored = await scoredCall(app, { password: PASSWORD });
      other = await scoredCall(app, { password: PASSWORD });
      const admin = (await app.signedIn({ platformAdmin: true })).actor;
      expectOk(
        await app.services.admin.grantRole({
          actor: admin,
          funderId: other.funderId,
          email: scored.officerEmail,
          role: 'officer',
        }),
      );
      both = {
        ...scored.officer,
        grants: [...scored.officer.grants, { funderId: other.funderId, role: 'officer' }],
      };
    });
    after(() => app?.close());

    test('scopes: a write-only token reads nothing (403 naming the scope); read and write together read', async () => {
      const writeOnly = await tokenFor(scored.officer, { scopes: ['write'] });
      const res = await get('/api/calls', writeOnly);
      assert.equal(res.statusCode, 403);
      assert.equal(ErrorBody.parse(res.json()).error, 'insufficientScope');
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="octroi", error="insufficient_scope", scope="read"');
      assert.equal(
        (await get('/api/calls', await tokenFor(scored.officer, { scopes: ['read', 'write'] }))).statusCode,
        200,
      );
      const none = await api.createToken({ actor: scored.officer, name: 'Rien', scopes: [] });
      assert.deepEqual(none, { ok: false, refusals: ['no-scope'] });
    });

    test('expiry and revocation: a 401 that says which, and the token no longer stamps its use', async () => {
      const token = await tokenFor(scored.officer);
      assert.equal((await get('/api/calls', token)).statusCode, 200);
      const [row] = await app.database.db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .orderBy(desc(apiTokens.createdAt))
        .limit(1);
      await app.database.db
        .update(apiTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(apiTokens.id, row!.id));
      const expired = await get('/api/calls', token);
      assert.equal(expired.statusCode, 401);
      assert.equal(ErrorBody.parse(expired.json()).error, 'tokenExpired');
      assert.match(String(expired.headers['www-authenticate']), /error="invalid_token", error_description="expired"/);

      const revokedToken = await tokenFor(scored.officer);
      const [revoked] = await app.database.db
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .orderBy(desc(apiTokens.createdAt))
        .limit(1);
      await api.revokeToken({ actor: scored.officer, tokenId: revoked!.id });
      const refused = await get('/api/calls', revokedToken);
      assert.equal(refused.statusCode, 401);
      assert.equal(ErrorBody.parse(refused.json()).error, 'tokenRevoked');

      const past = await api.createToken({ actor: scored.officer, name: 'Hier', expiresOn: '2020-01-01' });
      assert.deepEqual(past, { ok: false, refusals: ['expiry-past'] });
    });

    test('funders: a token limited to one funder sees only its calls, even for an officer of both', async () => {
      const all = await tokenFor(both);
      const ids = (await get('/api/calls', all)).json().calls.map((c: { id: string }) => c.id);
      assert.ok(ids.includes(scored.callId) && ids.includes(other.callId));

      const one = await tokenFor(both, { funderIds: [scored.funderId] });
      const limited = (await get('/api/calls', one)).json().calls.map((c: { id: string }) => c.id);
      assert.ok(limited.includes(scored.callId));
      assert.ok(!limited.includes(other.callId), 'the other funder’s call is not listed');
      assert.notEqual((await get(`/api/calls/${other.callId}/screening`, one)).statusCode, 200);
      assert.equal((await get(`/api/calls/${scored.callId}/screening`, one)).statusCode, 200);

      const notTheirs = await api.createToken({ actor: scored.officer, name: 'X', funderIds: [other.funderId] });
      assert.deepEqual(notTheirs, { ok: false, refusals: ['funder-not-yours'] });
    });

    test('each request made with a token is in the audit trail: path, status, never the query string', async () => {
      const token = await tokenFor(scored.officer);
      await get(`/api/calls/${scored.callId}/ranking?limit=2`, token);
      const [row] = await app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'api-token.used'), eq(auditEvents.actorId, scored.officer.userId)))
        .orderBy(sql`${auditEvents.seq} desc`)
        .limit(1);
      assert.ok(row, 'audited');
      assert.equal(row.subjectType, 'api-token');
      assert.deepEqual(row.after, { method: 'GET', path: `/api/calls/${scored.callId}/ranking`, status: 200 });
    });

    test('screening, ranking and decision: read in pages by cursor, and only what changed since', async () => {
      const token = await tokenFor(scored.officer);
      const screening = ScreeningPage.parse((await get(`/api/calls/${scored.callId}/screening`, token)).json());
      assert.equal(screening.outcomes.length, Object.keys(scored.ids).length);
      const ineligible = screening.outcomes.find((o) => o.applicationId === scored.ids.ineligible)!;
      assert.equal(ineligible.eligibility, 'ineligible');
      assert.equal(screening.outcomes.find((o) => o.applicationId === scored.ids.ara)!.eligibility, 'eligible');
      assert.deepEqual(
        screening.outcomes.map((o) => o.reference),
        [...screening.outcomes.map((o) => o.reference)].sort(),
        'in reference order',
      );

      // The ranking, three at a time, follows the cursor to its end.
      const ranks: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url: string = `/api/calls/${scored.callId}/ranking?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page = RankingPage.parse((await get(url, token)).json());
        ranks.push(...page.ranking.map((r) => r.rank));
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      assert.deepEqual(
        ranks,
        ranks.map((_, i) => i + 1),
      );
      assert.equal(ranks.length, 8);
      assert.equal(pages, 3);

      const bad = await get(`/api/calls/${scored.callId}/ranking?cursor=nonsense`, token);
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        ErrorBody.parse(bad.json()).issues!.map((i) => i.path),
        ['cursor'],
      );

      const undecided = DecisionPage.parse((await get(`/api/calls/${scored.callId}/decision`, token)).json());
      assert.equal(undecided.decision, null);
      assert.deepEqual(undecided.outcomes, []);

      const before = new Date();
      await new Promise((r) => setTimeout(r, 5));
      const { decisions } = app.services;
      assert.equal(
        expectOk(await decisions.savePlan({ actor: scored.officer, callId: scored.callId, version: 0, plan: PLAN }))
          .status,
        'saved',
      );
      await decisions.confirmDecision({
        actor: scored.officer,
        callId: scored.callId,
        version: 1,
        decidingBody: { fr: 'Le Gouvernement bruxellois', nl: 'De Brusselse Regering' },
        decidedOn: '2026-11-20',
      });
      const decided = DecisionPage.parse((await get(`/api/calls/${scored.callId}/decision`, token)).json());
      assert.deepEqual(decided.decision!.decidingBody, {
        fr: 'Le Gouvernement bruxellois',
        nl: 'De Brusselse Regering',
        en: null,
      });
      assert.equal(decided.decision!.decidedOn, '2026-11-20');
      const selected = decided.outcomes.filter((o) => o.outcome === 'selected');
      assert.ok(selected.length >= 4);
      assert.ok(selected.every((o) => o.amountCents! > 0));
      assert.equal(decided.outcomes.find((o) => o.applicationId === scored.ids.ara)!.rank, 1);

      const since = encodeURIComponent(before.toISOString());
      const changed = DecisionPage.parse(
        (await get(`/api/calls/${scored.callId}/decision?changedSince=${since}`, token)).json(),
      );
      assert.equal(changed.outcomes.length, decided.outcomes.length, 'every outcome is new');
      const later = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
      const none = DecisionPage.parse(
        (await get(`/api/calls/${scored.callId}/decision?changedSince=${later}`, token)).json(),
      );
      assert.deepEqual(none.outcomes, [], 'nothing changed after now');
    });

    test('the OpenAPI document passes Redocly’s linter, without a warning', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'octroi-openapi-'));
      try {
        const file = join(dir, 'openapi.json');
        writeFileSync(file, JSON.stringify(openApiDocument('https://octroi.example.be')));
        const { stdout, stderr } = await run(
          process.execPath,
          [join('node_modules', '@redocly', 'cli', 'bin', 'cli.js'), 'lint', '--format', 'json', file],
          { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
        ).catch((error: { stdout: string; stderr: string }) => error);
        const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
        assert.deepEqual([report.totals.errors, report.totals.warnings], [0, 0], stdout + stderr);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
