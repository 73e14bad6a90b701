// The authorisation matrix with relations: every route on a call, an application, an organisation,
// an evaluation, a jury seat or a consensus is called by each persona of personas.ts (members of the
// applying organisation and of another, the call's officer and another funder's, a funder's
// administrator and the installation's, jurors assigned, unassigned and in conflict, the chair, a
// stranger, the public) on records in each state. What each must answer is worked out from the
// domain: the persona's relation to the record (the kind's relation function) and the kind's policy
// table (verdictOf), never written per route. A refused POST changes nothing; POSTs that would be
// allowed are left to the features' own tests (they would change the records the next cases read).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { canManageCalls, type MaybeActor } from '../src/domain/access.ts';
import type { ApplicationStatus } from '../src/domain/applicationLifecycle.ts';
import { APPLICATION_POLICY, applicationRelation } from '../src/domain/applicationPolicy.ts';
import type { CallStatus } from '../src/domain/callLifecycle.ts';
import { CALL_POLICY, callRelation } from '../src/domain/callPolicy.ts';
import {
  CONSENSUS_POLICY,
  EVALUATION_POLICY,
  evaluationRelation,
  JURY_SEAT_POLICY,
} from '../src/domain/evaluationPolicy.ts';
import { ORGANISATION_POLICY } from '../src/domain/organisationPolicy.ts';
import { verdictOf, type PolicyTable, type Verdict } from '../src/domain/policy.ts';
import { consensusRole } from '../src/features/jury/scoring/policy.ts';
import { auditEvents } from '../src/platform/audit/schema.ts';
import type { RegisteredRoute } from '../src/platform/http/routePolicy.ts';
import { mailOutbox } from '../src/platform/mail/schema.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { backends } from './helpers/databases.ts';
import { buildWorld, PERSONAS, type PersonaName, type World } from './helpers/personas.ts';

type AnyTable = PolicyTable<string, never, string>;
interface Case {
  record: string;
  /** What the record is, for the failure messages. */
  label: string;
  verdict: (persona: PersonaName, action: string) => Verdict;
}

/** The facts the domain's relation functions read, for each record of the world. */
function casesOf(world: World, funderId: string): Record<string, Case[]> {
  const { calls, applications: apps, organisations, people } = world;
  const actorOf = (p: PersonaName): MaybeActor => people[p].actor;
  const verdict = (table: AnyTable, p: PersonaName, relation: string | null, subject: unknown, action: string) =>
    verdictOf(table, { actor: actorOf(p), relation, subject: subject as never, action, anonymous: 'anonymous' });

  const callStatus: Record<keyof World['calls'], CallStatus> = {
    draft: 'draft',
    open: 'published',
    evaluation: 'evaluation',
    decided: 'decided',
  };
  const DAY = 86_400_000;
  const callCases = (Object.keys(calls) as (keyof World['calls'])[]).map((key) => {
    const subject = {
      funderId,
      status: callStatus[key],
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
      now: new Date(),
    };
    return {
      record: calls[key],
      label: `${key} call`,
      verdict: (p: PersonaName, action: string) =>
        verdict(CALL_POLICY, p, callRelation(actorOf(p), subject), subject, action),
    };
  });

  // Which applications are whose, in which status, and on which call.
  const appFacts: Record<keyof World['applications'], { status: ApplicationStatus; own: boolean; call: string }> = {
    draft: { status: 'draft', own: true, call: calls.open },
    submitted: { status: 'submitted', own: true, call: calls.open },
    underReview: { status: 'under-review', own: true, call: calls.evaluation },
    decided: { status: 'rejected', own: true, call: calls.decided },
    otherSubmitted: { status: 'submitted', own: false, call: calls.open },
  };
  const membership = (p: PersonaName, own: boolean) =>
    (own ? p === 'member' : p === 'otherMember') ? ('owner' as const) : null;
  const seatOn = (p: PersonaName, call: string) => {
    const jurors: PersonaName[] = ['jurorAssigned', 'jurorUnassigned', 'jurorConflicted', 'chair'];
    return call === calls.evaluation && jurors.includes(p)
      ? { status: 'active' as const, isChair: p === 'chair', active: true }
      : null;
  };
  const assigned = (p: PersonaName, key: keyof World['applications']) =>
    key === 'underReview' && (p === 'jurorAssigned' || p === 'jurorConflicted');
  // The conflicted juror declared a conflict with the member's organisation.
  const conflicted = (p: PersonaName, own: boolean) => p === 'jurorConflicted' && own;

  const application: Case[] = [];
  const evaluation: Case[] = [];
  const consensus: Case[] = [];
  for (const key of Object.keys(apps) as (keyof World['applications'])[]) {
    const facts = appFacts[key];
    const subject = { status: facts.status, everSubmitted: facts.status !== 'draft' };
    const record = apps[key];
    const label = `${key} application`;
    application.push({
      record,
      label,
      verdict: (p, action) =>
        verdict(
          APPLICATION_POLICY,
          p,
          applicationRelation({
            membership: membership(p, facts.own),
            managesCall: canManageCalls(actorOf(p), funderId),
            subject,
          }),
          subject,
          action,
        ),
    });
    evaluation.push({
      record,
      label,
      verdict: (p, action) => {
        const relation = evaluationRelation(seatOn(p, facts.call), {
          assigned: assigned(p, key),
          conflicted: conflicted(p, facts.own),
        });
        return verdict(EVALUATION_POLICY, p, relation, null, action);
      },
    });
    consensus.push({
      record,
      label,
      verdict: (p, action) => {
        const role = consensusRole({
          managesCall: canManageCalls(actorOf(p), funderId),
          seat: seatOn(p, facts.call),
          conflicted: conflicted(p, facts.own),
          everSubmitted: subject.everSubmitted,
        });
        return verdict(CONSENSUS_POLICY, p, role, null, action);
      },
    });
  }
  const organisation = (['own', 'other'] as const).map((key) => ({
    record: organisations[key],
    label: `${key} organisation`,
    verdict: (p: PersonaName, action: string) =>
      verdict(ORGANISATION_POLICY, p, membership(p, key === 'own'), null, action),
  }));
  const seat = [calls.evaluation, calls.open].map((call) => ({
    record: call,
    label: call === calls.open ? 'open call (no jury)' : 'evaluation call',
    verdict: (p: PersonaName, action: string) =>
      verdict(JURY_SEAT_POLICY, p, seatOn(p, call) ? 'juror' : null, null, action),
  }));
  return {
    call: callCases,
    application,
    evaluation,
    consensus,
    organisation,
    'jury-seat': seat,
  };
}

