import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectOk } from '../../domain/refusal.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildCall, buildFunder, buildPerson, type Person } from '../../../test/helpers/factories.ts';
import { publishedPagesCache } from './publishedPages.ts';

const DAY = 86_400_000;

describe('the published pages’ cache', () => {
  test('a page read before an invalidation and stored after it is not kept', () => {
    const cache = publishedPagesCache();
    const before = cache.generation;
    cache.invalidate('a correction committed meanwhile');
    const page = { status: 200, body: Buffer.from('old'), headers: {}, route: '/' };
    assert.equal(cache.put('fr /', before, page, 0), null);
    assert.equal(cache.get('fr /', 0), undefined);
    assert.ok(cache.put('fr /', cache.generation, page, 0));
    assert.ok(cache.get('fr /', 0));
  });

  test('a page is rendered anew after its maximum age, and the oldest goes first when full', () => {
    const cache = publishedPagesCache({ maxEntries: 2, maxAgeMs: 1000 });
    const page = { status: 200, body: Buffer.from('x'), headers: {}, route: '/' };
    cache.put('a', 0, page, 0);
    assert.ok(cache.get('a', 1000));
    assert.equal(cache.get('a', 1001), undefined);
    for (const key of ['a', 'b', 'c']) cache.put(key, 0, page, 0);
    assert.deepEqual(
      ['a', 'b', 'c'].map((k) => !!cache.get(k, 0)),
      [false, true, true],
    );
  });
});

