// The impact pages' reads, in SQL so that a programme of thousands of grants is summed by the database: the
// grants with what was paid on each, and the latest approved report of each grant. Read only; the grants and
// reports features own these tables and every write to them.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { GrantForImpact, ReportForImpact } from '../../domain/impact/aggregate.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import type { IndicatorValues } from '../../domain/grants/reportIndicators.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grants, grantTranches } from '../grants/schema.ts';
import { grantReports } from '../reports/schema.ts';

/** Which grants a page sums: one call's, some funders', or every grant (grants exist once results are public). */
export type GrantScope = { callIds: readonly string[] } | { funderIds: readonly string[] } | 'all';

function where(scope: GrantScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if ('callIds' in scope) return scope.callIds.length ? inArray(grants.callId, [...scope.callIds]) : sql`false`;
  return scope.funderIds.length ? inArray(grants.funderId, [...scope.funderIds]) : sql`false`;
}

export interface GrantRowForImpact extends GrantForImpact {
  callId: string;
  applicationId: string;
}

/** The grants in scope, each with one pseudo-tranche: what was paid on it. */
export async function grantsIn(db: Executor, scope: GrantScope): Promise<GrantRowForImpact[]> {
  const paid = db
    .select({
      grantId: grantTranches.grantId,
      paidCents: sql<string>`sum(${grantTranches.amountCents})`.as('paid_cents'),
    })
    .from(grantTranches)
    .where(eq(grantTranches.status, 'paid'))
    .groupBy(grantTranches.grantId)
    .as('paid');
  const rows = await db
    .select({
      id: grants.id,
      callId: grants.callId,
      applicationId: grants.applicationId,
      status: grants.status,
      offeredCents: grants.offeredCents,
      paidCents: paid.paidCents,
    })
    .from(grants)
    .leftJoin(paid, eq(paid.grantId, grants.id))
    .where(where(scope));
  return rows.map((r) => ({
    id: r.id,
    callId: r.callId,
    applicationId: r.applicationId,
    status: r.status,
    offeredCents: r.offeredCents,
    tranches: r.paidCents ? [{ status: 'paid' as const, amountCents: Number(r.paidCents) }] : [],
  }));
}

/** The latest approved report of each grant in scope (DISTINCT ON: one row per grant, in the database). */
export async function latestApprovedReports(db: Executor, scope: GrantScope): Promise<ReportForImpact[]> {
  const rows = await db
    .selectDistinctOn([grantReports.grantId], {
      grantId: grantReports.grantId,
      decidedAt: grantReports.decidedAt,
      values: grantReports.values,
    })
    .from(grantReports)
    .innerJoin(grants, eq(grants.id, grantReports.grantId))
    .where(and(eq(grantReports.status, 'approved'), where(scope)))
    .orderBy(grantReports.grantId, sql`${grantReports.decidedAt} desc nulls last`);
  return rows.map((r) => ({
    grantId: r.grantId,
    approvedAt: r.decidedAt ?? new Date(0),
    values: r.values as IndicatorValues,
  }));
}

export interface Disbursement {
  /** The tranche's structured communication: a stable identifier of the transfer. */
  id: string;
  amountCents: number;
  paidOn: string;
}

/** The paid tranches of the grants of these applications, by application id, oldest first. */
export async function disbursementsOf(
  db: Executor,
  applicationIds: readonly string[],
): Promise<Map<string, Disbursement[]>> {
  const byApplication = new Map<string, Disbursement[]>();
  if (!applicationIds.length) return byApplication;
  const rows = await db
    .select({
      applicationId: grants.applicationId,
      id: grantTranches.structuredCommunication,
      amountCents: grantTranches.amountCents,
      paidAt: grantTranches.paidAt,
    })
    .from(grantTranches)
    .innerJoin(grants, eq(grants.id, grantTranches.grantId))
    .where(and(eq(grantTranches.status, 'paid'), inArray(grants.applicationId, [...applicationIds])))
    .orderBy(grantTranches.paidAt, grantTranches.number);
  for (const r of rows) {
    if (!r.paidAt) continue;
    const list = byApplication.get(r.applicationId) ?? [];
    list.push({ id: r.id, amountCents: r.amountCents, paidOn: instantToBrussels(r.paidAt).date });
    byApplication.set(r.applicationId, list);
  }
  return byApplication;
}
