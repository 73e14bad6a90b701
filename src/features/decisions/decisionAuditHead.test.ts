// The decision record carries the audit chain's head as it stood once the decision was recorded:
// an anchor outside the audit table that `octroi audit verify` holds the trail to.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { scoredCall } from '../../../test/helpers/scoredCall.ts';
import { expectOk } from '../../domain/refusal.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { decisionAuditAnchors } from './auditAnchors.ts';
import { callDecisions } from './schema.ts';

for (const backend of backends()) {
  describe(`the decision's audit head on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
    });
    after(() => app?.close());

    test('a decision records the chain head of its own audit row; removing the rows from there is found', async () => {
      const { callId, officer } = await scoredCall(app, { password: PASSWORD });
      const { decisions } = app.services;
      const plan = {
        mode: 'ranking' as const,
        partialFloorPercent: null,
        minPerTargetPublic: {},
        maxPerCommune: null,
        maxPerOrganisation: null,
        fixed: [],
        justification: '',
      };
      assert.equal(expectOk(await decisions.savePlan({ actor: officer, callId, version: 0, plan })).status, 'saved');
      await decisions.confirmDecision({
        actor: officer,
        callId,
        version: 1,
        decidingBody: { fr: 'Le Gouvernement bruxellois' },
        decidedOn: '2026-11-20',
      });

      const [decision] = await app.database.db.select().from(callDecisions).where(eq(callDecisions.callId, callId));
      const [decided] = await app.database.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, 'call.decided'))
        .orderBy(sql`seq desc`)
        .limit(1);
      assert.equal(decided!.subjectId, callId);
      assert.deepEqual(
        { seq: decision!.auditSeq, hash: decision!.auditHash },
        { seq: decided!.seq, hash: decided!.hash },
      );

      const anchors = await decisionAuditAnchors(app.database.db);
      assert.equal((await verifyAuditChain(app.database.db, anchors)).ok, true);
      // An owner removes the decision's audit row and all after it, triggers off: the decision still holds its head.
      await app.database.db.execute(sql`alter table audit_events disable trigger user`);
      await app.database.db.execute(sql`delete from audit_events where seq >= ${decided!.seq}`);
      await app.database.db.execute(sql`alter table audit_events enable trigger user`);
      assert.equal((await verifyAuditChain(app.database.db)).ok, true, 'the chain alone cannot see it');
      const report = await verifyAuditChain(app.database.db, anchors);
      assert.equal(report.ok === false && report.problem, 'rows-missing-at-end');
      assert.equal(report.ok === false && 'anchor' in report && report.anchor.source, `decision of call ${callId}`);
    });
  });
}
