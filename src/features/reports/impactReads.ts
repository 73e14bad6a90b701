// What the impact pages read of the reports, here beside the reports' tables: the latest approved report of
// each grant (DISTINCT ON: one row per grant, chosen by the database). Read only.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IndicatorValues } from '../../domain/grants/reportIndicators.ts';
import type { ReportForImpact } from '../../domain/impact/aggregate.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grantReports } from './schema.ts';

/** The latest approved report of each of these grants (every grant's when `grantIds` is 'all'). */
export async function latestApprovedReports(
  db: Executor,
  grantIds: readonly string[] | 'all',
): Promise<ReportForImpact[]> {
  if (grantIds !== 'all' && grantIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([grantReports.grantId], {
      grantId: grantReports.grantId,
      decidedAt: grantReports.decidedAt,
      // The narrative is the report's longest value and no figure: left in the database.
      values: sql<IndicatorValues>`${grantReports.values} - 'narrative'`,
    })
    .from(grantReports)
    .where(
      and(
        eq(grantReports.status, 'approved'),
        grantIds === 'all' ? undefined : inArray(grantReports.grantId, [...grantIds]),
      ),
    )
    .orderBy(grantReports.grantId, sql`${grantReports.decidedAt} desc nulls last`);
  return rows.map((r) => ({ grantId: r.grantId, approvedAt: r.decidedAt ?? new Date(0), values: r.values }));
}
