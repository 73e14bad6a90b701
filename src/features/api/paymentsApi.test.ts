// The API's writes: the funder's accounting system tells what the bank did with a payment batch (paid, a
// transfer rejected or sent back), with a token carrying the `write` scope, through the officers' own
// commands. What it answers is the batch as the list shows it; what it refuses, it says why.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { signAgreement } from '../../../test/helpers/grantAgreement.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { decideByRanking, scoredCall, setTranchePlan, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { expectOk } from '../../domain/refusal.ts';
import { eventOfAction } from '../../domain/webhooks.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { ErrorBody, PaymentBatch, PaymentBatchPage, TranchePage } from './contract.ts';
import { apiService } from './service.ts';

const NOW = new Date();
const TODAY = instantToBrussels(NOW).date;
const YEAR = Number(TODAY.slice(0, 4));
const PERIOD = { periodStart: `${YEAR - 1}-01-01`, periodEnd: `${YEAR}-12-31` };
const SOME_ID = '00000000-0000-4000-8000-000000000000';

for (const backend of backends()) {
  describe(`API writes on payment batches on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let grants: { ara: string; habitat: string };
    let batchId: string;
    let tranches: { ara: string; habitat: string };
    let writer: string;
    let reader: string;
    let otherFunder: string;

    const post = (url: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.server.inject({
        method: 'POST',
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
    const get = (url: string) =>
      app.server.inject({ method: 'GET', url, headers: { authorization: `Bearer ${reader}` } });
    const trancheOf = async (grantId: string) =>
      TranchePage.parse((await get(`/api/grants/${grantId}/tranches`)).json()).tranches[0]!;
    const listed = async () =>
      PaymentBatchPage.parse((await get(`/api/funders/${call.funderId}/payment-batches`)).json()).batches;
    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };
    const paid = () => `/api/payment-batches/${batchId}/paid`;
    const outcome = (trancheId: string, what: 'failed' | 'returned') =>
      `/api/payment-batches/${batchId}/tranches/${trancheId}/${what}`;

    before(async () => {
      app = await buildTestApp(backend);
      const api = apiService({ ...app.deps, ...app.services });
      call = await scoredCall(app, { password: PASSWORD });
      const other = await scoredCall(app, { password: PASSWORD });
      await setTranchePlan(app, call.callId, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      await decideByRanking(app, call, { decidedOn: TODAY });
      officer = await signIn(call.officerEmail);
      await officer.get(`/manage/calls/${call.callId}/grants`);
      const grantOf = async (key: 'ara' | 'habitat') =>
        (await app.services.grants.grantOfApplication(call.officer, call.ids[key]))!.id;
      grants = { ara: await grantOf('ara'), habitat: await grantOf('habitat') };
      const payments = `/manage/calls/${call.callId}/payments`;
      const settings = await officer.submit(
        `/manage/calls/${call.callId}/payment-settings`,
        { debtorName: 'Paradigm', debtorIban: 'BE68 5390 0754 7034', debtorBic: 'GKCCBEBB', threshold: '1 000 000' },
        { from: payments },
      );
      assert.equal(settings.statusCode, 303);
      // Two grants signed, their first tranches approved by the officer and put in one batch, on the pages.
      for (const key of ['ara', 'habitat'] as const) {
        await signAgreement(officer, await signIn(call.emails[key]), grants[key], PERIOD);
        const [first] = await app.services.grants
          .grantPage(call.officer, grants[key])
          .then((p) => p.scoped.record.tranches);
        const from = `/grants/${grants[key]}`;
        const approve = `${from}/tranches/${first!.id}/approve`;
        assert.equal((await officer.submit(approve, { version: String(first!.version) }, { from })).statusCode, 303);
      }
      reader = expectOk(await api.createToken({ actor: call.officer, name: 'read' })).token;
      tranches = { ara: (await trancheOf(grants.ara)).id, habitat: (await trancheOf(grants.habitat)).id };
      const made = await officer.submit(
        payments,
        { tranche: [tranches.ara, tranches.habitat], executionDate: '2099-01-05' },
        { from: payments },
      );
      assert.equal(made.statusCode, 303, made.body.slice(0, 300));
      batchId = (made.headers.location as string).split('/').at(-1)!;
      writer = expectOk(await api.createToken({ actor: call.officer, name: 'books', scopes: ['read', 'write'] })).token;
      otherFunder = expectOk(
        await api.createToken({ actor: other.officer, name: 'x', scopes: ['read', 'write'] }),
      ).token;
    });
    after(() => app?.close());

    test('a token with the read scope only is refused every write, naming the scope; nothing changes', async () => {
      for (const [url, body] of [
        [paid(), undefined],
        [outcome(tranches.habitat, 'failed'), { reason: 'AC04' }],
        [outcome(tranches.habitat, 'returned'), { reason: 'AC04' }],
      ] as const) {
        const res = await post(url, reader, body);
        assert.equal(res.statusCode, 403, url);
        assert.equal(ErrorBody.parse(res.json()).error, 'insufficientScope');
        assert.match(String(res.headers['www-authenticate']), /scope="write"/);
      }
      assert.equal((await listed())[0]!.status, 'created');
    });

    test('another funder’s token does not find the batch; no token at all is a 401', async () => {
      for (const url of [paid(), outcome(tranches.habitat, 'failed')]) {
        const res = await post(url, otherFunder, url === paid() ? {} : { reason: 'AC04' });
        assert.equal(res.statusCode, 404, url);
        assert.equal(ErrorBody.parse(res.json()).error, 'notFound');
      }
      const anonymous = await app.server.inject({ method: 'POST', url: paid() });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await post(`/api/payment-batches/${SOME_ID}/paid`, writer)).statusCode, 404);
      assert.equal((await trancheOf(grants.ara)).status, 'in-batch');
    });

    test('a body that is not as described is a 400 naming the field', async () => {
      for (const [url, body] of [
        [paid(), { paidOn: 'yesterday' }],
        [paid(), { paidOn: TODAY, by: 'someone' }],
        [outcome(tranches.habitat, 'failed'), {}],
        [outcome(tranches.habitat, 'failed'), { reason: '   ' }],
        [outcome(tranches.habitat, 'failed'), { reason: 'x'.repeat(501) }],
      ] as const) {
        const res = await post(url, writer, body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        const error = ErrorBody.parse(res.json());
        assert.equal(error.error, 'badRequest');
        assert.ok(error.issues?.length, JSON.stringify(body));
      }
      const notJson = await post(paid(), writer, undefined, { 'content-type': 'application/json' });
      assert.equal(notJson.statusCode, 400);
      const list = await app.server.inject({
        method: 'POST',
        url: outcome(tranches.habitat, 'failed'),
        headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' },
        payload: '["AC04"]',
      });
      assert.equal(list.statusCode, 400);
      assert.equal((await trancheOf(grants.habitat)).status, 'in-batch');
    });

    test('refusals in the batch’s state are 409s with a stable code and a translated message', async () => {
      const stranger = await post(outcome(SOME_ID, 'failed'), writer, { reason: 'AC04' }, { 'accept-language': 'fr' });
      assert.equal(stranger.statusCode, 409);
      assert.deepEqual(ErrorBody.parse(stranger.json()), {
        error: 'unknownTranche',
        message: 'Cette tranche ne fait pas partie de ce lot.',
      });
      const future = await post(paid(), writer, { paidOn: `${YEAR + 1}-01-01` }, { 'accept-language': 'nl' });
      assert.equal(future.statusCode, 409);
      assert.equal(ErrorBody.parse(future.json()).error, 'paidOn');
      assert.match(ErrorBody.parse(future.json()).message, /betaaldatum/);
      const before = await post(paid(), writer, { paidOn: '2000-01-03' });
      assert.equal(ErrorBody.parse(before.json()).error, 'paidOn', 'not before the batch was made');
      const early = await post(outcome(tranches.ara, 'returned'), writer, { reason: 'MD06' });
      assert.equal(early.statusCode, 409, 'returned only once the batch is paid');
      assert.equal(ErrorBody.parse(early.json()).error, 'notNow');
    });

    test('a transfer rejected, then the batch paid: the tranches say so, and the answer is the batch as listed', async () => {
      const failed = await post(outcome(tranches.habitat, 'failed'), writer, { reason: 'AC04 closed account' });
      assert.equal(failed.statusCode, 200, failed.body.slice(0, 300));
      assert.equal(PaymentBatch.parse(failed.json()).status, 'created');
      assert.equal((await trancheOf(grants.habitat)).status, 'failed');
      const [rejection] = await app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, batchId), eq(auditEvents.action, 'grant.tranche-failed')));
      assert.equal(rejection?.reason, 'AC04 closed account');

      const res = await post(paid(), writer, { paidOn: TODAY });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      const batch = PaymentBatch.parse(res.json());
      assert.equal(batch.status, 'paid');
      assert.deepEqual(batch, (await listed())[0], 'the batch as the list presents it');
      const ara = await trancheOf(grants.ara);
      assert.deepEqual([ara.status, ara.batchId], ['paid', batchId]);
      assert.equal((await trancheOf(grants.habitat)).status, 'failed', 'a rejected transfer stays unpaid');

      // Audited by the command, whose row is what the batch.paid webhook announces, and the token's use beside it.
      const rows = await app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, batchId));
      const paidRow = rows.find((r) => r.action === 'grant.batch-paid');
      assert.ok(paidRow);
      assert.equal(eventOfAction(paidRow.action), 'batch.paid');
      const uses = await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'api-token.used'));
      const told = uses.map((u) => u.after as { method: string; path: string; status: number });
      assert.ok(told.some((u) => u.method === 'POST' && u.path === paid() && u.status === 200));

      const again = await post(paid(), writer);
      assert.equal(again.statusCode, 409, 'telling it twice changes nothing');
      assert.equal(ErrorBody.parse(again.json()).error, 'alreadyPaid');
      assert.equal(
        (await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'grant.batch-paid'))).length,
        1,
      );
      const late = await post(outcome(tranches.ara, 'failed'), writer, { reason: 'AC04' }, { 'accept-language': 'en' });
      assert.equal(late.statusCode, 409);
      assert.match(ErrorBody.parse(late.json()).message, /already marked paid/);
    });

    test('a paid transfer sent back: the tranche is no longer paid; twice is refused', async () => {
      const res = await post(outcome(tranches.ara, 'returned'), writer, { reason: 'MD06 refund request' });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.equal(PaymentBatch.parse(res.json()).status, 'paid');
      const ara = await trancheOf(grants.ara);
      assert.deepEqual([ara.status, ara.paidAt], ['returned', null]);
      const again = await post(outcome(tranches.ara, 'returned'), writer, { reason: 'MD06' });
      assert.equal(again.statusCode, 409);
      assert.equal(ErrorBody.parse(again.json()).error, 'notNow');
    });
  });
}
