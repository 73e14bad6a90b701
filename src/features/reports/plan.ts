import { eq, inArray } from 'drizzle-orm';
import { DEFAULT_INDICATOR_CHOICE, type IndicatorChoice } from '../../domain/grants/indicatorChoice.ts';
import { DEFAULT_REPORT_PLAN, type ReportDefinition } from '../../domain/grants/reportSchedule.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { ReportRow } from './access.ts';
import { reportExpenses, reportPlans } from './schema.ts';

/** The reports a call's grants owe and the indicators they ask. */
export interface ReportPlan {
  reports: readonly ReportDefinition[];
  indicators: IndicatorChoice;
}

/** The call's plan as saved, or the default one at version 0 (what the editor's first save names). */
export async function planOf(db: Executor, callId: string): Promise<ReportPlan & { version: number }> {
  const [row] = await db.select().from(reportPlans).where(eq(reportPlans.callId, callId));
  return row
    ? { reports: row.reports, indicators: row.indicators, version: row.version }
    : { reports: DEFAULT_REPORT_PLAN, indicators: DEFAULT_INDICATOR_CHOICE, version: 0 };
}

/** The report states in which nobody has written anything into a report yet. */
const UNTOUCHED: readonly string[] = ['not-due', 'due', 'skipped'];

/**
 * Whether an organisation has begun or handed in one of `reports` (saved it, submitted it, or justified an
 * expense in it): the plan they answered must then keep its questions.
 */
export async function anyStarted(db: Executor, reports: readonly ReportRow[]): Promise<boolean> {
  if (reports.some((r) => !UNTOUCHED.includes(r.status) || r.savedAt || r.submittedAt)) return true;
  if (!reports.length) return false;
  const ids = reports.map((r) => r.id);
  return (
    (
      await db
        .select({ id: reportExpenses.id })
        .from(reportExpenses)
        .where(inArray(reportExpenses.reportId, ids))
        .limit(1)
    ).length > 0
  );
}
