import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/mailbox.ts';
import { SAMPLE_EXE, SAMPLE_PDF, VALID_ORGANISATION } from '../../../test/helpers/samples.ts';

const idFrom = (location: unknown) => /\/organisations\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? '';

for (const backend of backends()) {
  describe(`organisations on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app.close());

    test('registering checks the enterprise number and the IBAN, with translated messages', async () => {
      const { agent } = await app.signedIn();
      const bad = await agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, enterpriseNumber: '0403.019.262', iban: 'BE68 5390 0754 7035' },
        { from: '/organisations/new' },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /This enterprise number does not exist/, 'in the account’s language');
      assert.match(bad.body, /This IBAN is not valid/);
      assert.match(bad.body, /value="Les Amis du Clavier"/, 'what was typed is kept');
    });

    test('an organisation is visible to its members only; members are invited by mail', async () => {
      const owner = await app.signedIn();
      const created = await owner.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, enterpriseNumber: '0417.497.106' },
        { from: '/organisations/new' },
      );
      assert.equal(created.statusCode, 303);
      const id = idFrom(created.headers.location);
      const page = await owner.agent.get(`/organisations/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /0417\.497\.106/);

      const stranger = await app.signedIn();
      assert.equal(
        (await stranger.agent.get(`/organisations/${id}`)).statusCode,
        404,
        'a non-member is told it does not exist',
      );
      assert.equal((await app.agent().get(`/organisations/${id}`)).statusCode, 303, 'the public is asked to sign in');
      const edit = await stranger.agent.submit(
        `/organisations/${id}`,
        { ...VALID_ORGANISATION, enterpriseNumber: '0417.497.106', version: '1' },
        { from: '/organisations/new' },
      );
      assert.equal(edit.statusCode, 404, 'and cannot change it');

      const colleague = await app.signedIn();
      const invite = await owner.agent.submit(
        `/organisations/${id}/invitations`,
        { email: colleague.email, role: 'member' },
        { from: `/organisations/${id}` },
      );
      assert.equal(invite.statusCode, 303);
      const link = linkIn((await app.mailsTo(colleague.email)).at(-1)!);
      const path = new URL(link).pathname + new URL(link).search;
      assert.equal((await stranger.agent.get(path)).statusCode, 400, 'someone else cannot use the invitation');
      const accept = await colleague.agent.get(path);
      assert.equal(accept.statusCode, 303);
      assert.equal((await colleague.agent.get(`/organisations/${id}`)).statusCode, 200);
      const memberInvites = await colleague.agent.submit(
        `/organisations/${id}/invitations`,
        { email: 'x@example.org', role: 'owner' },
        { from: `/organisations/${id}` },
      );
      assert.equal(memberInvites.statusCode, 403, 'only owners invite');
    });

    test('two members editing at once: the second save is refused and keeps what they typed', async () => {
      const owner = await app.signedIn();
      const created = await owner.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, enterpriseNumber: '0203.201.340' },
        { from: '/organisations/new' },
      );
      const id = idFrom(created.headers.location);
      const first = await owner.agent.submit(
        `/organisations/${id}`,
        { ...VALID_ORGANISATION, enterpriseNumber: '0203.201.340', city: 'Bruxelles', version: '1' },
        { from: `/organisations/${id}` },
      );
      assert.equal(first.statusCode, 303);
      const second = await owner.agent.submit(
        `/organisations/${id}`,
        { ...VALID_ORGANISATION, enterpriseNumber: '0203.201.340', city: 'Etterbeek', version: '1' },
        { from: `/organisations/${id}`, headers: { 'accept-language': 'en' } },
      );
      assert.equal(second.statusCode, 409);
      assert.match(second.body, /Someone else saved this profile/);
      assert.match(second.body, /value="Etterbeek"/);
      const view = await app.services.organisations.organisation(owner.actor, id);
      assert.equal(view.organisation.city, 'Bruxelles', 'the first save stands');
    });

    test('documents are checked by content and served to members only', async () => {
      const owner = await app.signedIn();
      const created = await owner.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, enterpriseNumber: '0999.999.922' },
        { from: '/organisations/new' },
      );
      const id = idFrom(created.headers.location);
      assert.ok(id, `created: ${created.statusCode}`);
      const exe = await owner.agent.submitFile(
        `/organisations/${id}/documents`,
        { kind: 'statutes' },
        { field: 'file', name: 'statuts.pdf', bytes: SAMPLE_EXE, type: 'application/pdf' },
        { from: `/organisations/${id}` },
      );
      assert.equal(exe.statusCode, 422);
      assert.match(exe.body, /not accepted|pas accepté|niet aanvaard/);
      const pdf = await owner.agent.submitFile(
        `/organisations/${id}/documents`,
        { kind: 'statutes' },
        { field: 'file', name: 'statuts.pdf', bytes: SAMPLE_PDF },
        { from: `/organisations/${id}` },
      );
      assert.equal(pdf.statusCode, 303);
      const page = await owner.agent.get(`/organisations/${id}`);
      const href = /href="(\/organisations\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(page.body)?.[1];
      assert.ok(href);
      const download = await owner.agent.get(href);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.deepEqual(download.rawPayload, SAMPLE_PDF);
      assert.equal((await (await app.signedIn()).agent.get(href)).statusCode, 404, 'another person cannot download it');
    });
  });
}
