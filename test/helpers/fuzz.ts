// Fuzzing of every form and JSON endpoint, from the route table: each POST route is called by a
// person allowed to post there (a persona of personas.ts with its relation to a real record), with
// arbitrary field values — strings of any code unit (NUL, lone surrogates), huge and empty ones,
// numbers, arrays, missing and unknown fields, HTML and SQL payloads, malformed percent-encoding,
// JSON of any shape. The answer is never a 5xx, and a refused request changes nothing.
// FUZZ_RUNS sets the inputs per endpoint: by default 200 on PGlite and 25 on PostgreSQL (the suite runs on
// both in CI, and the second database adds little to what the inputs find); `npm run test:fuzz` sends 10,000.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { count, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { auditEvents } from '../../src/platform/audit/schema.ts';
import type { RegisteredRoute, RoutePolicy } from '../../src/platform/http/routePolicy.ts';
import { SAVED_VERSION_HEADER } from '../../src/platform/http/savedInPart.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { backends, type Backend } from './databases.ts';
import { buildWorld, type PersonaName, type World } from './personas.ts';

/** Inputs per endpoint on a backend: FUZZ_RUNS when set, else 200 on PGlite and 25 on PostgreSQL. */
export function fuzzRuns(backend: Backend['name']): number {
  return Number(process.env.FUZZ_RUNS ?? (backend === 'pglite' ? 100 : 25));
}

/** A request unanswered this long is a defect (a handler that never replies), named rather than left to hang. */
const ANSWER_WITHIN_MS = 60_000;

/** Who posts to a route, and which record its parameter names; `reached` false when no real record of its kind is built. */
interface Poster {
  persona: PersonaName;
  record: string;
  reached: boolean;
}

/** The persona allowed to post to a route under its declaration, and the record it posts on. */
export function posterOf(policy: RoutePolicy, world: World): Poster {
  const nothing = randomUUID();
  switch (policy.access) {
    case 'public':
    case 'token':
      return { persona: 'anonymous', record: nothing, reached: true };
    case 'signed-in':
      return { persona: 'member', record: nothing, reached: true };
    case 'installation': {
      const admin = ['createFunders', 'managePeople', 'administer'].includes(policy.action);
      return { persona: admin ? 'platformAdmin' : 'officer', record: nothing, reached: true };
    }
    case 'record': {
      const { calls, applications: apps, organisations } = world;
      const reached = (persona: PersonaName, record: string) => ({ persona, record, reached: true });
      switch (policy.kind) {
        case 'call':
          return ['apply', 'ask'].includes(policy.action)
            ? reached('member', calls.open)
            : reached('officer', calls.draft);
        case 'application':
          return ['edit', 'submit', 'withdraw'].includes(policy.action)
            ? reached('member', apps.draft)
            : reached('officer', apps.submitted);
        case 'organisation':
          return reached('member', organisations.own);
        case 'evaluation':
          return reached('jurorAssigned', apps.underReview);
        case 'consensus':
          return reached('chair', apps.underReview);
        case 'jury-seat':
          return reached('jurorAssigned', calls.evaluation);
        case 'funder':
        case 'funderWebhooks':
          return reached('platformAdmin', world.funderId);
        default:
          // Grants, payments, places and webhooks' records are not built here: posted to as their
          // officers would, on an id that names nothing (still never a 5xx, still nothing changed).
          return { persona: 'officer', record: nothing, reached: false };
      }
    }
  }
}

/** Routes that move a record along its lifecycle go last, so the others are fuzzed on records still open to them. */
const LAST = /\/(publish|close|submit|withdraw|decision|promote|withdraw-grant|payments|return|sign-out)$/;

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202E',
  '\r\n',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE calls; --",
  '=HYPERLINK("http://evil.example")',
  '../../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '-1',
  '0',
  '1e309',
  'NaN',
  '99999999999999999999999999999999',
  '2026-02-30',
  '00000000-0000-0000-0000-000000000000',
  'true',
  '__proto__',
];

