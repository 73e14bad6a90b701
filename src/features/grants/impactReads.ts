// What the impact pages read of the grants, here beside the grants' tables: the grants of a scope with what was
// paid on each, and the paid transfers for the 360Giving feed. Read only; summed by the database.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import type { GrantForImpact, GrantScope } from '../../domain/impact/aggregate.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grants, grantTranches } from './schema.ts';

function where(scope: GrantScope): SQL | undefined {
  if (scope === 'all') return undefined;
  if ('callIds' in scope) return scope.callIds.length ? inArray(grants.callId, [...scope.callIds]) : sql`false`;
  return scope.funderIds.length ? inArray(grants.funderId, [...scope.funderIds]) : sql`false`;
}

export interface GrantRowForImpact extends GrantForImpact {
  callId: string;
}

/** The grants in scope, each with one pseudo-tranche: what was paid on it. */
export async function grantsForImpact(db: Executor, scope: GrantScope): Promise<GrantRowForImpact[]> {
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
    status: r.status,
    offeredCents: r.offeredCents,
    tranches: r.paidCents ? [{ status: 'paid' as const, amountCents: Number(r.paidCents) }] : [],
  }));
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
