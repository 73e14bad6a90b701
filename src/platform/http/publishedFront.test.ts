import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { SESSION_COOKIE } from '../identity/sessions.ts';
import { publishedFront } from './publishedFront.ts';
import { publishedPagesCache } from './publishedPages.ts';
import { FLASH_COOKIE, LANGUAGE_COOKIE } from './requestContext.ts';
import { securityHeadersFor } from './securityHeaders.ts';

/** What the server behind the front answers: a page the front let through. */
const BEHIND = 599;

describe('the published pages’ front', () => {
  const cache = publishedPagesCache();
  const counted: { route: string; status: number }[] = [];
  const security = securityHeadersFor({ secure: false });
  let server: Server;
  let base: string;
  let closing = false;
  before(async () => {
    const front = publishedFront({
      cache,
      closing: () => closing,
      securityHeaders: security,
      requestId: () => 'id-' + counted.length,
      metrics: {
        registry: new Registry(),
        observeRequest: (_method, route, status) => counted.push({ route, status }),
        observeSolve: () => undefined,
      },
    });
    server = createServer((req, res) => {
      if (front(req, res)) return;
      res.statusCode = BEHIND;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const [locale, text] of [
      ['en', 'Calls'],
      ['nl', 'Oproepen'],
    ] as const)
      cache.put(
        `${locale} /calls`,
        cache.generation,
        { status: 200, body: Buffer.from(`<p>${text}</p>`), headers: { 'content-type': 'text/html' }, route: '/calls' },
        Date.now(),
      );
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a page the cache holds is answered with its body, validators, the security headers and a request id', async () => {
    const res = await fetch(base + '/calls', { headers: { 'accept-language': 'en' } });
    assert.equal(res.status, 200);
    assert.equal(await res.text(), '<p>Calls</p>');
    assert.equal(res.headers.get('content-type'), 'text/html');
    assert.equal(res.headers.get('content-length'), '12');
    assert.equal(res.headers.get('cache-control'), 'public, no-cache');
    assert.match(res.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.match(res.headers.get('x-request-id') ?? '', /^id-\d+$/);
    for (const [name, value] of Object.entries(security)) assert.equal(res.headers.get(name), value, name);
    assert.deepEqual(counted.at(-1), { route: '/calls', status: 200 }, 'counted under its route');
  });

  test('a visitor whose copy is current gets a 304 without a body', async () => {
    const etag = (await fetch(base + '/calls', { headers: { 'accept-language': 'en' } })).headers.get('etag')!;
    const res = await fetch(base + '/calls', { headers: { 'accept-language': 'en', 'if-none-match': etag } });
    assert.equal(res.status, 304);
    assert.equal(res.headers.get('etag'), etag);
    assert.equal(res.headers.get('x-frame-options'), security['x-frame-options']);
    assert.deepEqual(counted.at(-1), { route: '/calls', status: 304 });
  });

  test('each visitor gets the language the rest of Octroi would give them', async () => {
    const dutch = await fetch(base + '/calls', { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } });
    assert.equal(await dutch.text(), '<p>Oproepen</p>');
    const chosen = await fetch(base + '/calls', {
      headers: { 'accept-language': 'nl', cookie: `${LANGUAGE_COOKIE}=en; other=1` },
    });
    assert.equal(await chosen.text(), '<p>Calls</p>', 'the language switch wins over the browser');
  });

  test('whatever the cache cannot answer goes on behind it', async () => {
    const behind = async (path: string, init: RequestInit = {}) => (await fetch(base + path, init)).status;
    assert.equal(await behind('/calls', { headers: { 'accept-language': 'fr' } }), BEHIND, 'a language not kept');
    assert.equal(await behind('/elsewhere'), BEHIND);
    assert.equal(
      await behind('/calls', { headers: { 'accept-language': 'en', cookie: `${SESSION_COOKIE}=abc` } }),
      BEHIND,
      'a signed-in visitor',
    );
    assert.equal(
      await behind('/calls', { headers: { 'accept-language': 'en', cookie: `${FLASH_COOKIE}=saved` } }),
      BEHIND,
      'a message waiting',
    );
    assert.equal(await behind('/calls', { method: 'HEAD', headers: { 'accept-language': 'en' } }), BEHIND);
    assert.equal(await behind('/calls', { method: 'POST', headers: { 'accept-language': 'en' } }), BEHIND);
    closing = true;
    assert.equal(
      await behind('/calls', { headers: { 'accept-language': 'en' } }),
      BEHIND,
      'the server closing: Fastify answers 503 and ends the connection',
    );
    closing = false;
    cache.invalidate('a correction');
    assert.equal(
      await behind('/calls', { headers: { 'accept-language': 'en' } }),
      BEHIND,
      'forgotten once invalidated',
    );
  });
});