const text = fc.oneof(
  { weight: 12, arbitrary: fc.string() },
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 9, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 6, arbitrary: fc.integer().map(String) },
  { weight: 3, arbitrary: fc.double().map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 2_000, max: 20_000 }).map((n) => 'é'.repeat(n)) },
);
/** Over every limit and over the body's (1 MiB) once encoded: one field of one body in twenty (see `bodies`). */
const OVERSIZED = '€'.repeat(300_000);
const fieldValue = fc.oneof({ weight: 5, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) });
/** Bytes appended to a form body as they are: encodings no browser sends. */
const RAW_TAILS = ['', '&%E0%A4%A=1', '&a=%ZZ', '&__proto__[x]=1', '&constructor.prototype.x=1', '&=', '&&&'];

export type FuzzBody =
  { kind: 'form'; fields: Record<string, string | string[]>; tail: string } | { kind: 'json'; value: unknown };

/** A body for a form with the given field names: some missing, some unknown, any values. */
export function bodies(names: readonly string[]): fc.Arbitrary<FuzzBody> {
  const known = names.length
    ? fc.record(Object.fromEntries(names.map((n) => [n, fieldValue])), { requiredKeys: [] })
    : fc.constant({});
  const extra = fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...HOSTILE)), fieldValue, {
    maxKeys: 2,
  });
  const form = fc
    .tuple(known, extra, fc.constantFrom(...RAW_TAILS))
    .map(([k, e, tail]): FuzzBody => ({ kind: 'form', fields: { ...e, ...k }, tail }));
  const json = fc
    .oneof(
      fc.tuple(known, extra).map(([k, e]) => ({ ...e, ...k }) as unknown),
      fc.record(Object.fromEntries(names.map((n) => [n, fc.jsonValue({ maxDepth: 2 })])), { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 2 }),
    )
    .map((value): FuzzBody => ({ kind: 'json', value }));
  // An oversized body is refused whole (413) before any field is read: drawn per body, not per field,
  // it would be most bodies of a long form, and each costs megabytes to build and send.
  const oversized = fc
    .tuple(names.length ? fc.constantFrom(...names) : fc.constant('field'), fc.constantFrom(...RAW_TAILS))
    .map(([name, tail]): FuzzBody => ({ kind: 'form', fields: { [name]: OVERSIZED }, tail }));
  return fc.oneof(
    { weight: 57, arbitrary: form },
    { weight: 19, arbitrary: json },
    { weight: 4, arbitrary: oversized },
  );
}

