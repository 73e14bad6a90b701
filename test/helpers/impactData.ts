// A scored call carried on to what the impact pages sum: the decision in ranking mode, its results published,
// the grants made, the first grant active with its first tranche paid, and approved reports on the first two
// grants (written directly: the reports' own pages are another feature's). The second report has a small cell.
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import type { IndicatorValues } from '../../src/domain/grants/reportIndicators.ts';
import { decideByRanking, type ScoredCall } from './scoredCall.ts';

/** A report as a grantee would fill it: 40 people, 3 of them from Evere (a cell the public must not see). */
export const SAMPLE_REPORT: IndicatorValues = {
  participants: 40,
  'participants-by-public': { homeless: 30, other: 10 },
  'participants-by-commune': { '21004': 25, '21006': 3, '21015': 12 },
  'participants-by-age': { '16-24': 8, '25-54': 20, '55-74': 12 },
  'participants-by-gender': { woman: 22, man: 18 },
  sessions: 12,
  'support-hours': 80,
  'digcomp-areas': ['1', '4'],
  narrative: 'Marie, 67, from Evere, learnt to use her banking app.',
};

/** The rows of a raw query, as both drivers give them. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Decides, publishes and reports on `call`; returns its grants' ids by reference. */
export async function reportedGrants(app: App, call: ScoredCall): Promise<string[]> {
  await decideByRanking(app, call);
  await app.services.grants.createGrants(call.callId);
  const db = app.database.db;
  const ids = rowsOf<{ id: string }>(
    await db.execute(sql`select id from grants where call_id = ${call.callId} order by reference`),
  ).map((r) => r.id);
  await db.execute(sql`update grants set status = 'active' where id = ${ids[0]}`);
  await db.execute(
    sql`update grant_tranches set status = 'paid', paid_at = '2026-09-15T10:00:00Z' where grant_id = ${ids[0]} and number = 1`,
  );
  const reports = [SAMPLE_REPORT, { participants: 2, 'participants-by-commune': { '21006': 2 } }];
  for (const [i, values] of reports.entries())
    await db.execute(sql`insert into grant_reports (grant_id, definition_id, kind, opens_at, due_at, status, values, decided_at)
      values (${ids[i]}, 'interim-1', 'interim', now(), now(), 'approved', ${JSON.stringify(values)}::jsonb, now())`);
  return ids;
}
