// The impact pages on a real database: a published call's grants, one tranche paid, approved reports with small
// cells. Its officers see every figure; the public sees aggregates only, cells under 5 people as "< 5", no
// organisation and no grant; an organisation's member sees no dashboard. The 360Giving feed says what was paid.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { assertValid, validatePackage } from '../../../test/helpers/threeSixtyGiving.ts';
import { scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { reportedGrants, rowsOf } from '../../../test/helpers/impactData.ts';

const EN = { 'accept-language': 'en' };

for (const backend of backends()) {
  describe(`impact dashboards and the public programme page on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let member: Agent;
    let grantIds: string[];

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      grantIds = await reportedGrants(app, call);
      officer = await signIn(call.officerEmail);
      member = await signIn(call.emails.ara);
    });
    after(() => app?.close());

    test("the call's officers see every figure, with the small cells, and each chart's CSV", async () => {
      const page = await officer.get(`/manage/calls/${call.callId}/impact`, EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<svg[^>]*role="img"/);
      assert.ok(page.body.includes('Participants by commune of residence'));
      const csv = await officer.get(`/manage/calls/${call.callId}/impact/communes.csv`, EN);
      assert.ok(!csv.body.includes('< 5'), 'officers see exact counts');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /Evere;5;/, 'Evere: 3 + 2 people');
      const budget = await officer.get(`/manage/calls/${call.callId}/impact/budget.csv`, EN);
      assert.match(budget.body, /Budget;250000;100%/);
      assert.equal((await officer.get(`/manage/calls/${call.callId}/impact/nothing.csv`)).statusCode, 404);
      assert.equal((await officer.get('/manage/impact', EN)).statusCode, 200);
      assert.equal((await officer.get('/manage/impact/ages.csv', EN)).statusCode, 200);
    });

    test('the public sees aggregates only: no organisation, no grant, cells under 5 people as "< 5"', async () => {
      const page = await app.agent().get('/impact', EN);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('&lt; 5'));
      assert.ok(!page.body.includes('Marie'), 'no narrative');
      const { body: home } = await app.agent().get('/', EN);
      assert.ok(home.includes('href="/impact"'), 'linked from the home page');
      const grants = await app.database.db.execute(sql`select reference, organisation_name from grants`);
      for (const g of rowsOf<{ reference: string; organisation_name: string }>(grants)) {
        assert.ok(!page.body.includes(g.reference), g.reference);
        assert.ok(!page.body.includes(g.organisation_name), g.organisation_name);
      }
      const csv = await app.agent().get('/impact/genders.csv', EN);
      assert.equal(csv.statusCode, 200);
      const publics = await app.agent().get('/impact/communes.csv', EN);
      assert.match(publics.body, /Evere;5;/, '3 + 2 people in all: shown');
      const ages = await app.agent().get('/impact/ages.csv', EN);
      assert.match(ages.body, /16 to 24;8;/);
      for (const lang of ['fr', 'nl'])
        assert.equal((await app.agent().get('/impact', { 'accept-language': lang })).statusCode, 200);
    });

    test('a cell under 5 is hidden from the public, with a second cell so that the total does not give it away', async () => {
      await app.database.db.execute(
        sql`update grant_reports set values = jsonb_set(values, '{participants-by-commune}', '{"21004": 25, "21015": 15}') where grant_id = ${grantIds[1]}`,
      );
      await app.database.db.execute(
        sql`update grant_reports set values = jsonb_set(values, '{participants}', '40') where grant_id = ${grantIds[1]}`,
      );
      const csv = (await app.agent().get('/impact/communes.csv', EN)).body;
      assert.match(csv, /Evere;< 5;/);
      assert.match(csv, /Schaerbeek;withheld;/, 'the smallest other cell, withheld: 80 − 50 would give Evere away');
      assert.match(csv, /Bruxelles;50;/);
      assert.equal(csv.split('\r\n').filter((l) => l.includes('< 5')).length, 1);
    });

    test('an organisation and a stranger see no dashboard; the public is asked to sign in', async () => {
      for (const path of [`/manage/calls/${call.callId}/impact`, `/manage/calls/${call.callId}/impact/communes.csv`])
        assert.ok([403, 404].includes((await member.get(path)).statusCode), path);
      assert.equal((await member.get('/manage/impact')).statusCode, 403);
      assert.equal((await member.get('/manage/impact/communes.csv')).statusCode, 403);
      assert.equal((await app.agent().get('/manage/impact')).statusCode, 303);
    });

    test('the 360Giving feed says what was paid on each grant, valid against the schema', async () => {
      const res = await app.agent().get('/open-data/360giving.json');
      assert.equal(res.statusCode, 200);
      const pkg = JSON.parse(res.body) as {
        grants: { amountDisbursed?: number; disbursementTransaction?: unknown[] }[];
      };
      assertValid(validatePackage, pkg, 'package');
      const paid = pkg.grants.filter((g) => (g.amountDisbursed ?? 0) > 0);
      assert.equal(paid.length, 1);
      assert.equal(paid[0]?.disbursementTransaction?.length, 1);
      assert.ok(pkg.grants.every((g) => g.amountDisbursed !== undefined));
    });
  });
}