for (const backend of backends()) {
  describe(`published pages on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Person;
    let callId: string;
    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      officer = await buildPerson(app, { funderId, role: 'officer' });
      callId = await buildCall(app, { officer: officer.actor, funderId });
    });
    after(() => app.close());

    test('a call page is served from memory with its ETag, and a conditional request gets a 304', async () => {
      const first = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' });
      assert.equal(first.statusCode, 200);
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.ok(first.headers['last-modified']);
      assert.equal(first.headers['cache-control'], 'public, no-cache');
      assert.match(String(first.headers.vary), /Cookie/);
      assert.equal(app.publishedPages.size, 1);
      const again = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' });
      assert.equal(again.body, first.body);
      assert.equal(app.publishedPages.size, 1, 'served from memory, not rendered again');
      assert.equal(again.headers.etag, etag);
      assert.match(String(again.headers['content-type']), /text\/html/);
      assert.match(
        String(again.headers['content-security-policy']),
        /default-src 'self';.*script-src 'self';.*frame-ancestors 'none'/,
        'the security headers are on a page from memory too',
      );
      assert.equal(again.headers['x-content-type-options'], 'nosniff');

      const unchanged = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en', 'if-none-match': etag });
      assert.equal(unchanged.statusCode, 304);
      assert.equal(unchanged.body, '');
      const since = await app.agent().get(`/calls/${callId}`, {
        'accept-language': 'en',
        'if-modified-since': String(first.headers['last-modified']),
      });
      assert.equal(since.statusCode, 304);
      const changed = await app
        .agent()
        .get(`/calls/${callId}`, { 'accept-language': 'en', 'if-none-match': '"other"' });
      assert.equal(changed.statusCode, 200);

      const french = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'fr' });
      assert.match(french.body, /<html lang="fr"/, 'each language kept apart');
      assert.notEqual(french.headers.etag, etag);
    });

    test('a correction shows on the public page right after it is committed', async () => {
      const home = await app.agent().get('/', { 'accept-language': 'en' });
      const page = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' });
      assert.match(page.body, /Call T\d+/);
      assert.ok(app.publishedPages.size >= 2, 'both kept');
      const { call } = await app.services.calls.callForManagement(officer.actor, callId);
      expectOk(
        await app.services.calls.updateCall({
          actor: officer.actor,
          callId,
          version: call.version,
          call: {
            funderId: call.funderId,
            code: call.code,
            title: { fr: 'Appel corrigé', nl: 'Gecorrigeerde oproep', en: 'Corrected call' },
            summary: { fr: call.summary.fr, nl: call.summary.nl, en: call.summary.en },
            description: { fr: call.description.fr, nl: call.description.nl, en: call.description.en },
            budgetCents: call.budgetCents,
            grantMinCents: call.grantMinCents,
            grantMaxCents: call.grantMaxCents,
            opensAt: call.opensAt ?? new Date(Date.now() - DAY),
            closesAt: call.closesAt ?? new Date(Date.now() + 30 * DAY),
            targetPublics: [...call.targetPublics],
            activityTypes: [...call.activityTypes],
            coFundingMaxPercent: call.coFundingMaxPercent,
          },
          correctionNote: { fr: 'Titre corrigé.', nl: 'Titel gecorrigeerd.', en: 'Title corrected.' },
        }),
      );
      const corrected = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' });
      assert.match(corrected.body, /Corrected call/);
      assert.notEqual(corrected.headers.etag, page.headers.etag);
      const stale = await app.agent().get(`/calls/${callId}`, {
        'accept-language': 'en',
        'if-none-match': String(page.headers.etag),
      });
      assert.equal(stale.statusCode, 200, 'the old ETag no longer matches');
      const newHome = await app.agent().get('/', { 'accept-language': 'en' });
      assert.match(newHome.body, /Corrected call/);
      assert.doesNotMatch(home.body, /Corrected call/);
    });

    test('a signed-in person never gets a page kept for someone else, nor has theirs kept', async () => {
      await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' }); // kept for anonymous visitors
      const alice = await app.signedIn();
      const bob = await app.signedIn();
      const aliceCalls = await alice.agent.get(`/calls/${callId}`);
      const bobCalls = await bob.agent.get(`/calls/${callId}`);
      for (const res of [aliceCalls, bobCalls]) {
        assert.equal(res.statusCode, 200);
        assert.match(res.body, /action="\/sign-out"/, 'their own navigation');
        assert.equal(res.headers.etag, undefined);
        assert.equal(res.headers['cache-control'], 'no-store');
      }
      const token = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
      assert.notEqual(token(aliceCalls.body), token(bobCalls.body));
      const anonymous = await app.agent().get(`/calls/${callId}`, { 'accept-language': 'en' });
      assert.doesNotMatch(anonymous.body, /sign-out|_csrf/, 'nothing personal in what anonymous visitors get');
    });

    test('over HTTP, a page from memory comes with the headers Fastify gives it, and a correction shows at once', async () => {
      const url = await app.server.listen({ port: 0, host: '127.0.0.1' });
      const path = `/calls/${callId}`;
      const ask = () => fetch(url + path, { headers: { 'accept-language': 'nl' } });
      const rendered = await ask(); // rendered by the route and kept
      const fromMemory = await ask();
      const throughFastify = await app.agent().get(path, { 'accept-language': 'nl' }); // inject goes past the front
      assert.equal(fromMemory.status, 200);
      const body = await fromMemory.text();
      assert.equal(body, await rendered.text());
      assert.equal(body, throughFastify.body);
      const perRequest = new Set(['x-request-id', 'date', 'connection', 'keep-alive']);
      const kept = (headers: Iterable<[string, string]>) =>
        Object.fromEntries([...headers].filter(([name]) => !perRequest.has(name)).sort());
      assert.deepEqual(kept(fromMemory.headers), kept(rendered.headers));
      assert.deepEqual(
        kept(fromMemory.headers),
        kept(Object.entries(throughFastify.headers).map(([k, v]) => [k, String(v)])),
      );
      assert.notEqual(fromMemory.headers.get('x-request-id'), rendered.headers.get('x-request-id'));

      const metrics = await (await fetch(url + '/metrics')).text();
      const count =
        /octroi_http_request_duration_seconds_count\{method="GET",route="\/calls\/:id",status_class="2xx"\} (\d+)/;
      assert.ok(Number(count.exec(metrics)?.[1]) >= 3, 'the page from memory counted with the others');

      await app.services.calls.closeCallsPastDeadline(new Date(Date.now() + 365 * DAY));
      const closed = await ask();
      assert.notEqual(closed.headers.get('etag'), fromMemory.headers.get('etag'), 'rendered anew once closed');
    });

    test('static files are linked under fingerprinted names, cached for a year', async () => {
      const page = await app.agent().get('/');
      const href = /<link rel="stylesheet" href="(\/static\/app\.[0-9a-f]{10}\.css)"/.exec(page.body)?.[1];
      assert.ok(href, 'the Layout links the fingerprinted style sheet');
      const css = await app.agent().get(href);
      assert.equal(css.statusCode, 200);
      assert.match(String(css.headers['content-type']), /text\/css/);
      assert.equal(css.headers['cache-control'], 'public, max-age=31536000, immutable');
      const plain = await app.agent().get('/static/app.css');
      assert.equal(plain.body, css.body);
      assert.equal(plain.headers['cache-control'], 'public, max-age=3600');
      const again = await app.agent().get('/static/app.css', { 'if-none-match': String(plain.headers.etag) });
      assert.equal(again.statusCode, 304);
      assert.equal((await app.agent().get('/static/nothing.css')).statusCode, 404);
    });
  });
}