/**
 * Routes that serve a document the record has only at some point (the decision letter, once the
 * letters are issued): to a person allowed to see the record, "not found" means no such document yet.
 */
const DOCUMENTS = new Set(['/applications/:id/letter']);

for (const backend of backends()) {
  describe(`authorisation matrix with relations, on ${backend.name}`, () => {
    let app: TestApp;
    let world: World;
    before(async () => {
      app = await buildTestApp(backend);
      world = await buildWorld(app);
    });
    after(() => app.close());

    const fingerprint = async () => {
      const [audit] = await app.database.db.select({ n: count() }).from(auditEvents);
      const [mails] = await app.database.db.select({ n: count() }).from(mailOutbox);
      return `${audit?.n} audit rows, ${mails?.n} mails`;
    };

    test('every persona on every record in each state answers as its relation and the policy table say', async (t) => {
      const cases = casesOf(world, world.funderId);
      const routes = app.server.routeTable.filter(
        (r): r is RegisteredRoute & { policy: { access: 'record'; kind: string; action: string; param: string } } =>
          r.policy?.access === 'record' && r.policy.kind in cases,
      );
      const wrong: string[] = [];
      let calls = 0;
      for (const route of routes) {
        const { kind, action, param } = route.policy;
        const extraParams = (route.url.match(/:[A-Za-z]+/g) ?? []).length > 1;
        for (const c of cases[kind]!) {
          const url = route.url.replace(`:${param}`, c.record).replace(/:[A-Za-z]+/g, () => randomUUID());
          for (const persona of PERSONAS) {
            const verdict = c.verdict(persona, action);
            const refused = verdict === 'sign-in' || verdict === 'not-found' || verdict === 'forbidden';
            // Allowed POSTs would change the records; with an id of nothing as another parameter, only a refusal is certain.
            if (!refused && (route.method !== 'GET' || extraParams)) continue;
            const agent = world.people[persona].agent;
            const before = route.method === 'GET' ? '' : await fingerprint();
            const res =
              route.method === 'GET'
                ? await agent.get(url)
                : await agent.submit(url, {}, { from: persona === 'anonymous' ? '/sign-in' : '/' });
            calls++;
            const got = res.statusCode;
            const location = String(res.headers.location ?? '');
            const toSignIn = got === 303 && location.startsWith('/sign-in');
            const ok = {
              'sign-in': toSignIn,
              'not-found': got === 404,
              forbidden: got === 403,
              allowed: (got < 400 || (got === 404 && DOCUMENTS.has(route.url))) && !toSignIn,
              // The page may say why not now (a 409, a redirect, or "not found" for a page that
              // exists only later, such as published results) but never forbids what the relation may do.
              'not-now': got < 500 && ![401, 403].includes(got) && (got !== 404 || route.method === 'GET') && !toSignIn,
            }[verdict];
            const name = `${persona} ${route.method} ${route.url} on the ${c.label}`;
            if (!ok) wrong.push(`${name}: ${got} ${location}, expected ${verdict}`);
            if (route.method !== 'GET')
              assert.equal(await fingerprint(), before, `${name}: a refusal changed something`);
          }
        }
      }
      t.diagnostic(`${routes.length} routes, ${PERSONAS.length} personas, ${calls} requests`);
      assert.deepEqual(wrong, []);
    });
  });
}
