// OpenID Connect sign-in against a real provider (the npm `oidc-provider`, test/helpers/oidcProvider.ts)
// started on loopback, its accounts carrying claims like FAS's. The browser is played by hand: the test follows the provider's
// redirects with a cookie jar of its own, and comes back to Octroi through the agent.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { linkIn } from '../../../test/helpers/mailbox.ts';
import {
  ACCOUNTS,
  FAS_CLIENT,
  FAS_LEVEL,
  signingKey,
  signJwt,
  startOidcProvider,
  strangerKey,
  throughProvider,
  type LoopbackProvider,
} from '../../../test/helpers/oidcProvider.ts';
import * as client from 'openid-client';
import { buildFunder, buildPerson, platformAdmin } from '../../../test/helpers/factories.ts';
import { eq } from 'drizzle-orm';
import { expectOk } from '../../domain/refusal.ts';
import type { ProviderSettings } from './commands/configureProvider.ts';
import { configurationOf } from './client.ts';
import { publicJwks } from './keys.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { funders, roleGrants, users } from '../../platform/identity/schema.ts';
import { oidcProviders } from './schema.ts';

const PUBLIC_URL = 'http://octroi.test';
const EN = { 'accept-language': 'en' };

/**
 * An itsme-like client: it authenticates with private_key_jwt and gets its ID tokens encrypted
 * (RSA-OAEP-256, A256GCM). Octroi holds the private halves, pasted as PEM; the provider registers the
 * public halves as Octroi publishes them at the client's jwks_uri.
 */
const pem = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const ITSME = {
  clientKey: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
  decryptionKey: pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
};
const ITSME_JWKS = publicJwks({
  signing: ITSME.clientKey,
  decryption: ITSME.decryptionKey,
  encryptionAlg: 'RSA-OAEP-256',
});

const ITSME_CLIENT = {
  client_id: 'octroi-itsme',
  redirect_uris: [`${PUBLIC_URL}/sign-in/oidc/itsme/callback`],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: 'private_key_jwt',
  id_token_encrypted_response_alg: 'RSA-OAEP-256',
  id_token_encrypted_response_enc: 'A256GCM',
  jwks: ITSME_JWKS,
};

