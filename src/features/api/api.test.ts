import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import {
  VALID_ORGANISATION,
  STANDARD_BUDGET as BUDGET,
  STANDARD_PROJECT as PROJECT,
} from '../../../test/helpers/samples.ts';
import type { Actor } from '../../domain/access.ts';
import { standardForm } from '../../domain/forms/template.ts';
import { Application, CallApplications, CallList, components, ErrorBody } from './contract.ts';
import { OPERATIONS } from './openapi.ts';
import { apiService, type ApiService } from './service.ts';
import { expectOk } from '../../domain/refusal.ts';

const NOW = Date.now();
const DAY = 86_400_000;
const TOKEN = /octroi_[A-Za-z0-9_-]{43}/;
const IN_A_MONTH = new Date(NOW + 30 * DAY).toISOString().slice(0, 10);

/**
 * A response body checked against the schema its operation declares: it must parse, and parse to
 * itself, since parsing drops keys the schema does not know (the document says there are none).
 */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.parse(body);
  assert.deepEqual(parsed, body, 'no field beyond those the schema declares');
  return parsed;
}

for (const backend of backends()) {
  describe(`JSON API on ${backend.name}`, () => {
    let app: TestApp;
    let admin: Actor;
    let officer: Actor;
    let officerAgent: Agent;
    let tokens: ApiService;
    let funderId: string;
    let callId: string;
    let submittedId: string;
    let draftId: string;
    let n = 0;

    const api = (url: string, token?: string, headers: Record<string, string> = {}) =>
      app.server.inject({
        method: 'GET',
        url,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      });

    /** A token made through the page, as a person would: returns it as shown, once. */
    const tokenThroughPage = async (agent: Agent, name = 'Script') => {
      const res = await agent.submit('/account/api-tokens', { name, scopes: 'read', expiresOn: IN_A_MONTH });
      assert.equal(res.statusCode, 201, res.body.slice(0, 300));
      return TOKEN.exec(res.body)![0];
    };

    /** An officer of a funder of their own. */
    const officerElsewhere = async () => {
      const other = expectOk(
        await app.services.admin.createFunder({
          actor: admin,
          slug: `elsewhere-${++n}`,
          name: { fr: 'Ailleurs' },
        }),
      );
      const person = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({ actor: admin, funderId: other, email: person.email, role: 'officer' }),
      );
      return {
        ...person,
        funderId: other,
        actor: { ...person.actor, grants: [{ funderId: other, role: 'officer' as const }] },
      };
    };

    /** A member of a fresh organisation, with an application started on the call. */
    const applicationOf = async (title: string) => {
      const person = await app.signedIn();
      const base = String(11_000_000 + ++n * 7);
      const number = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
      const created = await person.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, name: `Asbl ${n}`, enterpriseNumber: number },
        { from: '/organisations/new' },
      );
      assert.equal(created.statusCode, 303, `organisation: ${number}`);
      const organisationId = /\/organisations\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
      const started = await person.agent.submit(`/calls/${callId}/apply`, { organisationId, title });
      assert.equal(started.statusCode, 303);
      const id = /\/applications\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
      return { ...person, id };
    };
    const fill = async (who: Agent, id: string) => {
      for (const [section, answers] of [
        ['project', PROJECT],
        ['budget', BUDGET],
      ] as const) {
        const page = await who.get(`/applications/${id}/sections/${section}`);
        const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
        const saved = await who.submit(
          `/applications/${id}/sections/${section}`,
          { ...answers, version },
          { from: `/applications/${id}/sections/${section}` },
        );
        assert.equal(saved.statusCode, 303);
      }
    };

    before(async () => {
      app = await buildTestApp(backend);
      tokens = apiService({ ...app.deps, ...app.services });
      admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(
        await app.services.admin.createFunder({
          actor: admin,
          slug: 'bee',
          name: { fr: 'Bruxelles Économie et Emploi', nl: 'Brussel Economie en Werkgelegenheid' },
        }),
      );
      const person = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId, email: person.email, role: 'officer' }));
      officer = { ...person.actor, grants: [{ funderId, role: 'officer' }] };
      officerAgent = person.agent;
      callId = expectOk(
        await app.services.calls.createCall({
          actor: officer,
          form: standardForm(),
          call: {
            funderId,
            code: 'BEE',
            title: { fr: 'Former les Bruxellois au numérique', nl: 'Brusselaars digitaal vormen' },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 60_000_000,
            grantMinCents: 1_000_000,
            grantMaxCents: 6_000_000,
            coFundingMaxPercent: 80,
            opensAt: new Date(NOW - DAY),
            closesAt: new Date(NOW + 30 * DAY),
            targetPublics: ['seniors', 'women'],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor: officer, callId }));

      const submitted = await applicationOf('Ateliers numériques pour seniors');
      await fill(submitted.agent, submitted.id);
      expectOk(
        await app.services.applications.submitApplication({ actor: submitted.actor, applicationId: submitted.id }),
      );
      submittedId = submitted.id;
      draftId = (await applicationOf('Brouillon')).id;
    });
    after(() => app.close());

    test('an officer creates a token on the page: shown once in full, then only by its name', async () => {
      const page = await officerAgent.get('/account/api-tokens');
      assert.equal(page.statusCode, 200);
      assert.match(
        (await officerAgent.get('/account')).body,
        /href="\/account\/api-tokens"/,
        'the account page links to it',
      );

      assert.match(
        page.body,
        /name="expiresOn"[^>]*type="date"[^>]*value="\d{4}-\d{2}-\d{2}"/,
        'an expiry is proposed',
      );
      assert.match(page.body, /name="scopes" value="read" checked/, 'read by default');
      const empty = await officerAgent.submit('/account/api-tokens', {
        name: '  ',
        scopes: 'read',
        expiresOn: IN_A_MONTH,
      });
      assert.equal(empty.statusCode, 422, 'a token needs a name');
      const noScope = await officerAgent.submit('/account/api-tokens', { name: 'Rien', expiresOn: IN_A_MONTH });
      assert.equal(noScope.statusCode, 422, 'a token needs a scope');
      assert.match(noScope.body, /Choose at least one/);
      const tooLong = await officerAgent.submit('/account/api-tokens', {
        name: 'Éternel',
        scopes: 'read',
        expiresOn: new Date(NOW + 400 * DAY).toISOString().slice(0, 10),
      });
      assert.equal(tooLong.statusCode, 422);
      assert.match(tooLong.body, /A token lasts a year at most/);
      assert.match(tooLong.body, /value="Éternel"/, 'what was typed is kept');
      // What no form sends (found by fuzzing): values that are no text are refused, not given to String().
      const odd = await officerAgent.request({
        method: 'POST',
        url: '/account/api-tokens',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          _csrf: await officerAgent.csrfFrom('/account/api-tokens'),
          name: 'Bizarre',
          scopes: { g1: null },
          expiresOn: { toString: false },
        }),
      });
      assert.equal(odd.statusCode, 422, odd.body.slice(0, 300));
      assert.match(odd.body, /value="Bizarre"/);

      const created = await officerAgent.submit('/account/api-tokens', {
        name: 'Export comptable',
        scopes: 'read',
        expiresOn: IN_A_MONTH,
      });
      assert.equal(created.statusCode, 201);
      assert.equal(created.headers['cache-control'], 'no-store');
      const token = TOKEN.exec(created.body)?.[0];
      assert.ok(token, 'the token is shown in full');
      assert.match(created.body, /Authorization: Bearer octroi_/);

      const later = await officerAgent.get('/account/api-tokens');
      assert.match(later.body, /Export comptable/);
      assert.doesNotMatch(later.body, TOKEN, 'never shown again');
      assert.doesNotMatch(later.body, new RegExp(token!.slice(7, 20)), 'not even in part');
      assert.match(later.body, /Never/, 'not used yet');

      const used = await api('/api/calls', token);
      assert.equal(used.statusCode, 200);
      assert.doesNotMatch((await officerAgent.get('/account/api-tokens')).body, /Never/, 'its last use is recorded');
    });

    test('an officer’s token lists their calls', async () => {
      const token = await tokenThroughPage(officerAgent);
      const res = await api('/api/calls', token);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = conforms(CallList, res.json());
      const call = body.calls.find((c) => c.id === callId);
      assert.ok(call);
      assert.equal(call.code, 'BEE');
      assert.deepEqual(call.title, {
        fr: 'Former les Bruxellois au numérique',
        nl: 'Brusselaars digitaal vormen',
        en: null,
      });
      assert.equal(call.status, 'published');
      assert.equal(call.budgetCents, 60_000_000);
      assert.equal(call.grantMaxCents, 6_000_000);
      assert.equal(call.closesAt, new Date(NOW + 30 * DAY).toISOString(), 'instants in UTC, ISO 8601');
      assert.equal(call.closedAt, null, 'an open call has not closed');
      assert.equal(call.funder.slug, 'bee');
    });

    test('a call’s applications, with filters and counts, and one application with its frozen answers', async () => {
      const token = await tokenThroughPage(officerAgent);
      const res = await api(`/api/calls/${callId}/applications`, token);
      assert.equal(res.statusCode, 200);
      const inbox = conforms(CallApplications, res.json());
      assert.deepEqual(
        inbox.applications.map((a) => a.id),
        [submittedId],
        'submitted ones, never drafts',
      );
      assert.equal(inbox.counts.submitted, 1);
      assert.equal(inbox.counts.draft, 1, 'drafts are counted in the funnel');
      assert.equal(inbox.counts.selected, 0, 'every status is there');
      const row = inbox.applications[0]!;
      assert.match(row.reference!, /^BEE-\d{4}-0001$/);
      assert.equal(row.requestedCents, 4_000_000);
      assert.equal(row.organisationName.startsWith('Asbl'), true);

      const filtered = await api(
        `/api/calls/${callId}/applications?status=submitted&commune=21015&public=seniors&min=4000000&max=4000000&sort=requested&q=atelier`,
        token,
      );
      assert.deepEqual(
        conforms(CallApplications, filtered.json()).applications.map((a) => a.id),
        [submittedId],
      );
      const none = await api(`/api/calls/${callId}/applications?commune=21001&min=`, token);
      assert.equal(
        conforms(CallApplications, none.json()).total,
        0,
        'an empty parameter is no filter; the commune one is',
      );

      const bad = await api(`/api/calls/${callId}/applications?status=bogus&min=abc`, token, {
        'accept-language': 'nl',
      });
      assert.equal(bad.statusCode, 400);
      const refusal = conforms(ErrorBody, bad.json());
      assert.equal(refusal.error, 'badRequest');
      assert.match(refusal.message, /queryparameters/);
      assert.deepEqual(refusal.issues!.map((i) => i.path).sort(), ['min', 'status']);

      const one = await api(`/api/applications/${submittedId}`, token);
      assert.equal(one.statusCode, 200);
      const application = conforms(Application, one.json());
      const view = await app.services.applications.view(officer, submittedId);
      assert.equal(application.reference, view.application.reference);
      assert.equal(application.status, 'submitted');
      assert.equal(application.requestedCents, 4_000_000);
      assert.equal(application.submittedAt, view.application.submittedAt!.toISOString());
      assert.equal(application.submissions.length, 1);
      assert.equal(application.submissions[0]!.sha256, view.submissions[0]!.sha256);
      assert.equal(application.answers!.summary, PROJECT['a.summary']);
      assert.deepEqual(application.answers!.communes, ['21004', '21015']);

      const draft = await api(`/api/applications/${draftId}`, token);
      assert.equal(draft.statusCode, 404, 'an officer reads no draft, through the API either');
      assert.equal((await api('/api/applications/not-a-uuid', token)).statusCode, 404);
    });

    test('no token, a bad one or a revoked one: 401, in the language asked for; a session cookie does not count', async () => {
      const missing = await api('/api/calls', undefined, { 'accept-language': 'fr-BE,fr;q=0.9' });
      assert.equal(missing.statusCode, 401);
      assert.equal(missing.headers['www-authenticate'], 'Bearer realm="octroi"');
      const body = conforms(ErrorBody, missing.json());
      assert.equal(body.error, 'unauthorized');
      assert.match(body.message, /jeton d’API valide/);

      const bad = await api('/api/calls', 'octroi_' + 'x'.repeat(43), { 'accept-language': 'en' });
      assert.equal(bad.statusCode, 401);
      assert.match(String(bad.headers['www-authenticate']), /error="invalid_token"/);
      assert.match(bad.json().message, /valid API token is required/);
      assert.equal((await api('/api/calls', 'not-even-shaped-like-one')).statusCode, 401);
      assert.equal((await api(`/api/applications/${submittedId}`)).statusCode, 401, 'every endpoint');
      assert.equal((await api(`/api/calls/${callId}/applications`)).statusCode, 401);

      const withCookie = await officerAgent.get('/api/calls');
      assert.equal(withCookie.statusCode, 401, 'the officer’s browser session opens nothing here');

      const token = await tokenThroughPage(officerAgent, 'Bientôt révoqué');
      assert.equal((await api('/api/calls', token)).statusCode, 200);
      const page = await officerAgent.get('/account/api-tokens');
      const revokeAction = new RegExp(
        `action="(/account/api-tokens/[0-9a-f-]{36}/revoke)"[^]*?aria-label="Revoke the token “Bientôt révoqué”"`,
      ).exec(page.body)?.[1];
      assert.ok(revokeAction, 'a revoke button per token');
      const revoked = await officerAgent.submit(revokeAction, {}, { from: '/account/api-tokens' });
      assert.equal(revoked.statusCode, 303);
      assert.equal((await api('/api/calls', token)).statusCode, 401, 'a revoked token opens nothing');
      assert.match((await officerAgent.get('/account/api-tokens')).body, /Revoked on/);
      assert.equal(
        (await officerAgent.submit(revokeAction, {}, { from: '/account/api-tokens' })).statusCode,
        303,
        'revoking twice changes nothing',
      );
    });

    test('an officer of another funder: the published call’s applications are forbidden, its applications not found', async () => {
      const stranger = await officerElsewhere();
      const token = await tokenThroughPage(stranger.agent);
      const calls = conforms(CallList, (await api('/api/calls', token)).json());
      assert.ok(!calls.calls.some((c) => c.id === callId), 'not in their list');
      // The call is public: they may see it but not run it (the calls' access shape: 403, not 404).
      const inbox = await api(`/api/calls/${callId}/applications`, token);
      assert.equal(inbox.statusCode, 403);
      assert.equal(conforms(ErrorBody, inbox.json()).error, 'forbidden');
      assert.equal((await api(`/api/applications/${submittedId}`, token)).statusCode, 404);
    });

    test('the tokens page: 403 for an applicant, sign-in for the public; someone else’s token cannot be revoked', async () => {
      const applicant = await app.signedIn();
      assert.equal((await applicant.agent.get('/account/api-tokens')).statusCode, 403);
      assert.doesNotMatch((await applicant.agent.get('/account')).body, /api-tokens/, 'no link to it');
      const forced = await applicant.agent.submit('/account/api-tokens', { name: 'Pirate' }, { from: '/account' });
      assert.equal(forced.statusCode, 403);
      const anonymous = await app.agent().get('/account/api-tokens');
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/sign-in\?next=/);

      const theirs = expectOk(await tokens.createToken({ actor: officer, name: 'À moi' }));
      const stranger = await officerElsewhere();
      const attempt = await stranger.agent.submit(
        `/account/api-tokens/${theirs.id}/revoke`,
        {},
        { from: '/account/api-tokens' },
      );
      assert.equal(attempt.statusCode, 404);
      assert.equal((await api('/api/calls', theirs.token)).statusCode, 200, 'still valid');
      assert.equal(
        (await officerAgent.request({ method: 'POST', url: `/account/api-tokens/${theirs.id}/revoke` })).statusCode,
        403,
        'the forms are CSRF-protected',
      );
    });

    test('a token stops working when its owner no longer runs calls anywhere', async () => {
      const former = await officerElsewhere();
      const token = await tokenThroughPage(former.agent);
      assert.equal((await api('/api/calls', token)).statusCode, 200);
      const { grants } = await app.services.admin.funderPage(admin, former.funderId);
      const grant = grants.find((g) => g.email === former.email)!;
      await app.services.admin.revokeRole({ actor: admin, grantId: grant.id });
      const res = await api('/api/calls', token);
      assert.equal(res.statusCode, 403);
      assert.equal(conforms(ErrorBody, res.json()).error, 'forbidden');
    });

    // Last: it closes the call the other tests apply to.
    test('a call closed early says when, beside the deadline it did not reach', async () => {
      const closedAt = new Date(NOW + 2 * DAY);
      expectOk(await app.services.calls.closeCall({ actor: officer, callId, reason: 'Budget atteint', now: closedAt }));
      const token = await tokenThroughPage(officerAgent);
      const call = conforms(CallList, (await api('/api/calls', token)).json()).calls.find((c) => c.id === callId)!;
      assert.equal(call.closedAt, closedAt.toISOString());
      assert.equal(call.closesAt, new Date(NOW + 30 * DAY).toISOString());
    });

    test('the OpenAPI document: public, 3.1, the three endpoints, the bearer scheme, and responses that match it', async () => {
      const res = await app.agent().get('/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, '3.1.0');
      assert.ok(doc.info.title && doc.info.version);
      assert.deepEqual(doc.components.securitySchemes.bearer, {
        type: 'http',
        scheme: 'bearer',
        description: doc.components.securitySchemes.bearer.description,
      });
      assert.deepEqual(doc.security, [{ bearer: [] }]);
      for (const path of ['/api/calls', '/api/calls/{id}/applications', '/api/applications/{id}'])
        assert.ok(doc.paths[path]?.get, path);

      // Every reference points at a component that exists; no component carries a stray $id.
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
      for (const r of refs) {
        const name = /#\/components\/schemas\/([^"]+)/.exec(r)?.[1];
        assert.ok(name && doc.components.schemas[name], r);
      }
      for (const schema of Object.values(doc.components.schemas) as Record<string, unknown>[])
        assert.ok(!('$id' in schema) && !('$schema' in schema));

      // Each endpoint's real response, checked with the zod schema behind the component it declares.
      const officerToken = expectOk(await tokens.createToken({ actor: officer, name: 'Document' })).token;
      // A grant's tranches and reports need a decided call: grantsApi.test.ts checks those two, and
      // paymentsApi.test.ts the writes on a payment batch.
      type ElsewhereChecked =
        'listGrantTranches' | 'listGrantReports' | 'markBatchPaid' | 'recordTrancheFailed' | 'recordTrancheReturned';
      const urls: Record<Exclude<keyof typeof OPERATIONS, ElsewhereChecked>, string> = {
        listCalls: '/api/calls',
        listCallApplications: `/api/calls/${callId}/applications`,
        getApplication: `/api/applications/${submittedId}`,
        listScreeningOutcomes: `/api/calls/${callId}/screening`,
        listCallAssignments: `/api/calls/${callId}/assignments`,
        getRanking: `/api/calls/${callId}/ranking`,
        getDecision: `/api/calls/${callId}/decision`,
        listCallGrants: `/api/calls/${callId}/grants`,
        listPaymentBatches: `/api/funders/${funderId}/payment-batches`,
        listPlaces: '/api/directory/places',
      };
      for (const [operationId, op] of Object.entries(OPERATIONS) as [
        keyof typeof OPERATIONS,
        (typeof OPERATIONS)[keyof typeof OPERATIONS],
      ][]) {
        const declared = doc.paths[op.path][op.method];
        assert.equal(declared.operationId, operationId);
        assert.equal(
          declared.responses['200'].content['application/json'].schema.$ref,
          `#/components/schemas/${components.get(op.response)!.id}`,
        );
        assert.equal(declared.responses['401'].content['application/json'].schema.$ref, '#/components/schemas/Error');
        if (!(operationId in urls)) continue;
        const response = await api(urls[operationId as keyof typeof urls], officerToken);
        assert.equal(response.statusCode, 200, operationId);
        conforms(op.response, response.json());
      }
      const params = doc.paths['/api/calls/{id}/applications'].get.parameters.map((p: { name: string }) => p.name);
      assert.deepEqual(params, ['id', 'status', 'q', 'commune', 'public', 'min', 'max', 'sort', 'page']);
    });
  });
}
