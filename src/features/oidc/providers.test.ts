// The administration of sign-in: the installation's providers (listed, added, edited with the
// secret kept, disabled and enabled again) and each funder's requirements per role, through the pages.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildFunder, buildPerson } from '../../../test/helpers/factories.ts';
import { signInRequirements } from '../../platform/identity/schema.ts';
import { oidcProviders } from './schema.ts';

const EN = { 'accept-language': 'en' };
const PROVIDER = {
  slug: 'csam',
  label: 'CSAM',
  issuer: 'https://idp.iamfas.belgium.be/fas/oauth2',
  clientId: 'octroi-brussels',
  clientSecret: 'the-first-secret',
  scopes: 'openid profile egovnrn',
  acrValues: 'urn:be:fedict:iam:fas:Level450',
  claimSubject: '',
};

for (const backend of backends()) {
  describe(`sign-in administration on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app?.close());

    test('the installation’s administrator adds, edits (secret kept) and disables a provider; others may not', async () => {
      const admin = await app.signedIn({ platformAdmin: true });
      const from = { from: '/admin/sign-in-providers', headers: EN };
      const bad = await admin.agent.submit('/admin/sign-in-providers', { ...PROVIDER, issuer: 'not an address' }, from);
      assert.equal(bad.statusCode, 422);
      const insecure = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...PROVIDER, issuer: 'http://idp.example.be' },
        from,
      );
      assert.equal(insecure.statusCode, 422);
      assert.match(insecure.body, /must be an https address/);
      assert.equal((await admin.agent.submit('/admin/sign-in-providers', PROVIDER, from)).statusCode, 303);

      const edit = await admin.agent.get('/admin/sign-in-providers/csam', EN);
      assert.equal(edit.statusCode, 200);
      assert.match(edit.body, /Leave empty to keep the secret stored/);
      assert.doesNotMatch(edit.body, /the-first-secret/, 'a secret is never shown back');
      const edited = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...PROVIDER, label: 'CSAM (FAS)', clientSecret: '' },
        { from: '/admin/sign-in-providers/csam', headers: EN },
      );
      assert.equal(edited.statusCode, 303);
      const [row] = await app.database.db.select().from(oidcProviders).where(eq(oidcProviders.slug, 'csam'));
      assert.equal(row!.label, 'CSAM (FAS)');
      assert.equal(row!.clientSecret, 'the-first-secret');
      assert.deepEqual(row!.authorizationParams, { acr_values: 'urn:be:fedict:iam:fas:Level450' });
      assert.match((await app.agent().get('/sign-in', EN)).body, /Sign in with CSAM \(FAS\)/);

      assert.equal((await admin.agent.submit('/admin/sign-in-providers/csam/disable', {}, from)).statusCode, 303);
      assert.doesNotMatch((await app.agent().get('/sign-in', EN)).body, /CSAM/, 'no longer offered');
      assert.equal((await app.agent().get('/sign-in/oidc/csam')).statusCode, 404);
      assert.equal((await admin.agent.submit('/admin/sign-in-providers/csam/enable', {}, from)).statusCode, 303);

      const funderAdmin = await buildPerson(app, { funderId: await buildFunder(app), role: 'administrator' });
      assert.equal((await funderAdmin.agent.get('/admin/sign-in-providers')).statusCode, 403);
      assert.equal((await app.agent().get('/admin/sign-in-providers')).statusCode, 303, 'asked to sign in');
    });

    test('the claims giving the subject, name, mail, language and national number are set on the page', async () => {
      const admin = await app.signedIn({ platformAdmin: true });
      const from = { from: '/admin/sign-in-providers', headers: EN };
      const blank = await admin.agent.get('/admin/sign-in-providers', EN);
      assert.match(blank.body, /id="field-claimName"[^>]*value="name"/, 'a new provider shows the standard claims');
      const FAS = {
        ...PROVIDER,
        slug: 'fas-claims',
        claimSubject: 'sub',
        claimName: 'urn:be:fedict:iam:attr:fullname',
      };
      const bad = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...FAS, claimEmail: 'mail address', claimNationalNumber: 'egov nrn' },
        from,
      );
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.body.match(/A claim’s name is made of letters, digits/g)?.length, 4, 'summary and field, twice');
      const saved = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...FAS, claimEmail: 'mail', claimLocale: '', claimNationalNumber: 'egovnrn' },
        from,
      );
      assert.equal(saved.statusCode, 303);
      const [row] = await app.database.db.select().from(oidcProviders).where(eq(oidcProviders.slug, 'fas-claims'));
      assert.deepEqual(row!.claims, {
        subject: 'sub',
        name: 'urn:be:fedict:iam:attr:fullname',
        email: 'mail',
        locale: 'locale',
        nationalNumber: 'egovnrn',
      });
      const edit = await admin.agent.get('/admin/sign-in-providers/fas-claims', EN);
      assert.match(edit.body, /id="field-claimNationalNumber"[^>]*value="egovnrn"/);
      const cleared = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...FAS, claimNationalNumber: '' },
        { from: '/admin/sign-in-providers/fas-claims', headers: EN },
      );
      assert.equal(cleared.statusCode, 303);
      const [after] = await app.database.db.select().from(oidcProviders).where(eq(oidcProviders.slug, 'fas-claims'));
      assert.equal(after!.claims.nationalNumber, undefined, 'no longer read');
    });

    test('itsme’s settings on the page: private_key_jwt and encrypted ID tokens, keys checked and never shown back', async () => {
      const admin = await app.signedIn({ platformAdmin: true });
      const from = { from: '/admin/sign-in-providers', headers: EN };
      const clientKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
        format: 'pem',
        type: 'pkcs8',
      });
      const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
      const ITSME = {
        ...PROVIDER,
        slug: 'itsme',
        label: 'itsme',
        issuer: 'https://idp.prd.itsme.services/v2',
        clientSecret: '',
        scopes: 'openid service:OCTROI_LOGIN profile email',
        acrValues: '',
        tokenEndpointAuthMethod: 'private_key_jwt',
        idTokenEncryptionAlg: 'RSA-OAEP-256',
        idTokenEncryptionEnc: 'A256GCM',
      };
      const refused = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...ITSME, clientPrivateKey: 'not a key', idTokenDecryptionKey: JSON.stringify(ecKey) },
        from,
      );
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /The client private key is not a private key that signs/);
      assert.match(refused.body, /The decryption key is not a private key for the algorithm chosen/);
      const missing = await admin.agent.submit('/admin/sign-in-providers', ITSME, from);
      assert.match(missing.body, /private_key_jwt needs the client’s private key/);
      assert.match(missing.body, /An encrypted ID token needs its decryption key/);

      const saved = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...ITSME, clientPrivateKey: String(clientKey), idTokenDecryptionKey: String(clientKey) },
        from,
      );
      assert.equal(saved.statusCode, 303);
      const edit = await admin.agent.get('/admin/sign-in-providers/itsme', EN);
      assert.ok(!edit.body.includes(String(clientKey).split('\n')[1]!), 'a key is never shown back');
      assert.equal(edit.body.match(/Leave empty to keep the key stored/g)?.length, 2);
      assert.match(edit.body, /http:\/\/octroi\.test\/sign-in\/oidc\/itsme\/jwks/, 'the jwks_uri to register');
      assert.match(edit.body, /<option value="RSA-OAEP-256" selected/);
      // Edited with the keys' boxes left empty: the stored keys stay and still satisfy the checks.
      const edited = await admin.agent.submit(
        '/admin/sign-in-providers',
        { ...ITSME, label: 'itsme (direct)' },
        { from: '/admin/sign-in-providers/itsme', headers: EN },
      );
      assert.equal(edited.statusCode, 303);
      const [row] = await app.database.db.select().from(oidcProviders).where(eq(oidcProviders.slug, 'itsme'));
      assert.equal(row!.clientPrivateKey, String(clientKey).trim());
      assert.deepEqual(
        [row!.label, row!.tokenEndpointAuthMethod, row!.idTokenEncryptionAlg, row!.idTokenEncryptionEnc],
        ['itsme (direct)', 'private_key_jwt', 'RSA-OAEP-256', 'A256GCM'],
      );
      const jwks = JSON.parse((await app.agent().get('/sign-in/oidc/itsme/jwks')).body) as { keys: { use: string }[] };
      assert.deepEqual(
        jwks.keys.map((k) => k.use),
        ['sig', 'enc'],
      );
    });

    test('a funder’s administrator sets what each role’s sign-in requires; another funder’s may not', async () => {
      const funderId = await buildFunder(app);
      const funderAdmin = await buildPerson(app, { funderId, role: 'administrator' });
      const page = `/admin/funders/${funderId}/sign-in-requirements`;
      const shown = await funderAdmin.agent.get(page, EN);
      assert.equal(shown.statusCode, 200);
      assert.match(shown.body, /Save for the role Programme officer/);
      const from = { from: page, headers: EN };
      const noProvider = await funderAdmin.agent.submit(
        page,
        { role: 'officer', 'officer-minimumAcr': 'urn:be:fedict:iam:fas:Level400' },
        from,
      );
      assert.equal(noProvider.statusCode, 422);
      assert.match(noProvider.body, /needs a provider to vouch for it/);
      const saved = await funderAdmin.agent.submit(page, { role: 'officer', secondFactor: 'yes' }, from);
      assert.equal(saved.statusCode, 303);
      const rows = await app.database.db
        .select()
        .from(signInRequirements)
        .where(eq(signInRequirements.funderId, funderId));
      assert.deepEqual(
        rows.map((r) => [r.role, r.secondFactor, r.provider]),
        [['officer', true, null]],
      );
      assert.match((await funderAdmin.agent.get(page, EN)).body, /id="field-officer-secondFactor"[^>]*checked/);

      const stranger = await buildPerson(app, { funderId: await buildFunder(app), role: 'administrator' });
      assert.equal((await stranger.agent.get(page)).statusCode, 404);
      const cleared = await funderAdmin.agent.submit(page, { role: 'officer' }, from);
      assert.equal(cleared.statusCode, 303);
      assert.equal(
        (await app.database.db.select().from(signInRequirements).where(eq(signInRequirements.funderId, funderId)))
          .length,
        0,
        'a requirement of nothing is removed',
      );
    });
  });
}
