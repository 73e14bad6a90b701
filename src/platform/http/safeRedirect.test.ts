import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { registerSafeRedirects, safeLocalPath, sendableLocation } from './safeRedirect.ts';

test('redirects stay on this site', () => {
  assert.equal(safeLocalPath('/calls/1?x=2'), '/calls/1?x=2');
  assert.equal(safeLocalPath('/calls/1#questions'), '/calls/1#questions');
  assert.equal(safeLocalPath('//evil.example/'), '/');
  assert.equal(safeLocalPath('/\\evil.example'), '/');
  assert.equal(safeLocalPath('https://evil.example/'), '/');
  assert.equal(safeLocalPath(undefined, '/account'), '/account');
});

test('open redirect: a control character or a backslash anywhere in the target is refused', () => {
  // Browsers drop tabs and newlines, so each of these would be followed as //evil.example/.
  for (const hostile of [
    '/\t/evil.example/',
    '/\n/evil.example/',
    '/\r\n/evil.example/',
    '/\u0000/evil.example/',
    '/\u007f/evil.example/',
    '/\u0085/evil.example/',
    '/calls\\..\\..\\evil',
    '/\t\\evil.example',
  ]) {
    assert.equal(safeLocalPath(hostile), '/', JSON.stringify(hostile));
  }
});

test('open redirect: whatever the browser resolves to another origin is refused, what stays here is kept', () => {
  for (const target of ['/calls/1', '/a/../b', '/.//evil.example', '/%2F%2Fevil.example', '/\u202e']) {
    const local = safeLocalPath(target);
    assert.equal(local, target, JSON.stringify(target));
    assert.equal(new URL(local, 'http://octroi.test').origin, 'http://octroi.test');
  }
});

test('unencodable redirect targets are percent-encoded into a header value Node can send', () => {
  assert.equal(sendableLocation('/manage/calls/\u0000/jury'), '/manage/calls/%00/jury');
  assert.equal(sendableLocation('/\r\nSet-Cookie: x=1'), '/%0D%0ASet-Cookie:%20x=1');
  assert.equal(sendableLocation('/\u202e'), '/%E2%80%AE');
  assert.equal(sendableLocation('/\ud800x'), '/%EF%BF%BDx', 'a lone surrogate has no UTF-8 form');
  assert.equal(sendableLocation('/caf\u00e9?q=%C3%A9'), '/caf%C3%A9?q=%C3%A9', 'what is encoded already is kept');
  assert.equal(sendableLocation('/\ud83d\ude00'), '/%F0%9F%98%80', 'a surrogate pair is one character');
});

test('every redirect the server sends, whoever built it, is sendable and stays on this site', async () => {
  const app = Fastify();
  registerSafeRedirects(app);
  app.get<{ Querystring: { to: string } }>('/go', (request, reply) => reply.redirect(request.query.to, 303));
  const location = async (to: string) =>
    (await app.inject({ url: `/go?to=${encodeURIComponent(to)}` })).headers.location;
  assert.equal(await location('/manage/calls/\u0000/jury'), '/manage/calls/%00/jury');
  assert.equal(await location('/\u202e'), '/%E2%80%AE');
  assert.equal(await location('https://evil.example/'), '/');
  assert.equal(await location('/\t/evil.example/'), '/%09/evil.example/', 'encoded, the tab no longer vanishes');
  assert.equal(await location('/calls/1?x=2#questions'), '/calls/1?x=2#questions');
  await app.close();
});
