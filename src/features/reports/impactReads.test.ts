// The sums the impact pages read, on a real database: each grant's latest approved report counts (an interim and
// a final report are not added), only whole counts above zero are added, only the categories shown are summed,
// and a scope sums its own grants only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { reachOf } from '../../domain/impact/aggregate.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { reportedGrants, rowsOf } from '../../../test/helpers/impactData.ts';
import { scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { grantTotals } from '../grants/impactReads.ts';
import { reachTotals } from './impactReads.ts';

for (const backend of backends()) {
  describe(`the impact sums on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let grantIds: string[];
    const keys = (...shown: string[]) => shown.map((key) => ({ key }));
    const shown = {
      'participants-by-public': keys('seniors'),
      'participants-by-commune': keys('21001', 'outside-brussels', 'bogus'),
      'participants-by-age': keys('16-24', '25-54', '55-74', '75-plus'),
      'participants-by-gender': keys('woman'),
    };

    // Values as JSON, malformed ones too: what the database sums is what it holds, whatever wrote it.
    const report = (grantId: string, definitionId: string, day: number, values: object, status = 'approved') =>
      app.database.db.execute(sql`insert into grant_reports (grant_id, definition_id, kind, opens_at, due_at, status,
          values, decided_at)
        values (${grantId}, ${definitionId}, 'interim', now(), now(), ${status}, ${JSON.stringify(values)}::jsonb,
          ${new Date(Date.UTC(2026, 0, day)).toISOString()})`);

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      grantIds = await reportedGrants(app, call);
      await app.database.db.execute(sql`delete from grant_reports`);
      const [g1, g2, g3] = grantIds;
      await report(g1!, 'interim-1', 1, { participants: 10, sessions: 4 });
      await report(g1!, 'final', 20, { participants: 25, sessions: [7], 'digcomp-areas': ['1'] });
      await report(g1!, 'interim-2', 30, { participants: 1000 }, 'submitted');
      await report(g2!, 'interim-1', 1, {
        participants: 30,
        'participants-by-commune': { '21001': 20, 'outside-brussels': 10 },
        'participants-by-age': { '16-24': 10, '25-54': 15, '75-plus': 5 },
        sessions: 12,
        'support-hours': 40,
        'digcomp-areas': ['1', '4', '4'],
        narrative: 'text',
      });
      await report(g3!, 'interim-1', 1, {
        participants: 12,
        'participants-by-commune': { '21001': 12, '21002': 4, bogus: -3 },
        'participants-by-age': { '55-74': 12 },
        'participants-by-gender': ['woman'],
        sessions: 'twelve',
        'support-hours': 2.5,
        'devices-lent': 2 ** 60,
        'digcomp-areas': ['4'],
      });
    });
    after(() => app?.close());

    test("a grant's latest approved report is its reach; what is not a whole count above zero adds nothing", async () => {
      const reach = reachOf(await reachTotals(app.database.db, { callIds: [call.callId] }, shown));
      assert.deepEqual(reach, {
        reporting: 3,
        participants: 25 + 30 + 12,
        sessions: 12,
        supportHours: 40,
        devicesLent: 0,
        devicesRefurbished: 0,
        breakdowns: {
          'participants-by-public': { seniors: 0 },
          'participants-by-commune': { '21001': 32, 'outside-brussels': 10, bogus: 0 },
          'participants-by-age': { '16-24': 10, '25-54': 15, '55-74': 12, '75-plus': 5 },
          'participants-by-gender': { woman: 0 },
        },
        digcompGrants: { '1': 2, '2': 0, '3': 0, '4': 2, '5': 0 },
      });
      assert.deepEqual(reachOf(await reachTotals(app.database.db, 'all', shown)), reach);
    });

    test('a scope sums its own grants only', async () => {
      const none = reachOf(await reachTotals(app.database.db, { callIds: [] }, shown));
      assert.equal(none.reporting, 0);
      assert.equal(none.participants, 0);
      const elsewhere = { funderIds: ['00000000-0000-4000-8000-000000000000'] };
      assert.equal(reachOf(await reachTotals(app.database.db, elsewhere, shown)).reporting, 0);
      assert.deepEqual(await grantTotals(app.database.db, elsewhere), []);
    });

    test('the grants are summed by call and state, with what was paid on them', async () => {
      const grants = rowsOf<{ status: string; offered_cents: string | number }>(
        await app.database.db.execute(sql`select status, offered_cents from grants where call_id = ${call.callId}`),
      );
      const [paid] = rowsOf<{ amount_cents: string | number }>(
        await app.database.db.execute(
          sql`select amount_cents from grant_tranches where grant_id = ${grantIds[0]} and number = 1`,
        ),
      );
      const totals = await grantTotals(app.database.db, { callIds: [call.callId] });
      const active = grants.filter((g) => g.status === 'active');
      const offered = grants.filter((g) => g.status === 'offered');
      assert.deepEqual(
        [...totals].sort((a, b) => a.status.localeCompare(b.status)),
        [
          {
            callId: call.callId,
            status: 'active',
            grants: 1,
            offeredCents: Number(active[0]!.offered_cents),
            paidCents: Number(paid!.amount_cents),
          },
          {
            callId: call.callId,
            status: 'offered',
            grants: offered.length,
            offeredCents: offered.reduce((sum, g) => sum + Number(g.offered_cents), 0),
            paidCents: 0,
          },
        ],
      );
    });
  });
}
