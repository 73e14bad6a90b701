import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, uniqueEmail, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { funders } from '../../platform/identity/schema.ts';
import { SAMPLE_EXE, SAMPLE_PDF } from '../../../test/helpers/samples.ts';
import { expectOk } from '../../domain/refusal.ts';

for (const backend of backends()) {
  describe(`administration on ${backend.name}`, () => {
    let app: TestApp;
    let platformAdmin: Agent;
    let platformAdminActor: Actor;
    let funderA: string;
    let funderB: string;
    /** A signed-in person holding one role at funder A. */
    const withRole = async (role: Role) => {
      const person = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({ actor: platformAdminActor, funderId: funderA, email: person.email, role }),
      );
      return person;
    };

    before(async () => {
      app = await buildTestApp(backend);
      ({ agent: platformAdmin, actor: platformAdminActor } = await app.signedIn({ platformAdmin: true }));
      const created = await platformAdmin.submit(
        '/admin/funders',
        { slug: 'funder-a', nameFr: 'Pouvoir A', nameNl: 'Overheid A' },
        { from: '/admin' },
      );
      assert.equal(created.statusCode, 303);
      await platformAdmin.submit('/admin/funders', { slug: 'funder-b', nameFr: 'Pouvoir B' }, { from: '/admin' });
      const overview = await app.services.admin.overview(platformAdminActor);
      funderA = overview.funders.find((f) => f.record.slug === 'funder-a')!.record.id;
      funderB = overview.funders.find((f) => f.record.slug === 'funder-b')!.record.id;
    });
    after(() => app.close());

    test('who may open the administration: anonymous asked to sign in, applicant/juror/officer refused', async () => {
      const anonymous = await app.agent().get('/admin');
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/sign-in\?next=%2Fadmin/);
      for (const role of ['applicant', 'juror', 'officer'] as const) {
        const { agent } = await withRole(role);
        const res = await agent.get('/admin', { 'accept-language': 'en' });
        assert.equal(res.statusCode, 403, role);
        assert.match(res.body, /Access refused/);
      }
    });

    test('a funder administrator sees and manages only their own funder', async () => {
      const { agent } = await withRole('administrator');
      const page = await agent.get('/admin');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Pouvoir A/);
      assert.doesNotMatch(page.body, /Pouvoir B/, 'another funder is simply absent');
      assert.doesNotMatch(page.body, /name="slug"/, 'no form to create funders');

      const juror = await app.signedIn();
      const grantHere = await agent.submit(
        `/admin/funders/${funderA}/roles`,
        { email: juror.email, role: 'juror' },
        { from: `/admin/funders/${funderA}` },
      );
      assert.equal(grantHere.statusCode, 303);
      const grantThere = await agent.submit(
        `/admin/funders/${funderB}/roles`,
        { email: juror.email, role: 'officer' },
        { from: '/admin' },
      );
      assert.equal(grantThere.statusCode, 404, 'a funder one does not administer does not exist for them');
      assert.equal((await agent.get(`/admin/funders/${funderB}`)).statusCode, 404);
      const createFunder = await agent.submit('/admin/funders', { slug: 'rogue', nameFr: 'Rogue' }, { from: '/admin' });
      assert.equal(createFunder.statusCode, 403);

      const account = await juror.agent.get('/account', { 'accept-language': 'en' });
      assert.match(account.body, /Juror — Pouvoir A/);
      assert.doesNotMatch(account.body, /Pouvoir B/);
    });

    test('granting and revoking a role takes effect at once and is audited', async () => {
      const officer = await app.signedIn();
      assert.equal((await officer.agent.get('/admin')).statusCode, 403);
      await platformAdmin.submit(
        `/admin/funders/${funderA}/roles`,
        { email: officer.email, role: 'administrator' },
        { from: `/admin/funders/${funderA}` },
      );
      assert.equal((await officer.agent.get('/admin')).statusCode, 200, 'roles are read on every request');

      const page = await platformAdmin.get(`/admin/funders/${funderA}`);
      const grantId = new RegExp(
        `${officer.email.replace(/[.+]/g, '\\$&')}[\\s\\S]*?/admin/roles/([0-9a-f-]{36})/revoke`,
      ).exec(page.body)?.[1];
      assert.ok(grantId, 'the grant is listed with a link to revoke it');
      const confirm = await platformAdmin.get(`/admin/roles/${grantId}/revoke`, { 'accept-language': 'en' });
      assert.match(confirm.body, /will no longer be Administrator at Pouvoir A/, 'a step to confirm first');
      assert.equal((await officer.agent.get('/admin')).statusCode, 200, 'nothing changes before the confirmation');
      const revoke = await platformAdmin.submit(
        `/admin/roles/${grantId}/revoke`,
        {},
        { from: `/admin/roles/${grantId}/revoke` },
      );
      assert.equal(revoke.statusCode, 303);
      assert.equal((await officer.agent.get('/admin')).statusCode, 403);
      const trail = await app.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, officer.actor.userId));
      assert.deepEqual(
        trail.map((r) => [r.action, r.actorId]).filter(([a]) => a!.startsWith('role.')),
        [
          ['role.granted', platformAdminActor.userId],
          ['role.revoked', platformAdminActor.userId],
        ],
      );
      const outsider = await withRole('officer');
      assert.equal(
        (await outsider.agent.submit(`/admin/roles/${grantId}/revoke`, {}, { from: '/account' })).statusCode,
        404,
      );
    });

    test('mistakes are answered next to the field, with what was typed kept', async () => {
      const taken = await platformAdmin.submit(
        '/admin/funders',
        { slug: 'funder-a', nameFr: 'Encore A' },
        { from: '/admin', headers: { 'accept-language': 'en' } },
      );
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /Another funder already uses this short name/);
      assert.match(taken.body, /value="Encore A"/);
      const badSlug = await platformAdmin.submit(
        '/admin/funders',
        { slug: 'Not A Slug', nameFr: '' },
        { from: '/admin', headers: { 'accept-language': 'en' } },
      );
      assert.equal(badSlug.statusCode, 422);
      assert.match(badSlug.body, /lower-case letters/);
      const nobody = await platformAdmin.submit(
        `/admin/funders/${funderA}/roles`,
        { email: uniqueEmail('nobody'), role: 'juror' },
        { from: `/admin/funders/${funderA}`, headers: { 'accept-language': 'en' } },
      );
      assert.equal(nobody.statusCode, 422);
      assert.match(nobody.body, /No account uses this address/);
      const badRole = await platformAdmin.submit(
        `/admin/funders/${funderA}/roles`,
        { email: uniqueEmail(), role: 'emperor' },
        { from: `/admin/funders/${funderA}`, headers: { 'accept-language': 'en' } },
      );
      assert.equal(badRole.statusCode, 422);
      assert.equal(
        (await platformAdmin.submit('/admin/roles/not-a-uuid/revoke', {}, { from: '/admin' })).statusCode,
        404,
      );
    });

    test('a funder’s settings: names in its required languages, contact address, letterhead, stale edits refused', async () => {
      const { agent } = await withRole('administrator');
      const page = `/admin/funders/${funderA}`;
      const version = /name="version" value="(\d+)"/.exec((await agent.get(page)).body)![1]!;
      const settings = {
        nameFr: 'Pouvoir A',
        nameNl: '',
        requiredLanguages: ['fr', 'nl'],
        contactEmail: 'appels@pouvoir-a.example.be',
        street: 'Rue Royale 2',
        postalCode: '1000',
        city: 'Bruxelles',
        version,
      };
      const missingDutch = await agent.submit(page, settings, { headers: { 'accept-language': 'en' } });
      assert.equal(missingDutch.statusCode, 422, 'Dutch is required, so is the Dutch name');
      assert.match(missingDutch.body, /value="appels@pouvoir-a.example.be"/, 'what was typed is kept');
      const saved = await agent.submit(page, { ...settings, nameNl: 'Overheid A' });
      assert.equal(saved.statusCode, 303);
      const [funder] = await app.database.db.select().from(funders).where(eq(funders.id, funderA));
      assert.equal(funder!.contactEmail, 'appels@pouvoir-a.example.be');
      assert.deepEqual(funder!.requiredLanguages, ['fr', 'nl']);
      const stale = await agent.submit(
        page,
        { ...settings, nameNl: 'Overheid A2' },
        { headers: { 'accept-language': 'en' } },
      );
      assert.equal(stale.statusCode, 409, 'the version of the page was read before the last save');
      assert.match(stale.body, /Someone else saved this meanwhile/);

      const exe = await agent.submitFile(
        `${page}/logo`,
        {},
        { field: 'file', name: 'logo.png', bytes: SAMPLE_EXE },
        { from: page },
      );
      assert.equal(exe.statusCode, 422, 'a logo is checked by its content');
      const pdf = await agent.submitFile(
        `${page}/logo`,
        {},
        { field: 'file', name: 'logo.pdf', bytes: SAMPLE_PDF },
        { from: page },
      );
      assert.equal(pdf.statusCode, 422, 'a logo is an image');
    });

    test('people: a funder administrator sees those with a role there; the installation deactivates and reactivates accounts', async () => {
      const applicantHere = await withRole('applicant');
      const stranger = await app.signedIn();
      const { agent: funderAdmin } = await withRole('administrator');
      const listed = (await funderAdmin.get('/admin/people')).body;
      assert.ok(listed.includes(applicantHere.email));
      assert.ok(!listed.includes(stranger.email), 'someone without a role at their funder is not theirs to see');
      assert.equal((await funderAdmin.get(`/admin/people/${stranger.actor.userId}/deactivate`)).statusCode, 403);

      const search = (await platformAdmin.get(`/admin/people?q=${encodeURIComponent(stranger.email)}`)).body;
      assert.ok(search.includes(stranger.email));
      assert.ok(!search.includes(applicantHere.email), 'the search narrows the list');
      const confirm = `/admin/people/${stranger.actor.userId}/deactivate`;
      assert.equal((await platformAdmin.get(confirm)).statusCode, 200);
      const deactivated = await platformAdmin.submit(confirm, { reason: 'Départ' });
      assert.equal(deactivated.statusCode, 303);
      assert.equal((await stranger.agent.get('/account')).statusCode, 303, 'their session ended at once');
      const again = await app
        .agent()
        .submit('/sign-in', { email: stranger.email, password: PASSWORD }, { headers: { 'accept-language': 'en' } });
      assert.equal(again.statusCode, 403);
      assert.match(again.body, /This account is deactivated/);
      const own = `/admin/people/${platformAdminActor.userId}/deactivate`;
      assert.equal((await platformAdmin.submit(own, {})).statusCode, 409, 'never one’s own account');
      const reactivated = await platformAdmin.submit(`/admin/people/${stranger.actor.userId}/reactivate`, {});
      assert.equal(reactivated.statusCode, 303);
      const back = await app.agent().submit('/sign-in', { email: stranger.email, password: PASSWORD });
      assert.equal(back.statusCode, 303);
    });

    test('the audit trail: filtered by who, what and record, scoped to what one administers, the chain checked on demand', async () => {
      const { agent: funderAdmin } = await withRole('administrator');
      const own = await funderAdmin.get('/admin/audit?action=role.');
      assert.equal(own.statusCode, 200);
      assert.match(own.body, /role\.granted/);
      assert.doesNotMatch(
        own.body,
        /account\.(de|re)activated/,
        'account rows belong to no funder: the installation’s only',
      );
      const verify = await platformAdmin.get('/admin/audit?verify=1', { 'accept-language': 'en' });
      assert.match(verify.body, /The chain holds/);
      const byFunder = await platformAdmin.get(`/admin/audit?subject=funder&action=funder.created`);
      assert.match(byFunder.body, /funder\.created/);
      assert.doesNotMatch(byFunder.body, /role\.granted/);
      const nonsense = await platformAdmin.get('/admin/audit?from=not-a-date&before=-3&action=%25');
      assert.equal(nonsense.statusCode, 200, 'filters that cannot be read are left out');
    });

    test('every call of the funders one administers, drafts included', async () => {
      const officer = await withRole('officer');
      expectOk(
        await app.services.calls.createCall({
          actor: { ...officer.actor, grants: [{ funderId: funderA, role: 'officer' }] },
          call: {
            funderId: funderA,
            code: 'ADMINX',
            title: { fr: 'Appel en préparation' },
            summary: { fr: '' },
            description: { fr: '' },
            budgetCents: 100,
            grantMinCents: null,
            grantMaxCents: null,
            opensAt: null,
            closesAt: null,
          },
        }),
      );
      const { agent: funderAdmin } = await withRole('administrator');
      const page = await funderAdmin.get('/admin/calls');
      assert.match(page.body, /Appel en préparation/);
      assert.match(
        page.body,
        /href="\/manage\/calls\/[0-9a-f-]{36}">Appel en préparation/,
        'a funder administrator runs its calls',
      );
      assert.equal((await officer.agent.get('/admin/calls')).statusCode, 403);
    });
  });
}
