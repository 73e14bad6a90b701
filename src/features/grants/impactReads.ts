// What the impact pages read of the grants, here beside the grants' tables: the grants of a scope summed by call
// and state, and the paid transfers for the 360Giving feed. Read only; summed by the database.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import type { GrantScope, GrantTotals } from '../../domain/impact/aggregate.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grants, grantTranches } from './schema.ts';

function where(scope: GrantScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if ('callIds' in scope) return scope.callIds.length ? inArray(grants.callId, [...scope.callIds]) : sql`false`;
  return scope.funderIds.length ? inArray(grants.funderId, [...scope.funderIds]) : sql`false`;
}

/** The ids of the grants in scope, as a subquery other reads filter by (or awaited, as a list). */
export function grantIdsIn(db: Executor, scope: GrantScope) {
  return db.select({ id: grants.id }).from(grants).where(where(scope));
}

/** The grants of a call in one state, summed. */
export interface CallGrantTotals extends GrantTotals {
  callId: string;
}

/** The grants in scope summed by call and state: one row each, whatever the number of grants. */
export async function grantTotals(db: Executor, scope: GrantScope): Promise<CallGrantTotals[]> {
  // Each grant in scope with what was paid on it: the tranches of those grants only are read.
  const inScope = db
    .select({
      callId: grants.callId,
      status: grants.status,
      offeredCents: grants.offeredCents,
      paidCents: sql<number>`coalesce(sum(${grantTranches.amountCents}), 0)`.as('paid_cents'),
    })
    .from(grants)
    .leftJoin(grantTranches, and(eq(grantTranches.grantId, grants.id), eq(grantTranches.status, 'paid')))
    .where(where(scope))
    .groupBy(grants.id)
    .as('in_scope');
  return db
    .select({
      callId: inScope.callId,
      status: inScope.status,
      grants: sql<number>`count(*)`.mapWith(Number),
      offeredCents: sql<number>`sum(${inScope.offeredCents})`.mapWith(Number),
      paidCents: sql<number>`sum(${inScope.paidCents})`.mapWith(Number),
    })
    .from(inScope)
    .groupBy(inScope.callId, inScope.status);
}

/** A transfer paid to a grantee: its structured communication, amount and day in Brussels. */
export interface PaidTransfer {
  id: string;
  amountCents: number;
  paidOn: string;
}

/** The paid tranches of the grants of these applications, by application id, oldest first. */
export async function paidTransfersOf(
  db: Executor,
  applicationIds: readonly string[],
): Promise<Map<string, PaidTransfer[]>> {
  const byApplication = new Map<string, PaidTransfer[]>();
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
