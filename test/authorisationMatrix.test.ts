// The authorisation matrix, generated from the routes the server registered: every route declares
// its policy (src/platform/http/routePolicy.ts), and each is called here as the public and as a
// signed-in stranger (no role anywhere), on records that do not exist, GET and POST. What each must
// answer follows from its declaration and, for a record, from its kind's policy table: the public is
// asked to sign in for whatever needs an account, and a stranger never learns that a record exists
// nor reaches what the installation's administrators do. A refused request changes nothing.
// A route added without a declaration fails here, so new routes are covered without anyone remembering.
// The personas with a relation (members, jurors, officers, administrators) on records in each state
// are in authorisationPersonas.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { auditEvents } from '../src/platform/audit/schema.ts';
import { needsAccount, type RegisteredRoute } from '../src/platform/http/routePolicy.ts';
import { mailOutbox } from '../src/platform/mail/schema.ts';
import { buildTestApp, type Agent, type TestApp } from './helpers/app.ts';
import { backends } from './helpers/databases.ts';

type Expected = 'open' | 'sign-in' | 'not-found' | 'forbidden' | 'unauthorized' | 'not-refused';

function expectedFor(route: RegisteredRoute, who: 'anonymous' | 'stranger'): Expected {
  const policy = route.policy!;
  switch (policy.access) {
    case 'public':
      return 'open';
    case 'token':
      return 'unauthorized';
    case 'signed-in':
      return who === 'anonymous' ? 'sign-in' : 'not-refused';
    case 'installation':
      return who === 'anonymous' ? 'sign-in' : 'forbidden';
    case 'record':
      if (who === 'anonymous' && needsAccount(policy)) return 'sign-in';
      // The record does not exist: "not found", whoever asks.
      return 'not-found';
  }
}

/**
 * What the matrix finds that the code does not do as its declaration says: each is a defect to fix.
 * Empty since each route's declaration is enforced before its parameters and body are read
 * (routePolicy.ts, gateOf). A new divergence fails the test; one fixed but still listed fails it too.
 */
const KNOWN_DIVERGENCES = new Set<string>([]);

/** A concrete address for a route's pattern: every parameter an id that names nothing. */
const addressOf = (url: string) => url.replace(/:[A-Za-z]+/g, () => randomUUID()).replace(/\$\{format\}/, 'json');

for (const backend of backends()) {
  describe(`authorisation matrix from the route table on ${backend.name}`, () => {
    let app: TestApp;
    let routes: RegisteredRoute[];
    before(async () => {
      app = await buildTestApp(backend);
      routes = app.server.routeTable.filter((r) => !r.url.includes('*'));
    });
    after(() => app.close());

    const fingerprint = async () => {
      const [audit] = await app.database.db.select({ n: count() }).from(auditEvents);
      const [mails] = await app.database.db.select({ n: count() }).from(mailOutbox);
      return `${audit?.n} audit rows, ${mails?.n} mails`;
    };

    test('every route declares who may call it', () => {
      assert.ok(routes.length > 150, `${routes.length} routes`);
      assert.deepEqual(
        routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`),
        [],
      );
    });

    for (const who of ['anonymous', 'stranger'] as const) {
      test(`as ${who === 'anonymous' ? 'the public' : 'a signed-in stranger'}: every route answers as declared, and nothing changes`, async () => {
        const agent: Agent = who === 'anonymous' ? app.agent() : (await app.signedIn()).agent;
        const before = await fingerprint();
        const wrong: string[] = [];
        // Signing out would end the stranger's session halfway through the walk.
        for (const route of routes.filter((r) => who === 'anonymous' || r.url !== '/sign-out')) {
          const url = addressOf(route.url);
          const res = route.method === 'GET' ? await agent.get(url) : await agent.submit(url, {}, { from: '/sign-in' });
          const location = String(res.headers.location ?? '');
          const got = res.statusCode;
          const expected = expectedFor(route, who);
          const ok = {
            open: got < 500 && !location.startsWith('/sign-in?'),
            // A signed-in route naming a record of the person's own (a sign-in method) finds none here.
            'not-refused':
              got < 500 &&
              ![401, 403].includes(got) &&
              !location.startsWith('/sign-in') &&
              (got !== 404 || url !== route.url),
            'sign-in': got === 303 && location.startsWith('/sign-in'),
            'not-found': got === 404,
            forbidden: got === 403,
            // The bearer is unknown (401), or the metrics' caller is not on the loopback (403).
            unauthorized: got === 401 || got === 403,
          }[expected];
          const name = `${who} ${route.method} ${route.url}`;
          if (ok === KNOWN_DIVERGENCES.has(name))
            wrong.push(
              `${name}: ${got} ${location}, expected ${expected}${ok ? ' (fixed: take it off the list)' : ''}`,
            );
        }
        assert.deepEqual(wrong, [], `${routes.length} routes called`);
        assert.equal(await fingerprint(), before, 'refused requests change nothing');
      });
    }
  });
}
