// A grant's reports come into being from its call's report plan once its agreement binds (the default plan:
// an interim report halfway through the period, the final one at its end), and open when their day comes.
// Both are done where they are needed — the grant's reports page, the clock, a new plan — and are idempotent.
import { and, eq, inArray } from 'drizzle-orm';
import { bindingVersion } from '../../domain/grants/agreementVersions.ts';
import { reportLifecycle } from '../../domain/grants/reportLifecycle.ts';
import {
  dueDayOf,
  reportSchedule,
  type ReportDefinition,
  type ScheduledReport,
} from '../../domain/grants/reportSchedule.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import type { CalendarDate } from '../../domain/calendarDate.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { GrantRecord } from '../grants/access.ts';
import { grantReports } from './schema.ts';
import type { ReportRow } from './access.ts';
import { planOf } from './plan.ts';

/** The grant statuses in which reports are expected. */
export const REPORTING_GRANT_STATUSES = ['countersigned', 'active', 'final-report-approved', 'suspended'] as const;

/**
 * The grant's schedule under its call's `definitions`, with the due days its officers moved (from its rows);
 * null before an agreement binds. The signature is the first agreement's countersignature: an amendment moves
 * the period, not the day the grant was signed.
 */
export function scheduleOf(
  grant: GrantRecord,
  definitions: readonly ReportDefinition[],
  rows: readonly ReportRow[],
  movedTo: Record<string, CalendarDate> = {},
) {
  const binding = bindingVersion(grant.grant.versions);
  if (!binding) return null;
  const signedAt = grant.versions.find((v) => v.countersignedAt)?.countersignedAt;
  const period = {
    start: binding.periodStart,
    end: binding.periodEnd,
    signedOn: signedAt ? instantToBrussels(signedAt).date : binding.periodStart,
  };
  const moved = Object.fromEntries(rows.filter((r) => r.moved).map((r) => [r.definitionId, dueDayOf(r.dueAt)]));
  return reportSchedule(definitions, period, { ...moved, ...movedTo });
}

/** Whether the report, not yet open, has reached its opening instant (the lifecycle's open guard). */
const opensBy = (r: ReportRow, now: Date) =>
  reportLifecycle.transition(r.status, 'open', { now, report: r, consistent: true }).ok;

/**
 * The grant's reports as they stand at `now`, by due instant, without writing anything: a report whose opening
 * instant has passed reads as due even before the clock opens it.
 */
export async function readReports(db: Executor, grantId: string, now: Date): Promise<ReportRow[]> {
  const rows = await db.select().from(grantReports).where(eq(grantReports.grantId, grantId));
  return rows
    .map((r) => (opensBy(r, now) ? { ...r, status: 'due' as const } : r))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * Makes the grant's missing reports and opens those whose day has come (not-due → due). Returns the grant's
 * reports as they then stand, by due instant.
 */
export async function syncReports(db: Executor, grant: GrantRecord, now: Date): Promise<ReportRow[]> {
  const read = () => db.select().from(grantReports).where(eq(grantReports.grantId, grant.row.id));
  const existing = await read();
  const missing = (REPORTING_GRANT_STATUSES as readonly string[]).includes(grant.row.status)
    ? (scheduleOf(grant, (await planOf(db, grant.row.callId)).reports, existing) ?? []).filter(
        (s) => !existing.some((r) => r.definitionId === s.id),
      )
    : [];
  if (missing.length)
    await db
      .insert(grantReports)
      .values(
        missing.map((s: ScheduledReport) => ({
          grantId: grant.row.id,
          definitionId: s.id,
          kind: s.kind,
          opensAt: s.opensAt,
          dueAt: s.dueAt,
        })),
      )
      .onConflictDoNothing();
  const rows = missing.length ? await read() : existing;
  const opening = rows.filter((r) => opensBy(r, now));
  if (opening.length)
    await db
      .update(grantReports)
      .set({ status: 'due' })
      .where(
        and(
          inArray(
            grantReports.id,
            opening.map((r) => r.id),
          ),
          eq(grantReports.status, 'not-due'),
        ),
      );
  return rows
    .map((r) => (opening.includes(r) ? { ...r, status: 'due' as const } : r))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}
