// What the impact pages read of the reports, here beside the reports' tables: the sums of the latest approved
// report of each grant in scope, one row of sums whatever the number of grants and reports. Read only.
//
// Fast on the embedded database too: the latest report of each grant is chosen on ids and dates only (sorted
// with their values, 10,000 reports spilled to disk), and each chosen report is read once for every figure at a
// time, rather than unfolded into a row per category.
import { sql, type SQL } from 'drizzle-orm';
import {
  COUNTED_INDICATORS,
  type BreakdownId,
  type GrantScope,
  type ReachTotal,
} from '../../domain/impact/aggregate.ts';
import { DIGCOMP_AREAS } from '../../domain/referenceData.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grantIdsIn } from '../grants/impactReads.ts';
import { grantReports } from './schema.ts';

/**
 * What a value counts: a whole number above zero (and safe in JavaScript), else nothing. Strict, so that an
 * array is not taken for the number in it.
 */
const COUNT = `strict $ ? (@.type() == "number" && @ >= 1 && @ <= ${Number.MAX_SAFE_INTEGER} && @ == @.floor())`;

const sumOf = (value: SQL) =>
  sql`coalesce(sum(jsonb_path_query_first(${value}, ${COUNT}::jsonpath, '{}', true)::numeric), 0)`;

/**
 * The sums of the latest approved report of each grant in scope (every grant's for 'all'): the counted
 * indicators, the categories of each breakdown given, and the grants per DigComp area (an area listed twice in a
 * report is one grant working on it).
 */
export async function reachTotals(
  db: Executor,
  scope: GrantScope,
  categories: Readonly<Record<BreakdownId, readonly { key: string }[]>>,
): Promise<ReachTotal[]> {
  const inScope = scope === 'all' ? sql`true` : sql`${grantReports.grantId} in ${grantIdsIn(db, scope)}`;
  const figures: { indicator: string; key: string; sum: SQL }[] = [
    { indicator: 'reporting', key: '', sum: sql`count(*)` },
    ...Object.keys(COUNTED_INDICATORS).map((id) => ({ indicator: id, key: '', sum: sumOf(sql`v -> ${id}`) })),
    ...Object.entries(categories).flatMap(([breakdown, shown]) =>
      shown.map(({ key }) => ({ indicator: breakdown, key, sum: sumOf(sql`v -> ${breakdown} -> ${key}`) })),
    ),
    ...DIGCOMP_AREAS.map(({ id }) => ({
      indicator: 'digcomp-areas',
      key: id,
      sum: sql`count(*) filter (where v -> 'digcomp-areas' @> ${JSON.stringify([id])}::jsonb)`,
    })),
  ];
  const result = await db.execute(sql`
    select to_json(array[${sql.join(
      figures.map((f) => f.sum),
      sql`, `,
    )}]::numeric[]) as sums
    from (select ${grantReports.values} as v from ${grantReports} where ${grantReports.id} in (
      select distinct on (${grantReports.grantId}) ${grantReports.id} from ${grantReports}
      where ${grantReports.status} = 'approved' and ${inScope}
      order by ${grantReports.grantId}, ${grantReports.decidedAt} desc nulls last)) as latest`);
  const [row] = (result as unknown as { rows: { sums: number[] }[] }).rows;
  return figures.map((f, i) => ({ indicator: f.indicator, key: f.key, n: row!.sums[i]! }));
}
