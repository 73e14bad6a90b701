// The second factor as a person lives it through the forms: the authenticator app set up (a wrong
// first code refused), the sign-in's second step (no session before it; a code not replayable; a
// recovery code working once), and a funder's requirement withholding a role until it is met.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildFunder, buildPerson, platformAdmin } from '../../../test/helpers/factories.ts';
import { expectOk } from '../../domain/refusal.ts';
import { currentTotpCode } from './totp.ts';

const EN = { 'accept-language': 'en' };

/** Sets up the authenticator app through the pages; returns its secret and the recovery codes shown. */
async function setUpAuthenticator(agent: Agent): Promise<{ secret: string; codes: string[] }> {
  const started = await agent.submit('/account/security/authenticator', {}, { from: '/account/security' });
  assert.equal(started.statusCode, 200);
  assert.match(started.body, /<img src="data:image\/svg\+xml;base64,[^"]+"[^>]*alt="QR code/);
  const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/.exec(started.body)![1]!.replace(/ /g, '');
  const wrong = await agent.submit(
    '/account/security/authenticator/confirm',
    { code: '000000' === currentTotpCode(secret) ? '111111' : '000000' },
    { from: '/account/security' },
  );
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /This code is not right/);
  const confirmed = await agent.submit(
    '/account/security/authenticator/confirm',
    { code: currentTotpCode(secret) },
    { from: '/account/security' },
  );
  assert.equal(confirmed.statusCode, 200);
  const codes = [...confirmed.body.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  return { secret, codes };
}

