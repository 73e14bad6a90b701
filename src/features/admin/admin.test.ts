import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, uniqueEmail, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { auditEvents } from '../../platform/audit/schema.ts';

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
      await app.services.admin.grantRole({ actor: platformAdminActor, funderId: funderA, email: person.email, role });
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
      funderA = overview.funders.find((f) => f.slug === 'funder-a')!.id;
      funderB = overview.funders.find((f) => f.slug === 'funder-b')!.id;
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
        '/admin/roles',
        { email: juror.email, funderId: funderA, role: 'juror' },
        { from: '/admin' },
      );
      assert.equal(grantHere.statusCode, 303);
      const grantThere = await agent.submit(
        '/admin/roles',
        { email: juror.email, funderId: funderB, role: 'officer' },
        { from: '/admin' },
      );
      assert.equal(grantThere.statusCode, 403, 'no grants at a funder one does not administer');
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
        '/admin/roles',
        { email: officer.email, funderId: funderA, role: 'administrator' },
        { from: '/admin' },
      );
      assert.equal((await officer.agent.get('/admin')).statusCode, 200, 'roles are read on every request');

      const page = await platformAdmin.get('/admin');
      const grantId = new RegExp(
        `${officer.email.replace(/[.+]/g, '\\$&')}[\\s\\S]*?/admin/roles/([0-9a-f-]{36})/revoke`,
      ).exec(page.body)?.[1];
      assert.ok(grantId, 'the grant is listed with a revoke button');
      const revoke = await platformAdmin.submit(`/admin/roles/${grantId}/revoke`, {}, { from: '/admin' });
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
        '/admin/roles',
        { email: uniqueEmail('nobody'), funderId: funderA, role: 'juror' },
        { from: '/admin', headers: { 'accept-language': 'en' } },
      );
      assert.equal(nobody.statusCode, 422);
      assert.match(nobody.body, /No account uses this address/);
      const badRole = await platformAdmin.submit(
        '/admin/roles',
        { email: uniqueEmail(), funderId: funderA, role: 'emperor' },
        { from: '/admin', headers: { 'accept-language': 'en' } },
      );
      assert.equal(badRole.statusCode, 422);
      assert.equal(
        (await platformAdmin.submit('/admin/roles/not-a-uuid/revoke', {}, { from: '/admin' })).statusCode,
        404,
      );
    });
  });
}
