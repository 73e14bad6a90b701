// The grants a decision owes: made once it commits, and if that fails (the database busy, a bug in the
// grants feature), the decision stands and the clock makes them later, once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { decideByRanking, scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { callDecisions } from './schema.ts';

for (const backend of backends()) {
  describe(`grants owed by a decision on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
    });
    after(() => app?.close());

    const grantsOf = () => app.services.grants.grantIdsOf(call.callId);
    const owed = async () =>
      (await app.database.db.select().from(callDecisions).where(eq(callDecisions.callId, call.callId)))[0]!
        .grantsOwedSince;

    test('grants that fail to be made after the decision are made by the clock, once', async () => {
      const service = app.services.grants;
      const createGrants = service.createGrants;
      service.createGrants = () => Promise.reject(new Error('database unavailable'));
      try {
        await decideByRanking(app, call); // the decision commits and answers, whatever the grants
      } finally {
        service.createGrants = createGrants;
      }
      assert.equal((await grantsOf()).length, 0);
      assert.ok(await owed(), 'the grants are still owed');
      const made = await app.services.decisions.offerOwedGrants();
      assert.ok(made > 0);
      assert.equal((await grantsOf()).length, made);
      assert.equal(await owed(), null, 'settled');
      assert.equal(await app.services.decisions.offerOwedGrants(), 0, 'nothing is made twice');
      assert.equal((await grantsOf()).length, made);
    });
  });
}
