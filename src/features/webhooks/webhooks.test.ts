// Webhooks end to end: events read from the audit trail, delivered to a real HTTP receiver on
// loopback that checks each Standard Webhooks signature, retried on the schedule, paused with a mail
// after repeated failures, resumed, replayed; and the administrators' pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import type { Actor } from '../../domain/access.ts';
import { standardForm } from '../../domain/forms/template.ts';
import { expectOk } from '../../domain/refusal.ts';
import { RETRY_SCHEDULE_SECONDS } from '../../domain/webhooks.ts';
import { webhooksService, type WebhooksService } from './service.ts';
import { sign, verifySignature } from './signature.ts';

const DAY = 86_400_000;

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  valid: boolean;
}

/** A receiver as a funder's system would run one: it checks every signature with the secret it was given. */
async function startReceiver() {
  const state = { answer: 204, secret: '', received: [] as Received[] };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const headers = {
        id: String(request.headers['webhook-id']),
        timestamp: String(request.headers['webhook-timestamp']),
        signature: String(request.headers['webhook-signature']),
      };
      const valid = verifySignature(state.secret, headers, body, Number(headers.timestamp) * 1000);
      state.received.push({ ...headers, body, valid });
      response.writeHead(valid ? state.answer : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { state, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

for (const backend of backends()) {
  describe(`webhooks on ${backend.name}`, () => {
    let app: TestApp;
    let hooks: WebhooksService;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let admin: Actor;
    let adminAgent: Agent;
    let adminEmail: string;
    let officer: Actor;
    let funderId: string;
    let otherFunderId: string;
    let n = 0;

    const newCall = async (funder: string, actor: Actor) => {
      const callId = expectOk(
        await app.services.calls.createCall({
          actor,
          form: standardForm(),
          call: {
            funderId: funder,
            code: `WH${++n}`,
            title: { fr: 'Appel' },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 10_000_000,
            grantMinCents: 1_000_000,
            grantMaxCents: 2_000_000,
            coFundingMaxPercent: 80,
            opensAt: new Date(Date.now() - DAY),
            closesAt: new Date(Date.now() + 30 * DAY),
            targetPublics: ['seniors'],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor, callId }));
      return callId;
    };

    before(async () => {
      app = await buildTestApp(backend);
      hooks = webhooksService({ ...app.deps, allowHttp: true, pauseAfter: 3 });
      receiver = await startReceiver();
      const platform = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(
        await app.services.admin.createFunder({ actor: platform, slug: 'hooks', name: { fr: 'Hooks' } }),
      );
      otherFunderId = expectOk(
        await app.services.admin.createFunder({ actor: platform, slug: 'ailleurs', name: { fr: 'Ailleurs' } }),
      );
      const a = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({ actor: platform, funderId, email: a.email, role: 'administrator' }),
      );
      admin = { ...a.actor, grants: [{ funderId, role: 'administrator' }] };
      adminAgent = a.agent;
      adminEmail = a.email;
      const o = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: platform, funderId, email: o.email, role: 'officer' }));
      expectOk(
        await app.services.admin.grantRole({
          actor: platform,
          funderId: otherFunderId,
          email: o.email,
          role: 'officer',
        }),
      );
      officer = {
        ...o.actor,
        grants: [
          { funderId, role: 'officer' },
          { funderId: otherFunderId, role: 'officer' },
        ],
      };
    });
    after(async () => {
      await receiver?.close();
      await app?.close();
    });

    test('an event at the funder reaches the endpoint, signed; other funders’ and unsubscribed events do not', async () => {
      const registered = expectOk(
        await hooks.registerEndpoint({
          actor: admin,
          funderId,
          url: receiver.url,
          description: 'Comptabilité',
          events: ['call.published', 'decision.taken'],
        }),
      );
      receiver.state.secret = registered.secret;
      assert.match(registered.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const resultsOnly = expectOk(
        await hooks.registerEndpoint({
          actor: admin,
          funderId,
          url: receiver.url,
          description: '',
          events: ['results.published'],
        }),
      );

      const callId = await newCall(funderId, officer);
      await newCall(otherFunderId, officer);
      const run = await hooks.run();
      assert.deepEqual(run, { queued: 1, delivered: 1, failed: 0 });
      assert.equal(receiver.state.received.length, 1);
      const [message] = receiver.state.received;
      assert.ok(message!.valid, 'the signature verifies with the endpoint’s secret');
      const body = JSON.parse(message!.body);
      assert.equal(body.type, 'call.published');
      assert.deepEqual(body.data.subject, { type: 'call', id: callId });
      assert.equal(body.data.funderId, funderId);
      assert.equal(body.data.status, 'published');

      const page = await hooks.endpoint(admin, registered.id);
      assert.equal(page.deliveries.length, 1);
      assert.equal(page.deliveries[0]!.status, 'delivered');
      assert.equal(page.deliveries[0]!.id, message!.id, 'webhook-id is the delivery’s id');
      assert.equal(page.deliveries[0]!.lastStatusCode, 204);
      assert.deepEqual((await hooks.endpoint(admin, resultsOnly.id)).deliveries, []);
      assert.deepEqual(await hooks.run(), { queued: 0, delivered: 0, failed: 0 }, 'nothing twice');
    });

    test('a signature checks the id, the timestamp and the body with the secret, and is refused when stale', () => {
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const signature = sign(secret, 'msg_1', 1_700_000_000, '{"a":1}');
      const headers = { id: 'msg_1', timestamp: '1700000000', signature };
      const at = 1_700_000_000_000;
      assert.ok(verifySignature(secret, headers, '{"a":1}', at));
      assert.ok(verifySignature(secret, { ...headers, signature: `v1,bogus ${signature}` }, '{"a":1}', at));
      assert.ok(!verifySignature(secret, headers, '{"a":2}', at), 'another body');
      assert.ok(!verifySignature(secret, { ...headers, id: 'msg_2' }, '{"a":1}', at), 'another id');
      assert.ok(!verifySignature('whsec_' + Buffer.from('other').toString('base64'), headers, '{"a":1}', at));
      assert.ok(!verifySignature(secret, headers, '{"a":1}', at + 301_000), 'older than five minutes');
    });

    test('failures are retried on the schedule; after three in a row the endpoint pauses and its funder is told', async () => {
      const endpoint = (await hooks.funderEndpoints(admin, funderId)).endpoints.find(
        (e) => e.url === receiver.url && e.events.includes('call.published'),
      )!;
      receiver.state.answer = 500;
      const before = receiver.state.received.length;
      await newCall(funderId, officer);
      let now = new Date();
      assert.deepEqual(await hooks.run(now), { queued: 1, delivered: 0, failed: 1 });
      let [delivery] = (await hooks.endpoint(admin, endpoint.id, { status: 'pending' })).deliveries;
      assert.equal(delivery!.attempts, 1);
      assert.equal(delivery!.lastStatusCode, 500);
      assert.equal(delivery!.nextAttemptAt.getTime() - now.getTime(), RETRY_SCHEDULE_SECONDS[1]! * 1000);
      assert.deepEqual(await hooks.deliver(now), { delivered: 0, failed: 0 }, 'not before its time');

      now = new Date(now.getTime() + 6_000);
      assert.deepEqual(await hooks.deliver(now), { delivered: 0, failed: 1 });
      now = new Date(now.getTime() + 301_000);
      assert.deepEqual(await hooks.deliver(now), { delivered: 0, failed: 1 });
      const paused = (await hooks.endpoint(admin, endpoint.id)).endpoint;
      assert.equal(paused.status, 'paused');
      assert.equal(paused.consecutiveFailures, 3);
      assert.equal(receiver.state.received.length - before, 3, 'three real attempts');
      assert.ok(
        receiver.state.received.slice(before).every((r) => r.valid && r.id === delivery!.id),
        'same id each time',
      );

      const mails = await app.mailsTo(adminEmail);
      assert.ok(
        mails.some((m) => /Webhook/.test(m.subject) && m.text.includes(receiver.url)),
        'the funder is told',
      );

      // Paused: nothing leaves, but events still queue.
      await newCall(funderId, officer);
      now = new Date(now.getTime() + 2 * 3600_000);
      assert.deepEqual(await hooks.run(now), { queued: 1, delivered: 0, failed: 0 });

      // Fixed and resumed: what waited leaves, the failures are forgotten.
      receiver.state.answer = 200;
      await hooks.setEndpointStatus({ actor: admin, endpointId: endpoint.id, status: 'active' });
      assert.deepEqual(await hooks.deliver(now), { delivered: 2, failed: 0 });
      const resumed = await hooks.endpoint(admin, endpoint.id);
      assert.equal(resumed.endpoint.consecutiveFailures, 0);
      assert.ok(resumed.deliveries.every((d) => d.status === 'delivered'));
      [delivery] = resumed.deliveries;

      // Replayed: the very same message (id and body) once more.
      const count = receiver.state.received.length;
      await hooks.replayDelivery({ actor: admin, deliveryId: delivery!.id });
      assert.deepEqual(await hooks.deliver(), { delivered: 1, failed: 0 });
      const replayed = receiver.state.received.at(-1)!;
      assert.equal(receiver.state.received.length, count + 1);
      assert.equal(replayed.id, delivery!.id);
      assert.equal(replayed.body, delivery!.payload);
      assert.ok(replayed.valid);
    });

    test('who may: an officer, another funder’s administrator and the public see no endpoint', async () => {
      const [endpoint] = (await hooks.funderEndpoints(admin, funderId)).endpoints;
      await assert.rejects(hooks.funderEndpoints(officer, funderId), { name: 'NotFoundError' });
      await assert.rejects(hooks.endpoint(officer, endpoint!.id), { name: 'NotFoundError' });
      await assert.rejects(hooks.setEndpointStatus({ actor: officer, endpointId: endpoint!.id, status: 'paused' }), {
        name: 'NotFoundError',
      });
      await assert.rejects(hooks.endpoint(null, endpoint!.id), { name: 'SignInRequiredError' });
      const refused = await hooks.registerEndpoint({
        actor: admin,
        funderId,
        url: 'ftp://x',
        description: '',
        events: [],
      });
      assert.deepEqual(refused, { ok: false, refusals: ['url-invalid', 'no-event'] });
      const strict = webhooksService({ ...app.deps, allowHttp: false });
      const http = await strict.registerEndpoint({
        actor: admin,
        funderId,
        url: receiver.url,
        description: '',
        events: ['call.closed'],
      });
      assert.deepEqual(http, { ok: false, refusals: ['url-not-https'] });
    });

    test('the pages: an administrator registers an https address, sees its secret, pauses, resumes and replays', async () => {
      const list = await adminAgent.get(`/admin/funders/${funderId}/webhooks`);
      assert.equal(list.statusCode, 200);
      assert.match(list.body, new RegExp(receiver.url.replace(/[/.]/g, '\\$&')));
      assert.match(
        (await adminAgent.get(`/admin/funders/${funderId}`)).body,
        /href="\/admin\/funders\/[^"]+\/webhooks"/,
      );

      const from = { from: `/admin/funders/${funderId}/webhooks` };
      const http = await adminAgent.submit(
        `/admin/funders/${funderId}/webhooks`,
        { url: receiver.url, events: 'call.closed' },
        from,
      );
      assert.equal(http.statusCode, 422, 'plain http is refused by the installation’s default');
      assert.match(http.body, /must start with https:\/\//);
      const none = await adminAgent.submit(
        `/admin/funders/${funderId}/webhooks`,
        { url: 'https://ged.example.be/in' },
        from,
      );
      assert.equal(none.statusCode, 422);
      assert.match(none.body, /Choose at least one event/);

      const created = await adminAgent.submit(
        `/admin/funders/${funderId}/webhooks`,
        { url: 'https://ged.example.be/in', description: 'GED', events: ['decision.taken', 'results.published'] },
        from,
      );
      assert.equal(created.statusCode, 303);
      const page = String(created.headers.location);
      assert.match(page, /^\/admin\/webhooks\/[0-9a-f-]{36}$/);
      const shown = await adminAgent.get(page);
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /value="whsec_[A-Za-z0-9+/=]+"/, 'the secret, for the receiver');
      assert.match(shown.body, /Decision taken, Results published/);

      assert.equal((await adminAgent.submit(`${page}/pause`, {}, { from: page })).statusCode, 303);
      assert.match((await adminAgent.get(page)).body, /Paused since/);
      assert.equal((await adminAgent.submit(`${page}/resume`, {}, { from: page })).statusCode, 303);
      assert.match((await adminAgent.get(page)).body, /No failure in a row/);

      const [endpoint] = (await hooks.funderEndpoints(admin, funderId)).endpoints.filter(
        (e) => e.url === receiver.url && e.events.includes('call.published'),
      );
      const [delivery] = (await hooks.endpoint(admin, endpoint!.id)).deliveries;
      const replay = await adminAgent.submit(
        `/admin/webhooks/deliveries/${delivery!.id}/replay`,
        {},
        { from: `/admin/webhooks/${endpoint!.id}` },
      );
      assert.equal(replay.statusCode, 303);
      assert.equal(replay.headers.location, `/admin/webhooks/${endpoint!.id}`);

      const stranger = await app.signedIn();
      assert.equal((await stranger.agent.get(`/admin/funders/${funderId}/webhooks`)).statusCode, 404);
      assert.equal((await stranger.agent.get(page)).statusCode, 404);
      const anonymous = await app.agent().get(page);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/sign-in/);
    });
  });
}
