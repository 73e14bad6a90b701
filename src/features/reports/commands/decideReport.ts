import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isBeforeDeadline } from '../../../domain/brusselsTime.ts';
import { endOfDayInBrussels, type CalendarDate } from '../../../domain/calendarDate.ts';
import { reportLifecycle } from '../../../domain/grants/reportLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadReport, reportOf } from '../access.ts';
import type { ReportsDeps } from '../deps.ts';
import { mailMembers } from '../mails.ts';
import { grantReports } from '../schema.ts';

export type DecideReportRefusal = Stale | 'not-now' | 'remarks-required' | 'return-due-past';

export type ReportDecision =
  | { decision: 'approve'; remarks: string | null }
  /** Returned with the officer's remarks, and the day the corrected report is due (null: no limit). */
  | { decision: 'return'; remarks: string; returnDueOn: CalendarDate | null };

/**
 * An officer approves a submitted report or returns it with remarks. Approving the final report moves the grant
 * to final-report-approved and makes the balance tranche due; an approved interim report releases the tranche
 * that waits for it (through the grants feature's releaseReportTranches, in the same transaction). The
 * organisation's members are mailed the decision after the commit. One transaction with its audit row.
 */
export async function decideReport(
  deps: ReportsDeps,
  input: { actor: MaybeActor; reportId: string; version: number; now?: Date } & ReportDecision,
): Promise<Outcome<{ tranchesDue: number }, DecideReportRefusal>> {
  const now = input.now ?? new Date();
  const first = await loadReport(deps, input.actor, input.reportId, { action: 'decide' });
  const recipients = await deps.organisations.recipients(first.record.grant.row.organisationId);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'decide',
        lock: tx,
        isMember: first.isMember,
      });
      const { row, grant } = scoped.record;
      if (!scoped.can.decide) return refuse('not-now');
      if (row.version !== input.version) return refuse('stale');
      const remarks = input.remarks?.trim() || null;
      if (input.decision === 'return' && !remarks) return refuse('remarks-required');
      const returnDueAt =
        input.decision === 'return' && input.returnDueOn ? endOfDayInBrussels(input.returnDueOn) : null;
      if (returnDueAt && !isBeforeDeadline(now, returnDueAt)) return refuse('return-due-past');
      const moved = reportLifecycle.transition(row.status, input.decision, { now, report: row, consistent: true });
      if (!moved.ok) return refuse('not-now');
      const actorId = signedIn(scoped).userId;
      await tx
        .update(grantReports)
        .set({
          status: moved.value,
          version: row.version + 1,
          decidedAt: now,
          decidedBy: actorId,
          remarks,
          returnDueAt,
        })
        .where(eq(grantReports.id, row.id));
      let tranchesDue = 0;
      if (moved.value === 'approved') {
        const all = await tx.select().from(grantReports).where(eq(grantReports.grantId, grant.row.id));
        const reports = all.map((r) => reportOf(r.id === row.id ? { ...r, status: 'approved' } : r));
        tranchesDue = (await deps.grants.releaseReportTranches(tx, grant.row.id, reports, now)).due;
      }
      await recordAudit(tx, {
        actorId,
        funderId: grant.row.funderId,
        action: moved.value === 'approved' ? 'report.approved' : 'report.returned',
        subjectType: 'grant-report',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value, grantId: grant.row.id, kind: row.kind, tranchesDue },
        reason: remarks,
      });
      await mailMembers(deps, tx, recipients, {
        funderId: grant.row.funderId,
        subject: moved.value === 'approved' ? 'reports.mail.approved.subject' : 'reports.mail.returned.subject',
        body: moved.value === 'approved' ? 'reports.mail.approved.body' : 'reports.mail.returned.body',
        reportId: row.id,
        reference: grant.row.reference,
        dueAt: returnDueAt ?? row.dueAt,
        values: { remarks: remarks ?? '' },
      });
      return { tranchesDue };
    }),
  );
}
