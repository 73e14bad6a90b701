// A funder requiring one of its roles to sign in through a provider, at a level of assurance: a
// session through the provider at that level opens the funder's pages; a password session is sent
// to the provider when it opens one, and comes back to it; a session through the provider at too
// low a level is refused, told why, and not sent round again. Against the loopback provider.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildCall, buildFunder, buildPerson, platformAdmin } from '../../../test/helpers/factories.ts';
import {
  FAS_CLIENT,
  FAS_LEVEL,
  startOidcProvider,
  throughProvider,
  type LoopbackProvider,
} from '../../../test/helpers/oidcProvider.ts';
import type { Locale } from '../../domain/locale.ts';
import { expectOk } from '../../domain/refusal.ts';
import { users } from '../../platform/identity/schema.ts';

const PUBLIC_URL = 'http://octroi.test';

for (const backend of backends()) {
  describe(`a funder's role required to sign in through its provider on ${backend.name}`, () => {
    let app: TestApp;
    let idp: LoopbackProvider;

    /** Follows a redirect to Octroi's sign-in through FAS as the browser would, to where Octroi sends it back. */
    const throughFas = async (agent: Agent, signInPath: string, account: string) => {
      idp.state.account = account;
      const start = await agent.get(signInPath);
      assert.equal(start.statusCode, 303);
      return agent.get(await throughProvider(String(start.headers.location), PUBLIC_URL));
    };

    before(async () => {
      idp = await startOidcProvider({ publicUrl: PUBLIC_URL });
      app = await buildTestApp(backend);
      expectOk(
        await app.services.oidc.configureProvider({
          actor: await platformAdmin(app),
          settings: {
            slug: 'fas',
            label: 'CSAM (FAS)',
            issuer: idp.issuer,
            ...FAS_CLIENT,
            // As FAS is asked: the levels Octroi accepts; the ID token's acr says which one was used.
            authorizationParams: { acr_values: `${FAS_LEVEL}200 ${FAS_LEVEL}450` },
          },
        }),
      );
    });
    after(async () => {
      await app?.close();
      await idp?.close();
    });

    test('allowed through the provider, sent there from a password session and back, refused too low', async () => {
      const funderId = await buildFunder(app);
      const officer = await buildPerson(app, { funderId, role: 'officer' });
      const page = `/manage/calls/${await buildCall(app, { officer: officer.actor, funderId, draft: true })}`;
      const elsewhere = await buildFunder(app);
      const otherOfficer = await buildPerson(app, { funderId: elsewhere, role: 'officer' });
      const strangersPage = `/manage/calls/${await buildCall(app, { officer: otherOfficer.actor, funderId: elsewhere, draft: true })}`;
      // Linked while signed in with the password: the link alone changes nothing of the session.
      const linked = await throughFas(officer.agent, `/sign-in/oidc/fas?next=${encodeURIComponent(page)}`, 'fas-0003');
      assert.equal(linked.statusCode, 303);
      assert.equal(linked.headers.location, page, 'back to where the link was asked from');
      expectOk(
        await app.services.admin.setSignInRequirement({
          actor: await platformAdmin(app),
          funderId,
          role: 'officer',
          secondFactor: false,
          provider: 'fas',
          minimumAcr: `${FAS_LEVEL}400`,
        }),
      );

      const sent = await officer.agent.get(page);
      assert.equal(sent.statusCode, 303, 'the draft is not "not found" to its officer: sent to the provider');
      assert.equal(sent.headers.location, `/sign-in/oidc/fas?next=${encodeURIComponent(page)}`);
      assert.equal((await officer.agent.get(strangersPage)).statusCode, 404, 'another funder’s: not sent anywhere');
      assert.equal((await (await app.signedIn()).agent.get(page)).statusCode, 404, 'nor is a stranger');
      // A page of no record, where the withheld role only shows less, says so and leads to why.
      const withheldNote = /do not count in this session[^<]*<a href="\/account">See why/;
      assert.match((await officer.agent.get('/', { 'accept-language': 'en' })).body, withheldNote);
      assert.doesNotMatch((await otherOfficer.agent.get('/')).body, withheldNote, 'nothing withheld: no note');

      const back = await throughFas(officer.agent, String(sent.headers.location), 'fas-0003');
      assert.equal(back.statusCode, 303);
      assert.equal(back.headers.location, page, 'back to the page asked for');
      assert.equal((await officer.agent.get(page)).statusCode, 200, 'the role counts through CSAM at level 450');
      assert.doesNotMatch((await officer.agent.get('/')).body, withheldNote, 'the role counts: no note');

      idp.state.acr = `${FAS_LEVEL}200`;
      try {
        const weak = app.agent();
        assert.equal((await throughFas(weak, '/sign-in/oidc/fas?next=%2Faccount', 'fas-0003')).statusCode, 303);
        const expected: Record<Locale, RegExp> = {
          fr: /L’un de vos rôles donne accès à cette page, mais pas dans cette session.:.le financeur exige un niveau de garantie plus élevé/,
          nl: /Een van uw rollen geeft toegang tot deze pagina, maar niet in deze sessie: de financier vereist een hoger betrouwbaarheidsniveau/,
          en: /One of your roles gives access to this page, but not in this session: the funder requires a higher level of assurance/,
        };
        for (const [locale, reason] of Object.entries(expected)) {
          await app.database.db.update(users).set({ locale }).where(eq(users.id, officer.actor.userId));
          const refused = await weak.get(page);
          assert.equal(refused.statusCode, 403, 'refused, not sent round again');
          assert.match(refused.body, reason, locale);
          assert.match(refused.body, /href="\/account"/);
        }
        assert.equal((await weak.get(strangersPage)).statusCode, 404);
      } finally {
        idp.state.acr = `${FAS_LEVEL}450`;
      }
    });

    test('a funder’s administrators sent from its administration; a role wanting a second factor refused, saying so', async () => {
      const funderId = await buildFunder(app);
      const admin = await buildPerson(app, { funderId, role: 'administrator' });
      const officer = await buildPerson(app, { funderId, role: 'officer' });
      const draft = `/manage/calls/${await buildCall(app, { officer: officer.actor, funderId, draft: true })}`;
      const setRequirement = async (
        role: 'administrator' | 'officer',
        requirement: { secondFactor: boolean; provider: string | null },
      ) =>
        expectOk(
          await app.services.admin.setSignInRequirement({
            actor: await platformAdmin(app),
            funderId,
            role,
            minimumAcr: null,
            ...requirement,
          }),
        );
      await setRequirement('administrator', { secondFactor: false, provider: 'fas' });
      await setRequirement('officer', { secondFactor: true, provider: null });

      for (const path of [`/admin/funders/${funderId}`, '/admin']) {
        const sent = await admin.agent.get(path);
        assert.equal(sent.statusCode, 303, path);
        assert.equal(sent.headers.location, `/sign-in/oidc/fas?next=${encodeURIComponent(path)}`);
      }
      const refused = await officer.agent.get(draft, { 'accept-language': 'en' });
      assert.equal(refused.statusCode, 403, 'no provider would give a second factor: not sent anywhere');
      assert.match(refused.body, /not in this session: the funder requires a second factor/);
    });
  });
}
