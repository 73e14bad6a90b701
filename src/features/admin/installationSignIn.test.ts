// The installation's administrators required to sign in through a provider (at a level of
// assurance), as a funder requires it of a role: the administrator requiring it must have signed in
// so; another one's password session keeps working without the administration and is sent to the
// provider when opening it; a session through the provider at too low a level is refused, not sent
// round again; lifting the requirement gives the password sessions their administration back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildFunder, buildPerson, platformAdmin } from '../../../test/helpers/factories.ts';
import type { Locale } from '../../domain/locale.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { SessionAssurance } from '../../domain/signInAssurance.ts';
import { users } from '../../platform/identity/schema.ts';
import { openSession, SESSION_COOKIE } from '../../platform/identity/sessions.ts';

const PAGE = '/admin/installation-sign-in';
const FAS = 'urn:be:fedict:iam:fas:Level';
const EN = { 'accept-language': 'en' };
const through = (slug: string, level: number | null): Omit<SessionAssurance, 'secondFactor'> => ({
  method: `provider:${slug}`,
  acr: level === null ? null : `${FAS}${level}`,
});

for (const backend of backends()) {
  describe(`the installation's administrators required a provider on ${backend.name}`, () => {
    let app: TestApp;

    /** A browser whose session was opened so, for this person (as the provider's callback opens it). */
    const sessionOf = async (userId: string, assurance: Omit<SessionAssurance, 'secondFactor'>): Promise<Agent> => {
      const agent = app.agent();
      agent.cookies.set(
        SESSION_COOKIE,
        await openSession(app.database.db, userId, { ...assurance, secondFactor: null }),
      );
      return agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      // Configured providers, as the administrator would have (nobody signs in through them here).
      const actor = await platformAdmin(app);
      for (const [slug, label] of [
        ['csam', 'CSAM'],
        ['itsme', 'itsme'],
      ] as const)
        expectOk(
          await app.services.oidc.configureProvider({
            actor,
            settings: { slug, label, issuer: `https://${slug}.example.be`, clientId: 'octroi', clientSecret: 'secret' },
          }),
        );
    });
    after(() => app?.close());

    test('required, refused, sent to the provider, allowed through it, and lifted', async () => {
      const admin = await app.signedIn({ platformAdmin: true });
      const form = { provider: 'csam', minimumAcr: `${FAS}400` };

      const page = await admin.agent.get(PAGE, EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<option value="csam"[^>]*>CSAM<\/option>/);
      const noProvider = await admin.agent.submit(PAGE, { minimumAcr: `${FAS}400` }, { from: PAGE, headers: EN });
      assert.equal(noProvider.statusCode, 422);
      assert.match(noProvider.body, /A level of assurance needs a provider/);
      const byPassword = await admin.agent.submit(PAGE, form, { from: PAGE, headers: EN });
      assert.equal(byPassword.statusCode, 422, 'this password session would lose the administration at once');
      assert.match(byPassword.body, /Sign in through this provider yourself first/);

      const tooLow = await sessionOf(admin.actor.userId, through('csam', 200));
      assert.equal((await tooLow.submit(PAGE, form, { from: PAGE, headers: EN })).statusCode, 422);
      const csam = await sessionOf(admin.actor.userId, through('csam', 450));
      assert.equal((await csam.submit(PAGE, form, { from: PAGE })).statusCode, 303);
      const shown = await csam.get(PAGE, EN);
      assert.equal(shown.statusCode, 200, 'the session through the provider keeps the administration');
      assert.match(shown.body, /<option value="csam" selected[^>]*>CSAM<\/option>/);
      assert.match(shown.body, new RegExp(`name="minimumAcr"[^>]*value="${FAS}400"`));

      try {
        // The password session, and one through another provider: sent to the provider, back here after.
        for (const agent of [admin.agent, await sessionOf(admin.actor.userId, through('itsme', 500))]) {
          for (const path of [PAGE, '/admin/people']) {
            const res = await agent.get(path);
            assert.equal(res.statusCode, 303, path);
            assert.equal(res.headers.location, `/sign-in/oidc/csam?next=${encodeURIComponent(path)}`);
          }
        }
        // Still signed in, without the administration: what it lacks, in each language.
        const expected: Record<Locale, RegExp> = {
          fr: /l’installation exige que ses administrateur·rice·s se connectent par son fournisseur d’identité/,
          nl: /de installatie vereist dat haar beheerders zich aanmelden via haar identiteitsaanbieder/,
          en: /the installation requires its administrators to sign in through its identity provider/,
        };
        for (const [locale, text] of Object.entries(expected)) {
          await app.database.db.update(users).set({ locale }).where(eq(users.id, admin.actor.userId));
          const account = await admin.agent.get('/account');
          assert.equal(account.statusCode, 200);
          assert.match(account.body, text, locale);
        }
        await app.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, admin.actor.userId));

        // Through the provider at too low a level: refused and told why, not sent round again.
        const refused = await tooLow.get(PAGE);
        assert.equal(refused.statusCode, 403);
        assert.match(
          (await tooLow.get('/account')).body,
          /the installation requires a higher level of assurance from the identity provider/,
        );
        // Those who are not the installation's administrators are refused as before, never sent anywhere.
        const funderAdmin = await buildPerson(app, { funderId: await buildFunder(app), role: 'administrator' });
        assert.equal((await funderAdmin.agent.get(PAGE)).statusCode, 403);
        assert.equal((await (await app.signedIn()).agent.get(PAGE)).statusCode, 403);
      } finally {
        const lifted = await csam.submit(PAGE, { provider: '', minimumAcr: '' }, { from: PAGE });
        assert.equal(lifted.statusCode, 303);
      }
      assert.equal((await admin.agent.get(PAGE)).statusCode, 200, 'lifted: the password session counts again');
    });
  });
}
