// The API's reads after the decision: a call's grants, a grant's tranches and reports, a funder's
// payment batches, the directory's published places. Scoped per funder as the pages are, paged by
// cursor, and each response checked against the schema its operation declares.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { signAgreement } from '../../../test/helpers/grantAgreement.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { decideByRanking, scoredCall, setTranchePlan, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { buildPlace } from '../../domain/directory/testing/buildPlace.ts';
import { expectOk } from '../../domain/refusal.ts';
import { ErrorBody, GrantPage, PaymentBatchPage, PlacePage, ReportPage, TranchePage } from './contract.ts';
import { apiService, type ApiService } from './service.ts';

const NOW = new Date();
const YEAR = Number(instantToBrussels(NOW).date.slice(0, 4));
const PERIOD = { periodStart: `${YEAR - 1}-01-01`, periodEnd: `${YEAR}-12-31` };
/** A body that parses with its schema and to itself: no field beyond those the schema declares. */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.parse(body);
  assert.deepEqual(parsed, body, 'no field beyond those the schema declares');
  return parsed;
}

for (const backend of backends()) {
  describe(`API reads of grants, reports, payments and places on ${backend.name}`, () => {
    let app: TestApp;
    let api: ApiService;
    let call: ScoredCall;
    let other: ScoredCall;
    let officer: Agent;
    let member: Agent;
    let grantId: string;
    let tokenA: string;
    let tokenB: string;

    const get = (url: string, token: string) =>
      app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      api = apiService({ ...app.deps, ...app.services });
      call = await scoredCall(app, { password: PASSWORD });
      other = await scoredCall(app, { password: PASSWORD });
      await setTranchePlan(app, call.callId, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      await decideByRanking(app, call, { decidedOn: instantToBrussels(NOW).date });
      officer = await signIn(call.officerEmail);
      member = await signIn(call.emails.ara);
      // The agreement of one grant: sent, accepted, countersigned, through the grants' own pages.
      await officer.get(`/manage/calls/${call.callId}/grants`);
      grantId = (await app.services.grants.grantOfApplication(call.officer, call.ids.ara))!.id;
      await signAgreement(officer, member, grantId, PERIOD);
      tokenA = expectOk(await api.createToken({ actor: call.officer, name: 'A' })).token;
      tokenB = expectOk(await api.createToken({ actor: other.officer, name: 'B' })).token;
    });
    after(() => app?.close());

    test('a call’s grants: state, ledger and agreement versions, for its funder’s token', async () => {
      const res = await get(`/api/calls/${call.callId}/grants`, tokenA);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const page = conforms(GrantPage, res.json());
      assert.equal(page.callId, call.callId);
      assert.ok(page.grants.length >= 5);
      assert.equal(page.nextCursor, null);
      const ara = page.grants.find((g) => g.id === grantId)!;
      assert.equal(ara.status, 'active', 'countersigned, its period under way');
      assert.equal(ara.offeredCents, 5_690_400);
      assert.deepEqual(
        ara.agreementVersions.map((v) => [v.number, v.status, v.amountCents]),
        [[1, 'countersigned', 5_690_400]],
      );
      assert.equal(ara.ledger.grantedCents, 5_690_400);
      assert.equal(ara.ledger.dueCents + ara.ledger.plannedCents, 5_690_400, 'nothing approved or paid yet');
      assert.ok(page.grants.filter((g) => g.id !== grantId).every((g) => g.agreementVersions.length === 0));
      const references = page.grants.map((g) => g.reference);
      assert.deepEqual(references, [...references].sort());
    });

    test('a grant’s tranches, in their order, with their amounts', async () => {
      const res = await get(`/api/grants/${grantId}/tranches`, tokenA);
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const page = conforms(TranchePage, res.json());
      assert.deepEqual(
        page.tranches.map((t) => [t.number, t.percent, t.trigger, t.amountCents]),
        [
          [1, 80, 'signature', 4_552_320],
          [2, 20, 'final-report', 1_138_080],
        ],
      );
      assert.equal(page.tranches[0]!.status, 'due', 'the signature released it');
      assert.equal(page.tranches[1]!.status, 'planned');
    });

    test('a grant’s reports: status, due dates and indicator values, the narrative included', async () => {
      // Reading writes nothing: the reports are scheduled by the clock (or the grant's own pages), not by a read.
      for (let i = 0; i < 2; i++)
        assert.deepEqual(
          conforms(ReportPage, (await get(`/api/grants/${grantId}/reports`, tokenA)).json()).reports,
          [],
        );
      await app.services.reports.runClock();
      const first = conforms(ReportPage, (await get(`/api/grants/${grantId}/reports`, tokenA)).json());
      assert.deepEqual(
        first.reports.map((r) => r.kind),
        ['interim', 'final'],
      );
      const interim = first.reports[0]!;
      assert.equal(interim.status, 'due');
      assert.equal(interim.overdue, true);
      assert.ok(interim.dueAt < first.reports[1]!.dueAt);
      // The organisation saves its figures and its narrative.
      const from = `/reports/${interim.id}`;
      const beforeSave = new Date().toISOString();
      const version = /name="version" value="(\d+)"/.exec((await member.get(from)).body)![1]!;
      const saved = await member.submit(
        from,
        { version, intent: 'save', 'i.participants': '12', 'i.narrative': 'Des ateliers chaque semaine.' },
        { from },
      );
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
      const res = await get(`/api/grants/${grantId}/reports`, tokenA);
      const page = conforms(ReportPage, res.json());
      const values = page.reports[0]!.values;
      assert.equal(values.participants, 12);
      assert.equal(values.narrative, 'Des ateliers chaque semaine.');
      assert.equal(page.reports[0]!.status, 'draft');
      assert.ok(!/savedBy|submittedBy|decidedBy|remarks|@/.test(res.body), 'nothing about who');
      // Saving is a change: only that report is listed as changed since just before.
      const since = conforms(
        ReportPage,
        (await get(`/api/grants/${grantId}/reports?changedSince=${beforeSave}`, tokenA)).json(),
      );
      assert.deepEqual(
        since.reports.map((r) => r.id),
        [interim.id],
      );
    });

    test('another funder’s token sees none of it: the call is refused, the grant is not found', async () => {
      const grants = await get(`/api/calls/${call.callId}/grants`, tokenB);
      assert.ok([403, 404].includes(grants.statusCode), String(grants.statusCode));
      ErrorBody.parse(grants.json());
      for (const path of [
        `/api/grants/${grantId}/tranches`,
        `/api/grants/${grantId}/reports`,
        `/api/funders/${call.funderId}/payment-batches`,
      ]) {
        const res = await get(path, tokenB);
        assert.equal(res.statusCode, 404, path);
        assert.equal(ErrorBody.parse(res.json()).error, 'notFound');
      }
      // Its own funder's lists are there, and empty.
      assert.deepEqual(conforms(GrantPage, (await get(`/api/calls/${other.callId}/grants`, tokenB)).json()).grants, []);
      const batches = await get(`/api/funders/${other.funderId}/payment-batches`, tokenB);
      assert.equal(batches.statusCode, 200);
      assert.deepEqual(conforms(PaymentBatchPage, batches.json()).batches, []);
      // A token limited to the other funder does not reach this one's, even for an officer of both.
      const missing = await get(`/api/grants/00000000-0000-4000-8000-000000000000/tranches`, tokenA);
      assert.equal(missing.statusCode, 404);
    });

    test('cursor pages walk every grant once; changedSince keeps what changed since; bad cursors are refused', async () => {
      const all = conforms(GrantPage, (await get(`/api/calls/${call.callId}/grants`, tokenA)).json()).grants;
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/calls/${call.callId}/grants?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = conforms(GrantPage, (await get(url, tokenA)).json());
        assert.ok(page.grants.length <= 2);
        seen.push(...page.grants.map((g) => g.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        all.map((g) => g.id),
      );
      const future = new Date(Date.now() + 60_000).toISOString();
      const none = conforms(
        GrantPage,
        (await get(`/api/calls/${call.callId}/grants?changedSince=${future}`, tokenA)).json(),
      );
      assert.deepEqual(none.grants, []);
      const tranches = conforms(TranchePage, (await get(`/api/grants/${grantId}/tranches?limit=1`, tokenA)).json());
      assert.equal(tranches.tranches.length, 1);
      assert.ok(tranches.nextCursor);
      const rest = conforms(
        TranchePage,
        (await get(`/api/grants/${grantId}/tranches?limit=1&cursor=${tranches.nextCursor}`, tokenA)).json(),
      );
      assert.deepEqual(
        rest.tranches.map((t) => t.number),
        [2],
      );
      assert.equal(rest.nextCursor, null);
      const bad = await get(`/api/grants/${grantId}/reports?cursor=nonsense`, tokenA);
      assert.equal(bad.statusCode, 400);
      assert.equal(ErrorBody.parse(bad.json()).error, 'badRequest');
    });

    test('a funder’s payment batches: state, totals and the tranches each pays, not the file', async () => {
      const payments = `/manage/calls/${call.callId}/payments`;
      const settings = await officer.submit(
        `/manage/calls/${call.callId}/payment-settings`,
        { debtorName: 'Paradigm', debtorIban: 'BE68 5390 0754 7034', debtorBic: 'GKCCBEBB', threshold: '1 000 000' },
        { from: payments },
      );
      assert.equal(settings.statusCode, 303);
      const [first] = conforms(TranchePage, (await get(`/api/grants/${grantId}/tranches`, tokenA)).json()).tranches;
      const from = `/grants/${grantId}`;
      const version = /name="version" value="(\d+)"/.exec(
        (await officer.get(from)).body.split(`/tranches/${first!.id}/approve`)[1] ?? '',
      )?.[1];
      const approved = await officer.submit(`${from}/tranches/${first!.id}/approve`, { version: version! }, { from });
      assert.equal(approved.statusCode, 303);
      const made = await officer.submit(
        payments,
        { tranche: [first!.id], executionDate: '2099-01-05' },
        { from: payments },
      );
      assert.equal(made.statusCode, 303, made.body.slice(0, 300));
      const res = await get(`/api/funders/${call.funderId}/payment-batches`, tokenA);
      assert.equal(res.statusCode, 200);
      const page = conforms(PaymentBatchPage, res.json());
      assert.equal(page.batches.length, 1);
      const batch = page.batches[0]!;
      assert.deepEqual(
        [batch.status, batch.count, batch.totalCents, batch.callId, batch.trancheIds],
        ['created', 1, 4_552_320, call.callId, [first!.id]],
      );
      assert.ok(!res.body.includes('<?xml') && !res.body.includes('BE68'), 'neither the file nor the account');
      const tranches = conforms(
        TranchePage,
        (await get(`/api/grants/${grantId}/tranches?changedSince=${batch.createdAt}`, tokenA)).json(),
      );
      assert.equal(tranches.tranches.length, 1, 'only the tranche the batch took changed since');
      assert.deepEqual([tranches.tranches[0]!.status, tranches.tranches[0]!.batchId], ['in-batch', batch.id]);
      // Still none of it for the other funder's token.
      assert.equal((await get(`/api/funders/${call.funderId}/payment-batches`, tokenB)).statusCode, 404);
    });

    test('the directory’s places: published ones only, paged by id, without e-mail addresses', async () => {
      const add = async (id: string, publish: boolean) => {
        const place = buildPlace({ id, name: `Lieu ${id}`, emails: ['contact@example.org'] });
        const directory = app.services.directory;
        expectOk(
          await directory.createPlace({ actor: call.officer, place, funderId: call.funderId, organisationId: null }),
        );
        if (publish) expectOk(await directory.transitionPlace({ actor: call.officer, placeId: id, event: 'publish' }));
      };
      for (const id of ['api-place-c', 'api-place-a', 'api-place-b']) await add(id, true);
      await add('api-place-draft', false);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/directory/places?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await get(url, tokenB);
        assert.equal(res.statusCode, 200);
        assert.ok(!res.body.includes('contact@example.org'));
        const page = conforms(PlacePage, res.json());
        seen.push(...page.places.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ['api-place-a', 'api-place-b', 'api-place-c'], 'any funder’s token reads them all');
    });
  });
}
