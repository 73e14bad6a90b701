import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import { helmetOptions, registerSecurityHeaders, securityHeadersFor } from './securityHeaders.ts';

/** An app whose routes answer each way a response can end: a page, an error, a redirect, a 404. */
function appWith(register: (app: FastifyInstance) => void): FastifyInstance {
  const app = Fastify();
  register(app);
  app.get('/page', (_request, reply) => reply.type('text/html').send('<p>hi</p>'));
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.get('/moves', (_request, reply) => reply.redirect('/page', 303));
  return app;
}

const SECURITY = /^(content-security-policy|strict-transport-security|x-|cross-origin|origin-agent|referrer)/;
const securityOf = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => SECURITY.test(name)));

for (const secure of [false, true]) {
  test(`every response carries helmet's headers as helmet sets them (secure cookies: ${secure})`, async (t) => {
    const made = appWith((app) => registerSecurityHeaders(app, securityHeadersFor({ secure })));
    // What helmet's middleware itself puts on a response, with the same options, for comparison.
    const middleware = helmet(helmetOptions(secure));
    const reference = appWith((app) =>
      app.addHook('onRequest', (request, reply, done) =>
        middleware(request.raw, reply.raw, (error) => done(error as Error | undefined)),
      ),
    );
    t.after(() => Promise.all([made.close(), reference.close()]));
    for (const [url, status] of [
      ['/page', 200],
      ['/fails', 500],
      ['/moves', 303],
      ['/nowhere', 404],
    ] as const) {
      const [ours, helmets] = await Promise.all([made.inject(url), reference.inject(url)]);
      assert.equal(ours.statusCode, status);
      assert.deepEqual(securityOf(ours.headers), securityOf(helmets.headers), url);
      assert.match(String(ours.headers['content-security-policy']), /frame-ancestors 'none'/, url);
      assert.equal(ours.headers['strict-transport-security'] !== undefined, secure, url);
    }
  });
}
