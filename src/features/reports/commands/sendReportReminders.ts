import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { grantRecord } from '../../grants/access.ts';
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
  // Reports are made once per grant: only the grants without any yet are read (a few queries a minute, not
  // thousands). Opening is one statement: not-due → due once the opening instant is reached (the lifecycle's
  // open guard, isBeforeDeadline(now, opensAt) false).
  const reporting = await deps.grants.grantIdsIn(REPORTING_GRANT_STATUSES);
  const scheduled = new Set(
    (await deps.db.selectDistinct({ id: grantReports.grantId }).from(grantReports)).map((r) => r.id),
  );
  for (const id of reporting.filter((g) => !scheduled.has(g))) {
    const record = await grantRecord(deps.db, id);
    if (record) await syncReports(deps.db, record, now);
  }
  await deps.db
    .update(grantReports)
    .set({ status: 'due' })
    .where(and(eq(grantReports.status, 'not-due'), lte(grantReports.opensAt, now)));
  const soon = await deps.db
    .select()
    .from(grantReports)
    .where(
      and(
        inArray(grantReports.status, ['due', 'draft']),
        isNull(grantReports.remindedAt),
        gt(grantReports.dueAt, now),
        lte(grantReports.dueAt, new Date(now.getTime() + REMINDER_MS)),
      ),
    );
  let reminded = 0;
  for (const report of soon) {
    const grant = (await grantRecord(deps.db, report.grantId))?.row;
    if (!grant) continue;
    const recipients = await deps.organisations.recipients(grant.organisationId);
    await inTransaction(deps, async (tx) => {
      const [claimed] = await tx
        .update(grantReports)
        .set({ remindedAt: now })
        .where(and(eq(grantReports.id, report.id), isNull(grantReports.remindedAt)))
        .returning({ id: grantReports.id });
      if (!claimed) return;
      await mailMembers(deps, tx, recipients, {
        funderId: grant.funderId,
        subject: 'reports.mail.reminder.subject',
        body: 'reports.mail.reminder.body',
        reportId: report.id,
        reference: grant.reference,
        dueAt: report.dueAt,
      });
      reminded++;
    });
  }
  return { reminded };
}
