import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { grantRecord } from '../../grants/access.ts';
import { grants } from '../../grants/schema.ts';
import type { ReportsDeps } from '../deps.ts';
import { mailMembers } from '../mails.ts';
import { REPORTING_GRANT_STATUSES, syncReports } from '../schedule.ts';
import { grantReports } from '../schema.ts';

/** How long before its due instant a report not yet handed in is reminded, once. */
export const REMINDER_MS = 7 * 86_400_000;

/**
 * The clock's work on reports: every reporting grant's reports made and opened (syncReports), then a reminder
 * to the organisation's members of each report not handed in whose due instant is less than seven days away.
 * A reminder is recorded in the transaction that queues its mails, so a crash never sends one twice.
 */
export async function runReportClock(deps: ReportsDeps, now = new Date()): Promise<{ reminded: number }> {
  const reporting = await deps.db
    .select({ id: grants.id })
    .from(grants)
    .where(inArray(grants.status, [...REPORTING_GRANT_STATUSES]));
  for (const { id } of reporting) {
    const record = await grantRecord(deps.db, id);
    if (record) await syncReports(deps.db, record, now);
  }
  const soon = await deps.db
    .select({ report: grantReports, organisationId: grants.organisationId, reference: grants.reference, funderId: grants.funderId })
    .from(grantReports)
    .innerJoin(grants, eq(grants.id, grantReports.grantId))
    .where(
      and(
        inArray(grantReports.status, ['due', 'draft']),
        isNull(grantReports.remindedAt),
        gt(grantReports.dueAt, now),
        lte(grantReports.dueAt, new Date(now.getTime() + REMINDER_MS)),
      ),
    );
  let reminded = 0;
  for (const r of soon) {
    const recipients = await deps.organisations.recipients(r.organisationId);
    await inTransaction(deps, async (tx) => {
      const [claimed] = await tx
        .update(grantReports)
        .set({ remindedAt: now })
        .where(and(eq(grantReports.id, r.report.id), isNull(grantReports.remindedAt)))
        .returning({ id: grantReports.id });
      if (!claimed) return;
      await mailMembers(deps, tx, recipients, {
        funderId: r.funderId,
        subject: 'reports.mail.reminder.subject',
        body: 'reports.mail.reminder.body',
        reportId: r.report.id,
        reference: r.reference,
        dueAt: r.report.dueAt,
      });
      reminded++;
    });
  }
  return { reminded };
}