for (const backend of backends()) {
  describe(`OpenID Connect sign-in on ${backend.name}`, () => {
    let app: TestApp;
    let idp: LoopbackProvider;

    /** Starts a sign-in at Octroi; returns the return address the provider sends the browser to. */
    const signInThrough = async (agent: Agent, account: string, next = '/account', slug = 'fas') => {
      idp.state.account = account;
      const start = await agent.get(`/sign-in/oidc/${slug}?next=${encodeURIComponent(next)}`);
      assert.equal(start.statusCode, 303, start.body.slice(0, 300));
      assert.ok(String(start.headers.location).startsWith(idp.issuer), 'sent to the provider');
      const authorization = new URL(String(start.headers.location));
      assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(authorization.searchParams.get('state') && authorization.searchParams.get('nonce'));
      return throughProvider(authorization.href, PUBLIC_URL);
    };

    const configure = async (settings: ProviderSettings) =>
      expectOk(await app.services.oidc.configureProvider({ actor: await platformAdmin(app), settings }));
    const fas = (changes: Partial<ProviderSettings> = {}): ProviderSettings => ({
      slug: 'fas',
      label: 'CSAM (FAS)',
      issuer: idp.issuer,
      ...FAS_CLIENT,
      scopes: 'openid profile email',
      // As FAS is asked: the levels Octroi accepts; the ID token's acr says which one was used.
      authorizationParams: { acr_values: `${FAS_LEVEL}200 ${FAS_LEVEL}450` },
      ...changes,
    });
    const itsme = (changes: Partial<ProviderSettings> = {}): ProviderSettings => ({
      slug: 'itsme',
      label: 'itsme',
      issuer: idp.issuer,
      clientId: 'octroi-itsme',
      scopes: 'openid profile email',
      tokenEndpointAuthMethod: 'private_key_jwt',
      clientPrivateKey: ITSME.clientKey,
      idTokenEncryption: { alg: 'RSA-OAEP-256', enc: 'A256GCM' },
      idTokenDecryptionKey: ITSME.decryptionKey,
      ...changes,
    });

    before(async () => {
      idp = await startOidcProvider({ publicUrl: PUBLIC_URL, clients: [ITSME_CLIENT] });
      app = await buildTestApp(backend);
      await configure(fas());
    });
    after(async () => {
      await app?.close();
      await idp?.close();
    });

    test('itsme-like: private_key_jwt and an encrypted ID token sign in; the client’s public keys are published', async () => {
      await configure(itsme());
      const jwks = await app.agent().get('/sign-in/oidc/itsme/jwks');
      assert.equal(jwks.statusCode, 200);
      assert.deepEqual(JSON.parse(jwks.body), ITSME_JWKS, 'what the provider registered');
      assert.ok(!jwks.body.includes('"d"'), 'no private member');

      const owner = await app.signedIn();
      const linked = await owner.agent.get(
        await signInThrough(owner.agent, 'fas-0002', '/account/sign-in-methods', 'itsme'),
      );
      assert.equal(linked.statusCode, 303, linked.body.slice(0, 300));
      const browser = app.agent();
      const signedIn = await browser.get(await signInThrough(browser, 'fas-0002', '/account', 'itsme'));
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/account');
      assert.match((await browser.get('/account')).body, new RegExp(owner.email.replace(/[.+]/g, '\\$&')));
    });

    test('itsme-like: a client key or a decryption key that is not the one registered is refused, saying so', async () => {
      const another = () => pem(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
      const refusedWith = async (changes: Partial<ProviderSettings>) => {
        await configure(itsme(changes));
        const agent = app.agent();
        return agent.get(await signInThrough(agent, 'fas-0002', '/account', 'itsme'), EN);
      };
      try {
        const wrongClientKey = await refusedWith({ clientPrivateKey: another() });
        assert.equal(wrongClientKey.statusCode, 502);
        assert.match(wrongClientKey.body, /Octroi’s keys for this provider do not match the ones registered with it/);
        const wrongDecryptionKey = await refusedWith({ idTokenDecryptionKey: another() });
        assert.equal(wrongDecryptionKey.statusCode, 502);
        assert.match(wrongDecryptionKey.body, /do not match the ones registered/);
        // Told to expect encryption, a provider sending a signed-only ID token is refused too.
        await configure(
          fas({ idTokenEncryption: { alg: 'RSA-OAEP-256', enc: null }, idTokenDecryptionKey: ITSME.decryptionKey }),
        );
        const agent = app.agent();
        const unencrypted = await agent.get(await signInThrough(agent, 'fas-0002'), EN);
        assert.equal(unencrypted.statusCode, 502);
      } finally {
        await configure(itsme());
        await configure(fas({ idTokenEncryption: null }));
      }
      const agent = app.agent();
      assert.equal((await agent.get(await signInThrough(agent, 'fas-0002', '/account', 'itsme'))).statusCode, 303);
    });

    test('the sign-in page offers the provider; only the installation’s administrators configure one', async () => {
      const page = await app.agent().get('/sign-in', EN);
      assert.match(page.body, /href="\/sign-in\/oidc\/fas\?next=[^"]*"[^>]*>Sign in with CSAM \(FAS\)</);
      const someone = (await app.signedIn()).actor;
      await assert.rejects(
        app.services.oidc.configureProvider({
          actor: someone,
          settings: { slug: 'x', label: 'X', issuer: 'https://idp.example.be', clientId: 'c' },
        }),
        { name: 'ForbiddenError' },
      );
      const admin = (await app.signedIn({ platformAdmin: true })).actor;
      const insecure = await app.services.oidc.configureProvider({
        actor: admin,
        settings: { slug: 'plain', label: 'Plain', issuer: 'http://idp.example.be', clientId: 'c' },
      });
      assert.deepEqual(insecure, { ok: false, refusals: ['issuer-invalid'] });

      // A provider that cannot be reached (nothing listens there): told so, not a server error.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      await configure({ slug: 'down', label: 'Down', issuer: `http://127.0.0.1:${port}`, clientId: 'c' });
      const down = await app.agent().get('/sign-in/oidc/down', EN);
      assert.equal(down.statusCode, 502);
      assert.match(down.body, /The sign-in provider could not be reached/);
      await app.services.oidc.setProviderEnabled({ actor: admin, slug: 'down', enabled: false });
    });

    test('not linked: no account is matched by e-mail address, the person is asked to sign in first', async () => {
      await app.signedIn({ email: 'fatima@example.be' });
      const agent = app.agent();
      const back = await signInThrough(agent, 'fas-0001');
      const res = await agent.get(back, EN);
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /not linked to an Octroi account/);
      assert.equal((await agent.get('/account')).statusCode, 303, 'not signed in');
    });

    test('a first sign-in whose e-mail is an account’s: linked only once that mailbox confirms', async () => {
      const owner = await app.signedIn({ email: 'pieter.claes@example.be' });
      ACCOUNTS['fas-0005'] = { sub: 'fas-0005', name: 'Pieter Claes', email: 'Pieter.Claes@example.be' };
      const agent = app.agent();
      const res = await agent.get(await signInThrough(agent, 'fas-0005'), EN);
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /we have sent it a link/);
      const mails = await app.mailsTo(owner.email);
      const mail = mails.find((m) => m.subject === 'Link your CSAM (FAS) account to Octroi?');
      assert.ok(mail, 'the account’s owner is asked');
      const link = linkIn(mail);
      assert.ok(link.startsWith('http://octroi.test/sign-in/link-provider?token='));
      const path = link.slice('http://octroi.test'.length);
      assert.equal((await agent.get(await signInThrough(agent, 'fas-0005'))).statusCode, 403, 'nothing linked yet');

      const reader = app.agent();
      const confirm = await reader.get(path, EN);
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Link CSAM \(FAS\) to your account/);
      const token = new URL(link).searchParams.get('token')!;
      const done = await reader.submit('/sign-in/link-provider', { token }, { from: path });
      assert.equal(done.statusCode, 303);
      const again = await reader.submit('/sign-in/link-provider', { token }, { from: '/sign-in', headers: EN });
      assert.equal(again.statusCode, 400, 'a link works once');

      const browser = app.agent();
      assert.equal((await browser.get(await signInThrough(browser, 'fas-0005', '/account'))).statusCode, 303);
      assert.match((await browser.get('/account')).body, /pieter\.claes@example\.be/);
      assert.equal((await app.agent().get('/sign-in/link-provider?token=nothing', EN)).statusCode, 400);
    });

    test('linked while signed in, then signs in; another account cannot take the link; unlinked', async () => {
      const owner = await app.signedIn();
      const linked = await owner.agent.get(await signInThrough(owner.agent, 'fas-0001', '/account/sign-in-methods'));
      assert.equal(linked.statusCode, 303);
      assert.equal(linked.headers.location, '/account/sign-in-methods');
      const methods = await owner.agent.get('/account/sign-in-methods');
      assert.match(methods.body, /CSAM \(FAS\) — linked on/);

      const browser = app.agent();
      const signedIn = await browser.get(await signInThrough(browser, 'fas-0001', '/account'));
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/account');
      const account = await browser.get('/account');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, new RegExp(owner.email.replace(/[.+]/g, '\\$&')));

      const other = await app.signedIn();
      const taken = await other.agent.get(await signInThrough(other.agent, 'fas-0001'));
      assert.equal(taken.statusCode, 409);

      const id = /action="\/account\/sign-in-methods\/([0-9a-f-]{36})\/unlink"/.exec(methods.body)![1]!;
      const unlinked = await owner.agent.submit(
        `/account/sign-in-methods/${id}/unlink`,
        {},
        { from: '/account/sign-in-methods' },
      );
      assert.equal(unlinked.statusCode, 303, 'the password remains a way in');
      assert.match((await owner.agent.get('/account/sign-in-methods')).body, /No provider linked/);
      const again = app.agent();
      assert.equal((await again.get(await signInThrough(again, 'fas-0001'))).statusCode, 403, 'no longer signs in');
    });

    test('refused: a state that is not the one sent, a code used twice, a wrong nonce, no pending sign-in', async () => {
      const owner = await app.signedIn();
      await owner.agent.get(await signInThrough(owner.agent, 'fas-0002', '/account'));

      const badState = app.agent();
      const back = new URL(await signInThrough(badState, 'fas-0002'), PUBLIC_URL);
      back.searchParams.set('state', 'not-the-state-sent');
      const refused = await badState.get(back.pathname + back.search, EN);
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /could not be verified/);

      const replay = app.agent();
      const returnUrl = await signInThrough(replay, 'fas-0002');
      const pending = replay.cookies.get('octroi_oidc')!;
      assert.equal((await replay.get(returnUrl)).statusCode, 303, 'the first use signs in');
      replay.cookies.set('octroi_oidc', pending);
      assert.equal((await replay.get(returnUrl)).statusCode, 400, 'the provider refuses a code used before');
      assert.equal((await app.agent().get(returnUrl)).statusCode, 400, 'without its pending sign-in, nothing');

      const nonce = app.agent();
      const nonceReturn = await signInThrough(nonce, 'fas-0002');
      const cookie = nonce.cookies.get('octroi_oidc')!;
      const unsigned = app.server.unsignCookie(decodeURIComponent(cookie));
      assert.ok(unsigned.valid);
      const forged = { ...JSON.parse(unsigned.value!), nonce: 'another-nonce' };
      nonce.cookies.set('octroi_oidc', app.server.signCookie(JSON.stringify(forged)));
      assert.equal((await nonce.get(nonceReturn)).statusCode, 400, 'an ID token for another nonce');

      const tampered = app.agent();
      const tamperedReturn = await signInThrough(tampered, 'fas-0002');
      tampered.cookies.set('octroi_oidc', 'x' + tampered.cookies.get('octroi_oidc'));
      assert.equal((await tampered.get(tamperedReturn)).statusCode, 400, 'a pending sign-in not signed by Octroi');
    });

    test('refused: an ID token expired, or signed with a key that is not the provider’s', async () => {
      const owner = await app.signedIn();
      await owner.agent.get(await signInThrough(owner.agent, 'fas-0004', '/account'));
      const [provider] = await app.database.db.select().from(oidcProviders).where(eq(oidcProviders.slug, 'fas'));
      const config = await configurationOf(provider!);
      // Between Octroi and the provider's token endpoint: the ID token it answers, re-signed as the case needs.
      let reissue: ((claims: Record<string, unknown>) => string) | null = null;
      const previous = config[client.customFetch];
      config[client.customFetch] = async (url, options) => {
        const res = await fetch(url, options as RequestInit);
        if (!reissue || !url.endsWith('/token')) return res;
        const body = (await res.json()) as { id_token: string };
        body.id_token = reissue(JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString()));
        return new Response(JSON.stringify(body), {
          status: res.status,
          headers: { 'content-type': 'application/json' },
        });
      };
      try {
        const returnWith = async (change: (claims: Record<string, unknown>) => string) => {
          reissue = change;
          const agent = app.agent();
          return (await agent.get(await signInThrough(agent, 'fas-0004'), EN)).statusCode;
        };
        assert.equal(
          await returnWith((claims) => signJwt(claims, signingKey)),
          303,
          'the same token re-signed: accepted',
        );
        const now = Math.floor(Date.now() / 1000);
        const expired = (claims: Record<string, unknown>) =>
          signJwt({ ...claims, iat: now - 7200, exp: now - 3600 }, signingKey);
        assert.equal(await returnWith(expired), 400, 'expired an hour ago');
        assert.equal(await returnWith((claims) => signJwt(claims, strangerKey)), 400, 'signed by another key');
      } finally {
        // The configuration is the one every later sign-in shares: it goes back to plain fetch.
        reissue = null;
        if (previous) config[client.customFetch] = previous;
      }
    });

    test('the national register number: kept, checked, only for a funder with a legal basis, forgotten with it', async () => {
      await configure(fas({ scopes: 'openid profile email egovnrn', claims: { nationalNumber: 'egovnrn' } }));
      try {
        const keeping = await buildFunder(app);
        const other = await buildFunder(app);
        const admin = await buildPerson(app, { funderId: keeping, role: 'administrator' });
        const settings = async (changes: Record<string, string>) => {
          const [f] = await app.database.db.select().from(funders).where(eq(funders.id, keeping));
          const page = `/admin/funders/${keeping}`;
          const form = { nameFr: f!.name.fr, requiredLanguages: 'fr', version: String(f!.version), ...changes };
          return admin.agent.submit(page, form, { from: page, headers: EN });
        };
        const noBasis = await settings({ keepsNationalNumber: 'yes' });
        assert.equal(noBasis.statusCode, 422);
        assert.match(noBasis.body, /Say which legal basis allows the funder to keep the number/);
        const basis = 'Ordonnance du 4 avril 2024, article 12';
        assert.equal((await settings({ keepsNationalNumber: 'yes', nationalNumberLegalBasis: basis })).statusCode, 303);

        const someone = (sub: string, egovnrn: string) => (ACCOUNTS[sub] = { sub, name: sub, egovnrn });
        someone('fas-0006', '85.07.30-033.28');
        someone('fas-0007', '01020312345');
        someone('fas-0008', '85073003329');
        const numberOf = async (email: string) =>
          (await app.database.db.select({ n: users.nationalNumber }).from(users).where(eq(users.email, email)))[0]!.n;
        const linkAs = async (person: { agent: Agent }, sub: string) =>
          assert.equal(
            (await person.agent.get(await signInThrough(person.agent, sub, '/account/sign-in-methods'))).statusCode,
            303,
          );
        const officer = await buildPerson(app, { funderId: keeping, role: 'officer' });
        await linkAs(officer, 'fas-0006');
        assert.equal(await numberOf(officer.email), '85073003328');
        const elsewhere = await buildPerson(app, { funderId: other, role: 'officer' });
        await linkAs(elsewhere, 'fas-0007');
        assert.equal(await numberOf(elsewhere.email), null, 'none of their funders has a legal basis');
        const mistyped = await buildPerson(app, { funderId: keeping, role: 'officer' });
        await linkAs(mistyped, 'fas-0008');
        assert.equal(await numberOf(mistyped.email), null, 'a number failing its check');

        const shown = await admin.agent.get(`/admin/funders/${keeping}`, EN);
        assert.match(shown.body, /<th scope="col">National register number<\/th>/);
        assert.match(shown.body, /85\.07\.30-033\.28/);
        const otherAdmin = await buildPerson(app, { funderId: other, role: 'administrator' });
        const otherPage = (await otherAdmin.agent.get(`/admin/funders/${other}`, EN)).body;
        assert.doesNotMatch(otherPage, /<th scope="col">National register number/, 'no column where no basis');
        const audit = await app.database.db.select().from(auditEvents);
        const trail = JSON.stringify(audit);
        assert.ok(!trail.includes('85073003328') && !trail.includes('033.28'), 'never in the audit trail…');
        assert.deepEqual(
          audit.filter((a) => a.action === 'account.national-number-kept' && a.subjectId === officer.actor.userId)
            .length,
          1,
          '…which says that it was kept',
        );

        someone('fas-0009', '01020312345');
        const leaving = await buildPerson(app, { funderId: keeping, role: 'juror' });
        await linkAs(leaving, 'fas-0009');
        assert.equal(await numberOf(leaving.email), '01020312345', 'born in 2001');
        const [grant] = await app.database.db
          .select()
          .from(roleGrants)
          .where(eq(roleGrants.userId, leaving.actor.userId));
        await app.services.admin.revokeRole({ actor: await platformAdmin(app), grantId: grant!.id });
        assert.equal(await numberOf(leaving.email), null, 'forgotten with the role that justified it');

        const browser = app.agent();
        assert.equal((await browser.get(await signInThrough(browser, 'fas-0006'))).statusCode, 303);
        assert.equal(await numberOf(officer.email), '85073003328', 'signing in again keeps it');
        assert.equal((await settings({ nationalNumberLegalBasis: basis })).statusCode, 303, 'the box unticked');
        assert.equal(await numberOf(officer.email), null, 'forgotten with the basis');
        const again = app.agent();
        assert.equal((await again.get(await signInThrough(again, 'fas-0006'))).statusCode, 303);
        assert.equal(await numberOf(officer.email), null, 'not kept again');
      } finally {
        await configure(fas());
      }
    });

    test('a funder requiring its officers to sign in through the provider at level 400 at least', async () => {
      const funderId = await buildFunder(app);
      const officer = await buildPerson(app, { funderId, role: 'officer' });
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
      await officer.agent.get(await signInThrough(officer.agent, 'fas-0003', '/account/sign-in-methods'));
      const grantsOf = async (agent: Agent) =>
        (await app.services.accounts.sessionUser(agent.cookies.get('octroi_session')!))!.actor.grants;
      assert.deepEqual(await grantsOf(officer.agent), [], 'withheld in a session opened with the password');
      try {
        const strong = app.agent();
        assert.equal((await strong.get(await signInThrough(strong, 'fas-0003'))).statusCode, 303);
        assert.deepEqual(await grantsOf(strong), [{ funderId, role: 'officer' }], 'CSAM at level 450');
        idp.state.acr = `${FAS_LEVEL}200`;
        const weak = app.agent();
        assert.equal((await weak.get(await signInThrough(weak, 'fas-0003'))).statusCode, 303);
        assert.deepEqual(await grantsOf(weak), [], 'CSAM at level 200 signs in, without the role');
      } finally {
        idp.state.acr = `${FAS_LEVEL}450`;
      }
    });
  });
}
