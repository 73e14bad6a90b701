// What the impact pages read of the reports, here beside the reports' tables: the sums of the latest approved
// report of each grant in scope (DISTINCT ON: one report per grant, chosen by the database), one row per figure
// the pages show, however many grants and reports there are. Read only.
import { sql, type SQL } from 'drizzle-orm';
import { BREAKDOWNS, COUNTED_INDICATORS, type GrantScope, type ReachTotal } from '../../domain/impact/aggregate.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grantIdsIn } from '../grants/impactReads.ts';
import { grantReports } from './schema.ts';

const textArray = (values: readonly string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/**
 * A report's value as a count: a whole number above zero (and safe in JavaScript), else 0. Nested, since SQL
 * does not promise to test `jsonb_typeof` before casting in one condition.
 */
const countOf = (value: SQL) => sql`case when jsonb_typeof(${value}) = 'number' then
    case when (${value})::numeric between 1 and ${Number.MAX_SAFE_INTEGER} and (${value})::numeric = trunc((${value})::numeric)
      then (${value})::numeric else 0 end
  else 0 end`;

/** `value` when it has that JSON type, else the empty one (so that a malformed value adds nothing). */
const ofType = (value: SQL, type: 'object' | 'array') =>
  sql`case when jsonb_typeof(${value}) = ${type} then ${value} else ${type === 'object' ? sql`'{}'` : sql`'[]'`}::jsonb end`;

/** The sums of the latest approved report of each grant in scope (every grant's for 'all'). */
export async function reachTotals(db: Executor, scope: GrantScope): Promise<ReachTotal[]> {
  const inScope = scope === 'all' ? sql`true` : sql`${grantReports.grantId} in ${grantIdsIn(db, scope)}`;
  const result = await db.execute(sql`
    with latest as (
      select distinct on (${grantReports.grantId}) ${grantReports.values} as v
      from ${grantReports}
      where ${grantReports.status} = 'approved' and ${inScope}
      order by ${grantReports.grantId}, ${grantReports.decidedAt} desc nulls last
    )
    select 'reporting' as indicator, '' as key, count(*) as n from latest
    union all
    select c.id, '', sum(${countOf(sql`latest.v -> c.id`)})
      from latest cross join unnest(${textArray(Object.keys(COUNTED_INDICATORS))}) as c(id)
      group by c.id
    union all
    select b.id, e.key, sum(${countOf(sql`e.value`)})
      from latest cross join unnest(${textArray(BREAKDOWNS)}) as b(id)
        cross join lateral jsonb_each(${ofType(sql`latest.v -> b.id`, 'object')}) as e
      group by b.id, e.key
    union all
    -- An area listed twice in a report is one grant working on it.
    select 'digcomp-areas', a.id, count(*)
      from latest cross join lateral (
        select distinct x from jsonb_array_elements_text(${ofType(sql`latest.v -> 'digcomp-areas'`, 'array')}) as t(x)
      ) as a(id)
      group by a.id`);
  const rows = (result as unknown as { rows: { indicator: string; key: string; n: string | number }[] }).rows;
  return rows.map((r) => ({ indicator: r.indicator, key: r.key, n: Number(r.n) }));
}
