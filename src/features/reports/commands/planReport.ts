import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isCalendarDate, type CalendarDate } from '../../../domain/calendarDate.ts';
import { reportLifecycle, type ReportStatus } from '../../../domain/grants/reportLifecycle.ts';
import type { ReportAction } from '../../../domain/grants/reportPolicy.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadReport, type ReportRow } from '../access.ts';
import type { ReportsDeps } from '../deps.ts';
import { planOf } from '../plan.ts';
import { scheduleOf } from '../schedule.ts';
import { grantReports } from '../schema.ts';

export type PlanReportRefusal = Stale | 'not-now' | 'reason-required' | 'due-date';

export type ReportPlanChange =
  /** Waive the report, with the reason the grantee will read. */
  | { change: 'skip'; reason: string }
  | { change: 'reinstate' }
  /** Move its due day for this grant (it opens as many days before as the plan says). */
  | { change: 'move'; dueOn: CalendarDate };

const ACTION: Record<ReportPlanChange['change'], ReportAction> = { skip: 'skip', reinstate: 'reinstate', move: 'move' };

/**
 * An officer changes a grant's report plan: skips a report with a reason, reinstates a skipped one (due at
 * once), or moves its due day. A report moved to a later opening closes again until then (back to not-due) if
 * the grantee had not started it. One transaction with its audit row.
 */
export async function planReport(
  deps: ReportsDeps,
  input: { actor: MaybeActor; reportId: string; version: number; now?: Date } & ReportPlanChange,
): Promise<Outcome<void, PlanReportRefusal>> {
  const now = input.now ?? new Date();
  const action = ACTION[input.change];
  const first = await loadReport(deps, input.actor, input.reportId, { action });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action,
        lock: tx,
        isMember: first.isMember,
      });
      const { row, grant } = scoped.record;
      if (!scoped.can[action]) return refuse('not-now');
      if (row.version !== input.version) return refuse('stale');
      let change: Partial<ReportRow>;
      if (input.change === 'move') {
        if (!isCalendarDate(input.dueOn)) return refuse('due-date');
        const { reports } = await planOf(tx, grant.row.callId);
        const planned = scheduleOf(grant, reports, [row], { [row.definitionId]: input.dueOn })?.find(
          (s) => s.id === row.definitionId,
        );
        if (!planned) return refuse('not-now');
        const closes = row.status === 'due' && planned.opensAt > now;
        const status: ReportStatus = closes ? 'not-due' : row.status;
        change = { dueAt: planned.dueAt, opensAt: planned.opensAt, moved: true, status };
      } else {
        const reason = input.change === 'skip' ? input.reason.trim() : '';
        if (input.change === 'skip' && !reason) return refuse('reason-required');
        const moved = reportLifecycle.transition(row.status, input.change, { now, report: row, consistent: true });
        if (!moved.ok) return refuse('not-now');
        change = { status: moved.value, skipReason: reason || null };
      }
      await tx
        .update(grantReports)
        .set({ ...change, version: row.version + 1 })
        .where(eq(grantReports.id, row.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: grant.row.funderId,
        action: `report.${input.change === 'move' ? 'moved' : input.change === 'skip' ? 'skipped' : 'reinstated'}`,
        subjectType: 'grant-report',
        subjectId: row.id,
        before: { status: row.status, dueAt: row.dueAt.toISOString() },
        after: { status: change.status ?? row.status, dueAt: (change.dueAt ?? row.dueAt).toISOString() },
        reason: input.change === 'skip' ? input.reason.trim() : null,
      });
    }),
  );
}
