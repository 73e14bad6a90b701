import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, uniqueEmail, type TestApp } from '../../../test/helpers/app.ts';
import { linkIn } from '../../../test/helpers/mailbox.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { sessions } from '../../platform/identity/schema.ts';

const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;

for (const backend of backends()) {
  describe(`accounts on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app.close());

    test('sign up, confirm by the mailed link, sign in, see the account, sign out', async () => {
      const browser = app.agent();
      const email = uniqueEmail('newcomer');
      const signUp = await browser.submit(
        '/sign-up',
        { displayName: 'Nadia Newcomer', email, password: PASSWORD, passwordConfirm: PASSWORD },
        { headers: { 'accept-language': 'nl-BE,nl;q=0.9' } },
      );
      assert.equal(signUp.statusCode, 200);
      assert.match(signUp.body, /Kijk in uw mailbox/);

      const refused = await browser.submit('/sign-in', { email, password: PASSWORD });
      assert.equal(refused.statusCode, 403, 'an unconfirmed address cannot sign in');

      const mails = await app.mailsTo(email);
      assert.equal(mails.length, 2, 'the confirmation mail, and a new link sent at the refused sign-in');
      assert.equal(mails[0]!.subject, 'Bevestig uw e-mailadres', 'the mail is in the language the person used');
      const confirm = await browser.get(pathOf(linkIn(mails[1]!)));
      assert.equal(confirm.statusCode, 200);
      assert.equal((await browser.get(pathOf(linkIn(mails[1]!)))).statusCode, 400, 'a link works once');

      const signIn = await browser.submit('/sign-in', { email, password: PASSWORD, next: '/account' });
      assert.equal(signIn.statusCode, 303);
      assert.equal(signIn.headers.location, '/account');
      const account = await browser.get('/account');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /Nadia Newcomer/);
      assert.match(account.body, /Nederlands/, 'the language used at sign-up is remembered');

      const token = browser.cookies.get('octroi_session')!;
      const signOut = await browser.submit('/sign-out', {}, { from: '/account' });
      assert.equal(signOut.statusCode, 303);
      const stale = await app.agent().get('/account', {});
      assert.equal(stale.statusCode, 303, 'signed out, the account page asks to sign in');
      const replay = await app.server.inject({ method: 'GET', url: '/account', cookies: { octroi_session: token } });
      assert.equal(replay.statusCode, 303, 'the old session cookie no longer opens anything');
    });

    test('a session planted before sign-in is closed by it (session fixation)', async () => {
      const { agent } = await app.signedIn();
      const before = agent.cookies.get('octroi_session')!;
      const { email } = await app.signedIn();
      const again = await agent.submit('/sign-in', { email, password: PASSWORD });
      assert.equal(again.statusCode, 303);
      assert.notEqual(agent.cookies.get('octroi_session'), before);
      const rows = await app.database.db.select().from(sessions);
      assert.equal(rows.filter((r) => r.tokenHash === before).length, 0);
    });

    test('wrong password and unknown address get the same answer', async () => {
      const { email } = await app.signedIn();
      const wrong = await app.agent().submit('/sign-in', { email, password: 'not the password' });
      const unknown = await app
        .agent()
        .submit('/sign-in', { email: uniqueEmail('nobody'), password: 'not the password' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.match(wrong.body, /The email address or the password is not right|L’adresse e-mail ou le mot de passe/);
    });

    test('bad input is answered next to the field, translated, with what was typed kept', async () => {
      const res = await app
        .agent()
        .submit(
          '/sign-up',
          { displayName: 'Ann', email: 'not-an-email', password: 'short', passwordConfirm: 'other' },
          { headers: { 'accept-language': 'en' } },
        );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Enter an email address like name@example.be/);
      assert.match(res.body, /Use at least 10 characters/);
      assert.match(res.body, /value="Ann"/);
      assert.doesNotMatch(res.body, /value="short"/, 'passwords are never echoed back');
      const fr = await app
        .agent()
        .submit(
          '/sign-up',
          { displayName: '', email: '', password: '', passwordConfirm: '' },
          { headers: { 'accept-language': 'fr' } },
        );
      assert.equal(fr.statusCode, 422);
      assert.match(fr.body, /Remplissez ce champ/);
    });

    test('signing up again with a known address reveals nothing and warns the owner', async () => {
      const { email } = await app.signedIn();
      const res = await app
        .agent()
        .submit('/sign-up', { displayName: 'Impostor', email, password: PASSWORD, passwordConfirm: PASSWORD });
      assert.equal(res.statusCode, 200);
      const mails = await app.mailsTo(email);
      assert.equal(mails.at(-1)!.subject, 'Your Octroi account');
    });

    test('password reset: link by mail, new password works, old sessions are closed', async () => {
      const { agent, email } = await app.signedIn();
      const stranger = app.agent();
      const ask = await stranger.submit('/forgot-password', { email });
      assert.equal(ask.statusCode, 200);
      const ghost = uniqueEmail('ghost');
      const askUnknown = await stranger.submit('/forgot-password', { email: ghost });
      assert.equal(
        askUnknown.body.replaceAll(ghost, '@'),
        ask.body.replaceAll(email, '@'),
        'same page whether or not the account exists',
      );

      const link = linkIn((await app.mailsTo(email)).at(-1)!);
      const token = new URL(link).searchParams.get('token')!;
      const mismatch = await stranger.submit('/account/reset', {
        token,
        password: 'a brand new secret',
        passwordConfirm: 'different',
      });
      assert.equal(mismatch.statusCode, 422);
      const reset = await stranger.submit('/account/reset', {
        token,
        password: 'a brand new secret',
        passwordConfirm: 'a brand new secret',
      });
      assert.equal(reset.statusCode, 303);
      assert.equal(reset.headers.location, '/sign-in');
      assert.equal((await agent.get('/account')).statusCode, 303, 'the session opened with the old password is closed');
      assert.equal((await app.agent().submit('/sign-in', { email, password: PASSWORD })).statusCode, 401);
      assert.equal((await app.agent().submit('/sign-in', { email, password: 'a brand new secret' })).statusCode, 303);
      const reuse = await stranger.submit('/account/reset', {
        token,
        password: 'yet another secret',
        passwordConfirm: 'yet another secret',
      });
      assert.equal(reuse.statusCode, 400, 'a reset link works once');
    });

    test('an older password-reset link no longer works once a newer one was used, nor the newer after the older', async () => {
      for (const used of ['newer', 'older'] as const) {
        const { email } = await app.signedIn();
        const stranger = app.agent();
        await stranger.submit('/forgot-password', { email });
        await stranger.submit('/forgot-password', { email });
        const [older, newer] = (await app.mailsTo(email))
          .slice(-2)
          .map((m) => new URL(linkIn(m)).searchParams.get('token')!);
        const [first, second] = used === 'newer' ? [newer!, older!] : [older!, newer!];
        const reset = await stranger.submit('/account/reset', {
          token: first,
          password: 'the chosen secret',
          passwordConfirm: 'the chosen secret',
        });
        assert.equal(reset.statusCode, 303);
        const late = await stranger.submit('/account/reset', {
          token: second,
          password: 'an attacker secret',
          passwordConfirm: 'an attacker secret',
        });
        assert.equal(late.statusCode, 400, `the other link is void once the ${used} one was used`);
        assert.equal((await app.agent().submit('/sign-in', { email, password: 'an attacker secret' })).statusCode, 401);
        assert.equal((await app.agent().submit('/sign-in', { email, password: 'the chosen secret' })).statusCode, 303);
      }
    });

    test('every state change of an account is in the audit trail', async () => {
      const { actor } = await app.signedIn();
      const rows = await app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, actor.userId));
      assert.deepEqual(rows.map((r) => r.action).sort(), ['session.opened', 'user.provisioned']);
    });

    test('a form without its CSRF token is refused, and changes nothing', async () => {
      const email = uniqueEmail('csrf');
      const res = await app.agent().request({
        method: 'POST',
        url: '/sign-up',
        payload: `displayName=X&email=${encodeURIComponent(email)}&password=${PASSWORD}&passwordConfirm=${PASSWORD}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /expired|expiré|verlopen/);
      assert.equal((await app.mailsTo(email)).length, 0);
    });

    test('sign-in is rate-limited per address', async () => {
      const attacker = app.agent();
      const token = await attacker.csrfFrom('/sign-in');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await attacker.request({
          method: 'POST',
          url: '/sign-in',
          payload: new URLSearchParams({
            _csrf: token,
            // One address each: ten failures on one address would pause it (per-account throttle, tested apart).
            email: `victim-${i}@example.org`,
            password: `guess-${i}`,
          }).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
        });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) assert.match(res.body, /Too many attempts/);
      }
      assert.deepEqual(statuses, [...Array(10).fill(401), 429]);
      assert.equal(
        (await app.agent().submit('/sign-in', { email: 'victim-0@example.org', password: 'x' })).statusCode,
        401,
        'another network address is not blocked',
      );
    });

    test('the language switch is remembered for the signed-in person, and only redirects locally', async () => {
      const { agent } = await app.signedIn();
      const res = await agent.get('/language/nl?next=%2Faccount');
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/account');
      const fresh = await app.agent().get('/language/en?next=%2F%2Fevil.example');
      assert.equal(fresh.headers.location, '/');
      agent.cookies.delete('octroi_lang');
      const page = await agent.get('/account', { 'accept-language': 'en' });
      assert.match(page.body, /<html lang="nl"/, 'the account language wins over the browser’s');
    });
  });
}
