import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildApp } from '../../app.ts';
import { SIGN_IN_FAILURES_ALLOWED } from '../../domain/signInThrottle.ts';
import { loadConfig } from '../../platform/config.ts';
import { buildTestApp, PASSWORD, uniqueEmail, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { linkIn } from '../../../test/helpers/mailbox.ts';

const EN = { 'accept-language': 'en' };

for (const backend of backends()) {
  describe(`sign-in throttled per account on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app.close());

    /** Attempts from a new network address each time: the per-address rate limit never applies. */
    const attempt = (email: string, password: string) =>
      app.agent().submit('/sign-in', { email, password }, { headers: EN });
    const fail = async (email: string, times: number) => {
      const answers = [];
      for (let i = 0; i < times; i++) answers.push(await attempt(email, `wrong guess ${i}`));
      return answers;
    };
    const pausedMails = async (email: string) =>
      (await app.mailsTo(email)).filter((m) => m.subject === 'Sign-in to your account paused after failed attempts');

    test('sign-in is throttled per account: ten failures from ten addresses pause it, even for the right password', async () => {
      const { email } = await app.signedIn();
      const answers = await fail(email, SIGN_IN_FAILURES_ALLOWED);
      assert.deepEqual(
        answers.map((r) => r.statusCode),
        [...Array(SIGN_IN_FAILURES_ALLOWED - 1).fill(401), 429],
      );
      assert.match(answers.at(-1)!.body, /Too many failed attempts for this address/);
      const right = await attempt(email, PASSWORD);
      assert.equal(right.statusCode, 429, 'the right password waits too');
      assert.ok(!right.cookies.some((c) => c.name === 'octroi_session' && c.value), 'no session is opened');

      const mails = await pausedMails(email);
      assert.equal(mails.length, 1, 'the owner is told once');
      assert.match(mails[0]!.text, /wrong passwords 10 times/);
      assert.equal(new URL(linkIn(mails[0]!)).pathname, '/forgot-password');
    });

    test('no account enumeration: an unknown address is answered, counted and paused like a known one', async () => {
      const { email: known } = await app.signedIn();
      const unknown = uniqueEmail('nobody');
      const comparable = (body: string, email: string) =>
        body
          .replaceAll(email, 'EMAIL')
          .replace(/name="_csrf" value="[^"]+"/, '')
          .replace(/\d{1,2}:\d{2}( [AP]M)?/g, 'TIME');
      const a = await fail(known, SIGN_IN_FAILURES_ALLOWED + 1);
      const b = await fail(unknown, SIGN_IN_FAILURES_ALLOWED + 1);
      assert.deepEqual(
        a.map((r) => r.statusCode),
        [...Array(SIGN_IN_FAILURES_ALLOWED - 1).fill(401), 429, 429],
      );
      assert.deepEqual(
        b.map((r) => r.statusCode),
        a.map((r) => r.statusCode),
      );
      a.forEach((r, i) => assert.equal(comparable(b[i]!.body, unknown), comparable(r.body, known), `answer ${i + 1}`));
      assert.equal((await app.mailsTo(unknown)).length, 0, 'nobody to tell');
    });

    test('an unknown address costs the same password hash as a known one', async () => {
      const { email: known } = await app.signedIn();
      const timed = async (email: string) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          const result = await app.services.accounts.signIn({ email, password: `wrong ${i}` });
          times.push(performance.now() - start);
          assert.equal(result.status, 'failed');
        }
        return times.sort((x, y) => x - y)[2]!;
      };
      const knownMs = await timed(known);
      const unknownMs = await timed(uniqueEmail('nobody'));
      // Loose on purpose (a shared machine): without the hash an unknown address would take a fraction of the time.
      assert.ok(unknownMs > knownMs / 2, `unknown ${unknownMs.toFixed(1)} ms, known ${knownMs.toFixed(1)} ms`);
    });

    test('the pause holds on every instance: it is kept in the database', async () => {
      const { email } = await app.signedIn();
      await fail(email, SIGN_IN_FAILURES_ALLOWED);
      const config = loadConfig(
        { LOG_LEVEL: 'silent' },
        { dataDir: app.dataDir, publicUrl: 'http://octroi.test', cookieSecret: 'x'.repeat(32) },
      );
      const other = await buildApp(config, { database: app.database });
      try {
        const result = await other.services.accounts.signIn({ email, password: PASSWORD });
        assert.equal(result.status, 'paused');
      } finally {
        await other.close();
      }
    });

    test('a password reset lifts the pause; a success clears the count', async () => {
      const { email } = await app.signedIn();
      await fail(email, SIGN_IN_FAILURES_ALLOWED);
      await app.agent().submit('/forgot-password', { email });
      const reset = (await app.mailsTo(email)).at(-1)!;
      const token = new URL(linkIn(reset)).searchParams.get('token')!;
      const done = await app.agent().submit('/account/reset', {
        token,
        password: 'a fresh secret',
        passwordConfirm: 'a fresh secret',
      });
      assert.equal(done.statusCode, 303);
      assert.equal((await attempt(email, 'a fresh secret')).statusCode, 303, 'the pause is lifted');

      await fail(email, SIGN_IN_FAILURES_ALLOWED - 1);
      assert.equal((await attempt(email, 'a fresh secret')).statusCode, 303);
      const again = await fail(email, SIGN_IN_FAILURES_ALLOWED - 1);
      assert.ok(
        again.every((r) => r.statusCode === 401),
        'the success started the count afresh',
      );
    });
  });
}