/** The password step: for a person with a second factor, a pending session and the second step's page. */
async function passwordStep(app: TestApp, email: string): Promise<Agent> {
  const agent = app.agent();
  const res = await agent.submit('/sign-in', { email, password: PASSWORD, next: '/account' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/sign-in/second-factor?next=%2Faccount');
  return agent;
}

for (const backend of backends()) {
  describe(`second factor on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app?.close());

    test('set up, then asked after the password: nobody is signed in until the code, which works once', async () => {
      const person = await app.signedIn();
      const { secret } = await setUpAuthenticator(person.agent);
      assert.match((await person.agent.get('/account/security', EN)).body, /10 recovery codes left/);

      const agent = await passwordStep(app, person.email);
      assert.equal((await agent.get('/account')).statusCode, 303, 'a pending session signs nobody in');
      const step = await agent.get('/sign-in/second-factor?next=%2Faccount', EN);
      assert.match(step.body, /<h1>Second factor<\/h1>/);
      assert.match(step.body, /name="code"/);
      assert.doesNotMatch(step.body, /Or use a passkey/, 'no passkey registered, none offered');
      const expired = await app.agent().get('/sign-in/second-factor', EN);
      assert.match(expired.body, /Your sign-in has expired: sign in again/);
      assert.doesNotMatch(expired.body, /name="code"|name="recovery"/, 'nothing to fill in without a pending sign-in');
      const wrong = await agent.submit(
        '/sign-in/second-factor',
        { kind: 'totp', code: '12345', next: '/account' },
        {
          from: '/sign-in/second-factor',
        },
      );
      assert.equal(wrong.statusCode, 401);

      // The step that served this first sign-in was taken at the set-up: a code of the next step is needed.
      const later = Date.now() + 30_000;
      const code = currentTotpCode(secret, later);
      const passed = await app.services.secondFactor.giveSecondFactor({
        pendingToken: agent.cookies.get('octroi_session'),
        kind: 'totp',
        code,
        now: later,
      });
      const token = expectOk(passed);
      const signedIn = app.agent();
      signedIn.cookies.set('octroi_session', token);
      assert.equal((await signedIn.get('/account')).statusCode, 200);
      assert.equal((await agent.get('/account')).statusCode, 303, 'the pending session is gone');

      const again = await passwordStep(app, person.email);
      const replayed = await app.services.secondFactor.giveSecondFactor({
        pendingToken: again.cookies.get('octroi_session'),
        kind: 'totp',
        code,
        now: later,
      });
      assert.deepEqual(replayed, { ok: false, refusals: ['code-wrong'] }, 'the same time step twice');
    });

    test('a recovery code signs in once; without a pending sign-in the step refuses', async () => {
      const person = await app.signedIn();
      const { codes } = await setUpAuthenticator(person.agent);
      const agent = await passwordStep(app, person.email);
      const used = await agent.submit(
        '/sign-in/second-factor',
        { kind: 'recovery-code', recovery: codes[3]!.toUpperCase(), next: '/account' },
        { from: '/sign-in/second-factor' },
      );
      assert.equal(used.statusCode, 303);
      assert.equal(used.headers.location, '/account');
      assert.equal((await agent.get('/account')).statusCode, 200);

      const second = await passwordStep(app, person.email);
      const reused = await second.submit(
        '/sign-in/second-factor',
        { kind: 'recovery-code', recovery: codes[3]!, next: '/account' },
        { from: '/sign-in/second-factor', headers: EN },
      );
      assert.equal(reused.statusCode, 401);
      assert.match(reused.body, /not right/);

      const nobody = await app.agent().submit(
        '/sign-in/second-factor',
        { kind: 'recovery-code', recovery: codes[4]!, next: '/account' },
        // The step's page offers no form to someone with no sign-in pending: a form posted anyway.
        { from: '/sign-in', headers: EN },
      );
      assert.equal(nobody.statusCode, 401);
      assert.match(nobody.body, /Your sign-in has expired/);
    });

    test('a funder requiring a second factor of officers: the role counts only in a session that gave one', async () => {
      const funderId = await buildFunder(app);
      const officer = await buildPerson(app, { funderId, role: 'officer' });
      expectOk(
        await app.services.admin.setSignInRequirement({
          actor: await platformAdmin(app),
          funderId,
          role: 'officer',
          secondFactor: true,
          provider: null,
          minimumAcr: null,
        }),
      );
      const grantsOf = async (agent: Agent) => {
        const user = await app.services.accounts.sessionUser(agent.cookies.get('octroi_session')!);
        return user!.actor.grants;
      };
      assert.deepEqual(await grantsOf(officer.agent), [], 'withheld in the session opened with a password only');
      assert.match(
        (await officer.agent.get('/account', EN)).body,
        /This role does not count in this session: the funder requires a second factor/,
      );

      const agent = app.agent();
      const res = await agent.submit('/sign-in', { email: officer.email, password: PASSWORD });
      assert.equal(res.headers.location, '/account/security', 'sent to set one up');
      const { codes } = await setUpAuthenticator(agent);
      const stepped = await passwordStep(app, officer.email);
      await stepped.submit(
        '/sign-in/second-factor',
        { kind: 'recovery-code', recovery: codes[0]!, next: '/account' },
        { from: '/sign-in/second-factor' },
      );
      assert.deepEqual(await grantsOf(stepped), [{ funderId, role: 'officer' }]);
    });

    test('the installation’s administrators required a second factor: not by one without it; then withheld without it', async () => {
      const admin = await app.signedIn({ platformAdmin: true });
      const page = '/admin/installation-sign-in';
      const refused = await admin.agent.submit(page, { secondFactor: 'yes' }, { from: page, headers: EN });
      assert.equal(refused.statusCode, 422, 'the one requiring it would lose the administration at next sign-in');
      assert.match(refused.body, /Set up a second factor for yourself first/);
      const { codes } = await setUpAuthenticator(admin.agent);
      assert.equal((await admin.agent.submit(page, { secondFactor: 'yes' }, { from: page })).statusCode, 303);
      try {
        // Another administrator, signed in with a password alone: still signed in, without the administration.
        const other = await app.signedIn({ platformAdmin: true });
        assert.equal((await other.agent.get(page)).statusCode, 403);
        assert.match(
          (await other.agent.get('/account', EN)).body,
          /This role does not count in this session: the installation requires a second factor of its administrators/,
        );
        const res = await app.agent().submit('/sign-in', { email: other.email, password: PASSWORD });
        assert.equal(res.headers.location, '/account/security', 'sent to set one up');

        const stepped = await passwordStep(app, admin.email);
        const given = await stepped.submit(
          '/sign-in/second-factor',
          { kind: 'recovery-code', recovery: codes[0]!, next: page },
          { from: '/sign-in/second-factor' },
        );
        assert.equal(given.statusCode, 303);
        const shown = await stepped.get(page, EN);
        assert.equal(shown.statusCode, 200, 'the administration counts in a session that gave the second factor');
        assert.match(shown.body, /id="field-secondFactor"[^>]*checked/);
      } finally {
        expectOk(
          await app.services.admin.setInstallationSignInRequirement({
            actor: admin.actor,
            session: { method: 'password', acr: null, secondFactor: 'totp' },
            secondFactor: false,
            provider: null,
            minimumAcr: null,
          }),
        );
      }
      assert.equal((await admin.agent.get(page)).statusCode, 200, 'lifted: the password session counts again');
      const funderAdmin = await buildPerson(app, { funderId: await buildFunder(app), role: 'administrator' });
      assert.equal((await funderAdmin.agent.get(page)).statusCode, 403, 'a funder’s administrator may not');
    });
  });
}
