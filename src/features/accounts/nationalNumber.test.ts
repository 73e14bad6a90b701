// A person sees on their account page whether Octroi keeps their national register number, which
// one, for which funders' legal basis, and that it is never shared; nobody else's account page shows
// it. The number is written as a sign-in through a provider would keep it (oidc.test.ts tests that).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildFunder, buildPerson, platformAdmin } from '../../../test/helpers/factories.ts';
import type { Locale } from '../../domain/locale.ts';
import { expectOk } from '../../domain/refusal.ts';
import { funders, users } from '../../platform/identity/schema.ts';

const BASIS = 'Ordonnance du 4 avril 2024, article 12';

for (const backend of backends()) {
  describe(`one's own national register number on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app?.close());

    test('shown formatted to its holder, with the funders keeping it and why; to nobody else', async () => {
      const keeping = await buildFunder(app, { name: 'Fonds bruxellois' });
      const silent = await buildFunder(app, { name: 'Fonds muet' });
      await app.database.db.update(funders).set({ nationalNumberLegalBasis: BASIS }).where(eq(funders.id, keeping));
      const holder = await buildPerson(app, { funderId: keeping, role: 'officer' });
      for (const grant of [
        { funderId: keeping, role: 'juror' as const },
        { funderId: silent, role: 'officer' as const },
      ])
        expectOk(
          await app.services.admin.grantRole({ actor: await platformAdmin(app), ...grant, email: holder.email }),
        );
      await app.database.db
        .update(users)
        .set({ nationalNumber: '85073003328' })
        .where(eq(users.id, holder.actor.userId));

      const expected: Record<Locale, RegExp[]> = {
        en: [
          /Octroi keeps your national register number/,
          /It is never shared: it appears in no export nor in any answer of the API/,
        ],
        fr: [
          /Octroi conserve votre numéro de registre national/,
          /Il n’est jamais partagé : il ne figure dans aucun export/,
        ],
        nl: [/Octroi bewaart uw rijksregisternummer/, /Het wordt nooit gedeeld: het staat in geen enkele export/],
      };
      for (const [locale, texts] of Object.entries(expected)) {
        await app.database.db.update(users).set({ locale }).where(eq(users.id, holder.actor.userId));
        const page = (await holder.agent.get('/account')).body;
        assert.match(page, /<strong>85\.07\.30-033\.28<\/strong>/, locale);
        for (const text of texts) assert.match(page.replace(/\u202f/g, ' '), text, locale);
        const keptFor = page.slice(page.indexOf('id="national-number"'));
        assert.equal(keptFor.split(`Fonds bruxellois — ${BASIS}`).length, 2, 'the funder once, with its legal basis');
        assert.doesNotMatch(keptFor, /Fonds muet/, 'not a funder without a basis');
      }

      // Someone else: a colleague at the same funder, its administrator, the installation's administrator.
      const others = [
        await buildPerson(app, { funderId: keeping, role: 'officer' }),
        await buildPerson(app, { funderId: keeping, role: 'administrator' }),
        await app.signedIn({ platformAdmin: true }),
      ];
      for (const other of others) {
        const page = (await other.agent.get('/account')).body;
        assert.match(page, /Octroi keeps no national register number of yours/);
        assert.ok(!page.includes('033.28') && !page.includes('85073003328'), 'never someone else’s number');
      }
    });
  });
}
