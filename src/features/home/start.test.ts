// Each person's start page after signing in: officers on what waits in their calls, with counts and
// links; applicants on their applications.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { scoredCall, setCallStatus, type ScoredCall } from '../../../test/helpers/scoredCall.ts';

const EN = { 'accept-language': 'en' };

for (const backend of backends()) {
  describe(`start pages on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
    });
    after(() => app?.close());

    const signIn = async (email: string) => {
      const agent = app.agent();
      const res = await agent.submit('/sign-in', { email, password: PASSWORD });
      assert.equal(res.statusCode, 303);
      return { agent, location: res.headers.location };
    };

    test('an officer lands on what waits for them: each call, its counts, links to where the work is done', async () => {
      const { agent, location } = await signIn(call.officerEmail);
      assert.equal(location, '/start', 'not the public home page');
      // The call waits for its decision (as the selection leaves it).
      await setCallStatus(app, call.callId, 'deliberation');
      const page = await agent.get('/start', EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>What waits for you<\/h1>/);
      assert.ok(page.body.includes(`href="/manage/calls/${call.callId}"`), 'the call, linked');
      assert.ok(
        page.body.includes(`href="/manage/calls/${call.callId}/decision">The decision is to be taken</a>`),
        'the decision to take, linked',
      );
      const waiting = await app.services.screening.callScreening(call.officer, call.callId);
      assert.equal(waiting.funnel.toScreen, 0);
      assert.doesNotMatch(page.body, /to screen/, 'nothing to screen is not listed');
    });

    test('someone else lands on their own page, and a visitor is asked to sign in', async () => {
      const { agent, location } = await signIn(call.emails.ara);
      assert.equal(location, '/start');
      const start = await agent.get('/start', EN);
      assert.equal(start.statusCode, 303);
      assert.equal(start.headers.location, '/applications');
      const back = await app
        .agent()
        .submit('/sign-in', { email: call.emails.ara, password: PASSWORD, next: '/account' });
      assert.equal(back.headers.location, '/account', 'a page to return to is kept');
      assert.equal((await app.agent().get('/start')).statusCode, 303);
    });
  });
}
