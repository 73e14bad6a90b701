import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { RawReportForm } from '../../../domain/grants/reportForm.ts';
import { reportLifecycle } from '../../../domain/grants/reportLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { funderOfficers } from '../../../platform/identity/officers.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadReport } from '../access.ts';
import type { ReportsDeps } from '../deps.ts';
import { indicatorsOf } from '../indicators.ts';
import { mailMembers } from '../mails.ts';
import { grantReports } from '../schema.ts';
import { writeValues } from './saveReport.ts';

export type SubmitReportRefusal = Stale | 'not-now' | 'indicators-inconsistent';

/**
 * A member submits the report with what the form holds: the values are saved first (a draft is never lost),
 * then the report moves to submitted only if its indicators are consistent (indicatorProblems: counts whole,
 * breakdowns adding up, required ones given). Refused as inconsistent, the values stay saved and the report
 * stays a draft. A returned report is resubmitted the same way. One transaction with its audit row; the
 * funder's officers are mailed, each in their language, after the commit.
 */
export async function submitReport(
  deps: ReportsDeps,
  input: { actor: MaybeActor; reportId: string; version: number; raw: RawReportForm; now?: Date },
): Promise<Outcome<{ version: number }, SubmitReportRefusal>> {
  const now = input.now ?? new Date();
  const first = await loadReport(deps, input.actor, input.reportId, { action: 'edit' });
  const definitions = await indicatorsOf(deps, first.record.grant.row.callId);
  // Saving and refusing cannot share a transaction (a refusal rolls it back): save first, then submit.
  const saved = await refusable<{ version: number; consistent: boolean }, Stale | 'not-now'>((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'edit',
        lock: tx,
        isMember: first.isMember,
      });
      if (!scoped.can.edit) return refuse('not-now');
      if (scoped.record.row.version !== input.version) return refuse('stale');
      return writeValues(tx, scoped, input.raw, definitions, now);
    }),
  );
  if (!saved.ok) return saved;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'submit',
        lock: tx,
        isMember: first.isMember,
      });
      const { row, grant } = scoped.record;
      if (!scoped.can.submit) return refuse('not-now');
      if (row.version !== saved.value.version) return refuse('stale');
      const moved = reportLifecycle.transition(row.status, 'submit', {
        now,
        report: row,
        consistent: saved.value.consistent,
      });
      if (!moved.ok) return refuse(moved.error === 'indicators-inconsistent' ? moved.error : 'not-now');
      const actorId = signedIn(scoped).userId;
      await tx
        .update(grantReports)
        .set({ status: moved.value, version: row.version + 1, submittedAt: now, submittedBy: actorId })
        .where(eq(grantReports.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: grant.row.funderId,
        action: row.status === 'returned' ? 'report.resubmitted' : 'report.submitted',
        subjectType: 'grant-report',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value, grantId: grant.row.id, kind: row.kind },
      });
      await mailMembers(deps, tx, await funderOfficers(tx, grant.row.funderId), {
        subject: 'reports.mail.submitted.subject',
        body: 'reports.mail.submitted.body',
        reportId: row.id,
        reference: grant.row.reference,
        dueAt: row.returnDueAt ?? row.dueAt,
        values: {
          organisation: grant.row.organisationName,
          kind: row.kind,
          resubmitted: String(row.status === 'returned'),
        },
      });
      return { version: row.version + 1 };
    }),
  );
}
