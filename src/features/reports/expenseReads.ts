// What a grant's ledger reads of its reports, here beside the reports' tables: the expenses they justify. An
// expense counts as justified once its report is approved; until then it is submitted (a draft's are not yet
// anything). Read only.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Expense } from '../../domain/grants/ledger.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grantReports, reportExpenses } from './schema.ts';

export async function grantExpenses(db: Executor, grantId: string): Promise<Expense[]> {
  const rows = await db
    .select({ line: reportExpenses.budgetLine, amountCents: reportExpenses.spentCents, report: grantReports.status })
    .from(reportExpenses)
    .innerJoin(grantReports, eq(grantReports.id, reportExpenses.reportId))
    .where(and(eq(grantReports.grantId, grantId), inArray(grantReports.status, ['submitted', 'returned', 'approved'])))
    .orderBy(asc(reportExpenses.createdAt));
  return rows.map((r) => ({
    line: r.line,
    amountCents: r.amountCents,
    status: r.report === 'approved' ? 'approved' : 'submitted',
  }));
}
