// Regression tests for the holes a probe found in the HTTP layer: an open redirect, 500s on
// redirect targets no header can carry, and 500s on request bodies that cannot be read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { registeredRoutes } from '../../../test/helpers/routes.ts';
import { MAX_FILE_BYTES } from '../storage/fileStorage.ts';
import { MULTIPART_LIMITS } from './requestBodies.ts';
import { needsAccount } from './routePolicy.ts';

const EN = { 'accept-language': 'en' };
const SOME_ID = '00000000-0000-4000-8000-000000000000';
const BOUNDARY = 'octroi-boundary';
const MULTIPART = { ...EN, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };

const field = (name: string, value: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const file = (name: string, bytes: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.pdf"\r\n` +
  `Content-Type: application/pdf\r\n\r\n${bytes}\r\n`;
const END = `--${BOUNDARY}--\r\n`;

/** Bodies no form sends, each with the status it must get whoever sends it, wherever. */
const HOSTILE_BODIES: { name: string; headers: Record<string, string>; payload: string; status: number }[] = [
  { name: 'truncated multipart', headers: MULTIPART, payload: field('a', 'x').slice(0, 60), status: 400 },
  { name: 'truncated in a part header', headers: MULTIPART, payload: `--${BOUNDARY}\r\nContent-Disp`, status: 400 },
  {
    name: 'multipart without a boundary',
    headers: { ...EN, 'content-type': 'multipart/form-data' },
    payload: 'x',
    status: 400,
  },
  { name: 'a prototype as a field name', headers: MULTIPART, payload: field('__proto__', 'x') + END, status: 400 },
  {
    name: 'more files than any form has',
    headers: MULTIPART,
    payload: Array.from({ length: MULTIPART_LIMITS.files + 1 }, (_, i) => file(`f${i}`, 'a')).join('') + END,
    status: 413,
  },
  {
    name: 'too many fields',
    headers: MULTIPART,
    payload: Array.from({ length: MULTIPART_LIMITS.fields + 1 }, (_, i) => field(`f${i}`, 'x')).join('') + END,
    status: 413,
  },
  {
    name: 'a field too long',
    headers: MULTIPART,
    payload: field('a', 'x'.repeat(MULTIPART_LIMITS.fieldSize + 1)) + END,
    status: 413,
  },
  { name: 'malformed JSON', headers: { ...EN, 'content-type': 'application/json' }, payload: '{"a":', status: 400 },
  {
    name: 'JSON that is no set of fields',
    headers: { ...EN, 'content-type': 'application/json' },
    payload: '[1]',
    status: 400,
  },
  { name: 'JSON null', headers: { ...EN, 'content-type': 'application/json' }, payload: 'null', status: 400 },
  {
    name: 'JSON too large',
    headers: { ...EN, 'content-type': 'application/json' },
    payload: JSON.stringify({ a: 'x'.repeat(1_100_000) }),
    status: 413,
  },
  {
    name: 'urlencoded too large',
    headers: { ...EN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `a=${'x'.repeat(1_100_000)}`,
    status: 413,
  },
];

const withIds = (url: string) => url.replace(/:[A-Za-z]+/g, SOME_ID);

/** A refusal the reader understands: the translated page, or JSON under /api/. */
function assertClearRefusal(res: LightMyRequestResponse, status: number, what: string) {
  assert.equal(res.statusCode, status, what);
  const json = res.headers['content-type']?.toString().startsWith('application/json');
  if (json) {
    const body = res.json<{ error: string; message: string }>();
    assert.equal(body.error, status === 413 ? 'tooLarge' : 'badRequest', what);
  } else {
    assert.match(res.body, status === 413 ? /<h1[^>]*>Too large</ : /<h1[^>]*>Request not understood</, what);
  }
}

/** The public is asked to sign in before its body is read, where the route needs an account. */
function assertSignInFirst(res: LightMyRequestResponse, what: string) {
  assert.equal(res.statusCode, 303, what);
  assert.match(String(res.headers.location), /^\/sign-in\?next=/, what);
}

for (const backend of backends()) {
  describe(`hostile requests on ${backend.name}`, () => {
    let app: TestApp;
    let member: Agent;
    before(async () => {
      app = await buildTestApp(backend);
      member = (await app.signedIn()).agent;
    });

    /** A browser from an address of its own (sign-in and the like are rate limited per address), signed in or not. */
    const browser = (signedIn: boolean) => {
      const agent = app.agent();
      if (signedIn) for (const [name, value] of member.cookies) agent.cookies.set(name, value);
      return agent;
    };
    after(() => app.close());

    test('open redirect: /language/en?next=/%09/evil.example/ goes home, not to another site', async () => {
      for (const next of [
        '/%09/evil.example/',
        '/%0a/evil.example/',
        '/%5Cevil.example',
        '//evil.example',
        'https://evil.example',
      ]) {
        const res = await app.agent().get(`/language/en?next=${next}`);
        assert.equal(res.statusCode, 303, next);
        assert.equal(res.headers.location, '/', next);
      }
      assert.equal((await app.agent().get('/language/en?next=/calls%3Fx%3D1')).headers.location, '/calls?x=1');
    });

    test('open redirect: the sign-in next with a tab goes to the start page after signing in', async () => {
      const { email } = await app.signedIn();
      const browser = app.agent();
      const page = await browser.get('/sign-in?next=/%09/evil.example/');
      assert.match(page.body, /<input type="hidden" name="next" value="\/"\/>/, 'the form carries home instead');
      const res = await browser.submit('/sign-in', { email, password: PASSWORD, next: '/\t/evil.example/' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/start', 'where anyone goes who asked for nothing');
    });

    test('500 on unencodable redirect targets: never a 500, and every Location sendable and on this site', async () => {
      const urls = [
        '/manage/calls/%00/jury/assignment/preview',
        '/manage/calls/%E2%80%AE/jury/assignment/preview',
        '/manage/calls/%0d%0aSet-Cookie:%20x=1/jury/assignment/preview',
        '/language/en?next=/%0d%0aSet-Cookie:%20x=1',
        '/language/en?next=/%E2%80%AE',
        '/language/en?next=/%ED%A0%80',
        '/language/en?next=/%E0%A4%A',
        '/calls/%E0%A4%A',
        '/calls/%ED%A0%80?x=%E0%A4%A',
        '/sign-in?next=%E0%A4%A',
        '/manage/calls/%00',
      ];
      for (const agent of [browser(false), browser(true)]) {
        for (const url of urls) {
          const res = await agent.get(url);
          assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
          if (res.statusCode >= 300 && res.statusCode < 400) {
            const location = String(res.headers.location);
            assert.match(location, /^\/[\x21-\x7e]*$/, `${url} → ${location}`);
            assert.equal(new URL(location, 'http://octroi.test').origin, 'http://octroi.test');
            assert.ok(!res.cookies.some((c) => c.name === 'x'), 'no header was injected');
          }
        }
      }
    });

    test('malformed percent-encoding in the path and query of every GET route is a 3xx/4xx, never a 500', async () => {
      const gets = registeredRoutes(app.server).filter((r) => r.method === 'GET');
      assert.ok(gets.length > 50, `the route table is read (${gets.length} GET routes)`);
      for (const agent of [app.agent(), member]) {
        for (const route of gets) {
          for (const hostile of ['%00', '%E0%A4%A', '%ED%A0%80', '%E2%80%AE', '%0d%0a', '%25']) {
            const url = `${route.url.replace(/:[A-Za-z]+/g, hostile)}?next=${hostile}&token=${hostile}&q=${hostile}`;
            const res = await agent.get(url);
            assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
          }
        }
      }
    });

    test('500 on a truncated multipart body: every POST route answers 400 before CSRF (after its declared access), anonymous and signed in', async () => {
      const posts = app.server.routeTable.filter((r) => r.method === 'POST');
      assert.ok(posts.length > 40, `the route table is read (${posts.length} POST routes)`);
      const truncated = HOSTILE_BODIES[0]!;
      for (const signedIn of [false, true]) {
        for (const route of posts) {
          const res = await browser(signedIn).request({
            method: 'POST',
            url: withIds(route.url),
            headers: truncated.headers,
            payload: truncated.payload,
          });
          const what = `${route.url} (${signedIn ? 'signed in' : 'anonymous'})`;
          // The route's declaration is enforced before the body is read: sign in, or (for a person
          // with no role, on the administration's routes) forbidden.
          if (!signedIn && needsAccount(route.policy!)) assertSignInFirst(res, what);
          else if (signedIn && route.policy!.access === 'installation') assert.equal(res.statusCode, 403, what);
          else assertClearRefusal(res, 400, what);
        }
      }
    });

    test('truncated, oversized and malformed bodies get a clear translated 400/413 on several routes', async () => {
      const routes = [
        '/sign-in',
        '/calls/:id/apply',
        '/organisations/:id/documents',
        '/applications/:id/files',
        '/api/calls',
      ];
      // Anonymous, the three that need an account ask to sign in before reading the body.
      for (const signedIn of [false, true]) {
        for (const url of routes.map(withIds)) {
          for (const body of HOSTILE_BODIES) {
            const res = await browser(signedIn).request({
              method: 'POST',
              url,
              headers: body.headers,
              payload: body.payload,
            });
            const what = `${body.name} to ${url} (${signedIn ? 'signed in' : 'anonymous'})`;
            if (!signedIn && url !== '/sign-in' && !url.startsWith('/api/')) assertSignInFirst(res, what);
            else assertClearRefusal(res, body.status, what);
          }
        }
      }
    });

    test('a file over the size limit is a 413, before anything is stored', async () => {
      const res = await member.request({
        method: 'POST',
        url: withIds('/organisations/:id/documents'),
        headers: MULTIPART,
        payload: file('file', 'x'.repeat(MAX_FILE_BYTES + 1)) + END,
      });
      assertClearRefusal(res, 413, 'file over the limit');
    });

    test('an upload form still works: fields and file reach the route', async () => {
      const res = await member.request({
        method: 'POST',
        url: '/organisations',
        headers: MULTIPART,
        payload: field('name', 'x') + END,
      });
      assert.equal(res.statusCode, 403, 'read, then refused by the CSRF check for want of a token');
      assert.match(res.body, /For your safety/);
    });
  });
}