export function encode(body: FuzzBody, csrf: string): { payload: string; headers: Record<string, string> } {
  if (body.kind === 'json') {
    return {
      payload: JSON.stringify(body.value) ?? 'null',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    };
  }
  const params = new URLSearchParams({ _csrf: csrf });
  for (const [name, value] of Object.entries(body.fields))
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  return {
    payload: params.toString() + body.tail,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unescapeHtml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<');

/**
 * The route's concrete address and its form's field names, read from the pages a person reaches it
 * from: the record's parameter filled, the others taken from a link or form found on those pages.
 */
async function discover(
  app: TestApp,
  world: World,
  route: RegisteredRoute,
  poster: Poster,
): Promise<{ url: string; fields: string[] }> {
  const agent = world.people[poster.persona].agent;
  const param = route.policy?.access === 'record' ? route.policy.param : 'id';
  const withRecord = route.url.replace(`:${param}`, poster.record);
  const segments = withRecord.split('/');
  const pages: string[] = [];
  for (let n = segments.length; n >= 2; n--) {
    const page = segments.slice(0, n).join('/');
    if (page.includes(':')) continue;
    const res = await agent.get(page);
    if (res.statusCode === 200) pages.push(res.body);
  }
  const html = pages.join('\n');
  let url = withRecord;
  if (url.includes(':')) {
    const pattern = escapeRegExp(withRecord).replace(/:[A-Za-z]+/g, '([^/"?#\\s]+)');
    const found = new RegExp(`(?:href|action)="(${pattern})"`).exec(html)?.[1];
    url = found ? unescapeHtml(found) : withRecord.replace(/:[A-Za-z]+/g, () => randomUUID());
  }
  const fields = new Set<string>();
  const forms = [...html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)];
  const own = forms.filter((f) => unescapeHtml(f[1]!) === url);
  for (const [, , inner] of own.length ? own : forms)
    for (const [, name] of inner!.matchAll(/name="([^"]+)"/g)) if (name !== '_csrf') fields.add(unescapeHtml(name!));
  return { url, fields: [...fields] };
}

/**
 * A save that keeps what it can read of a draft and refuses the rest (an application's section, a juror's
 * evaluation, their autosaves) answers 4xx with the draft's new version, in a header for a page, in the body for
 * an autosave: a write accepted in part, not a refusal.
 */
function savedInPart(res: { headers: Record<string, unknown>; body: string }): boolean {
  if (res.headers[SAVED_VERSION_HEADER] !== undefined) return true;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return false;
  try {
    return typeof (JSON.parse(res.body) as { version?: unknown }).version === 'number';
  } catch {
    return false;
  }
}

/**
 * The answer to a request, or a failure naming it when none comes: a handler that never replies
 * leaves no timer behind, so the test file would end with "Promise resolution is still pending"
 * and no word of which request it was.
 */
async function answered<T>(request: Promise<T>, url: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms from POST ${url}`)),
      ANSWER_WITHIN_MS,
    );
  });
  try {
    return await Promise.race([request, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A describe block fuzzing the POST routes `select` keeps, on each backend, each route in a test
 * of its own with FUZZ_RUNS inputs.
 */
export function fuzzRoutes(area: string, select: (route: RegisteredRoute) => boolean): void {
  for (const backend of backends()) {
    describe(`fuzzing ${area} on ${backend.name}`, () => {
      let app: TestApp;
      let world: World;
      let routes: RegisteredRoute[] = [];
      const csrf = new Map<PersonaName, string>();
      before(async () => {
        app = await buildTestApp(backend);
        world = await buildWorld(app);
      });
      after(() => app.close());

      /** What a refused request must leave as it was, in one query (it runs after every input). */
      const fingerprint = async () => {
        const [row] = await app.database.db
          .select({
            audit: sql<number>`(${app.database.db.select({ n: count() }).from(auditEvents)})`,
            mails: sql<number>`(${app.database.db.select({ n: count() }).from(mailOutbox)})`,
          })
          .from(sql`(select 1) as one`);
        return `${row?.audit} audit rows, ${row?.mails} mails`;
      };

      const runs = fuzzRuns(backend.name);
      test(`every ${area} POST route, ${runs} inputs each: never a 5xx, and a refused request changes nothing`, async (t) => {
        routes = app.server.routeTable
          .filter((r) => r.method === 'POST' && r.policy && select(r))
          .sort((a, b) => Number(LAST.test(a.url)) - Number(LAST.test(b.url)));
        assert.ok(routes.length > 0, `${area}: no route`);
        const unreached: string[] = [];
        let cpuMs = 0;
        for (const route of routes) {
          const poster = posterOf(route.policy!, world);
          if (!poster.reached) unreached.push(route.url);
          const { url, fields } = await discover(app, world, route, poster);
          const agent = world.people[poster.persona].agent;
          if (!csrf.has(poster.persona))
            csrf.set(poster.persona, await agent.csrfFrom(poster.persona === 'anonymous' ? '/sign-in' : '/'));
          const cpu = process.cpuUsage();
          await t.test(`${route.url} as ${poster.persona} (${fields.length} fields)`, async () => {
            // Nothing else writes meanwhile: the state after one input is the state before the next.
            let before = await fingerprint();
            await fc.assert(
              fc.asyncProperty(bodies(fields), async (body) => {
                const res = await answered(
                  agent.request({ method: 'POST', url, ...encode(body, csrf.get(poster.persona)!) }),
                  url,
                );
                assert.ok(res.statusCode < 500, `${res.statusCode} on ${url}: ${res.body.slice(0, 300)}`);
                const after = await fingerprint();
                if (res.statusCode >= 400 && !savedInPart(res))
                  assert.equal(after, before, `refused ${res.statusCode} changed`);
                before = after;
              }),
              { numRuns: runs, endOnFailure: true },
            );
          });
          const spent = process.cpuUsage(cpu);
          cpuMs += (spent.user + spent.system) / 1000;
        }
        t.diagnostic(
          `${routes.length} routes, ${runs} inputs each; on ids naming nothing: ${unreached.join(', ') || 'none'}; ` +
            `${(cpuMs / routes.length / runs).toFixed(1)} ms of CPU per input`,
        );
      });
    });
  }
}
