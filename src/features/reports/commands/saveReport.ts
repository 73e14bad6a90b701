import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { indicatorProblems, type IndicatorProblem } from '../../../domain/grants/indicatorProblems.ts';
import { readReportForm, type RawReportForm } from '../../../domain/grants/reportForm.ts';
import { reportLifecycle, type ReportStatus } from '../../../domain/grants/reportLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadReport, type ScopedReport } from '../access.ts';
import type { ReportsDeps } from '../deps.ts';
import { indicatorsOf } from '../indicators.ts';
import { grantReports } from '../schema.ts';

export type SaveReportRefusal = Stale | 'not-now';

export interface SavedReport {
  version: number;
  status: ReportStatus;
  /** What the form could not read, then what the indicators lack to be submitted: shown at their fields. */
  problems: IndicatorProblem[];
}

/**
 * Writes what a member typed into an open report, inside the caller's transaction on the locked report: the
 * first save moves it due → draft. A returned report's save is audited (it changes what was submitted); a
 * draft's saves are its members' working copy, like an application's, and are not.
 */
export async function writeValues(
  tx: Transaction,
  scoped: ScopedReport,
  raw: RawReportForm,
  definitions: Parameters<typeof readReportForm>[0],
  now: Date,
): Promise<SavedReport & { consistent: boolean }> {
  const { row } = scoped.record;
  const { values, problems: unread } = readReportForm(definitions, raw);
  const started = reportLifecycle.transition(row.status, 'start', { now, report: row, consistent: true });
  const status = started.ok ? started.value : row.status;
  const actorId = signedIn(scoped).userId;
  const [saved] = await tx
    .update(grantReports)
    .set({ values, status, version: row.version + 1, savedAt: now, savedBy: actorId })
    .where(and(eq(grantReports.id, row.id), eq(grantReports.version, row.version)))
    .returning({ version: grantReports.version });
  if (row.status === 'returned')
    await recordAudit(tx, {
      actorId,
      funderId: scoped.record.grant.row.funderId,
      action: 'report.saved',
      subjectType: 'grant-report',
      subjectId: row.id,
      after: { version: saved!.version },
    });
  const problems = [...unread, ...indicatorProblems(definitions, values)];
  return { version: saved!.version, status, problems, consistent: problems.length === 0 };
}

/**
 * A member saves the report's indicators (autosave or the save button). The save names the version it edited:
 * if someone saved in between, nothing is written and it is refused as stale. One transaction.
 */
export async function saveReport(
  deps: ReportsDeps,
  input: { actor: MaybeActor; reportId: string; version: number; raw: RawReportForm; now?: Date },
): Promise<Outcome<SavedReport, SaveReportRefusal>> {
  const now = input.now ?? new Date();
  const first = await loadReport(deps, input.actor, input.reportId, { action: 'edit' });
  const definitions = await indicatorsOf(deps, first.record.grant.row.callId);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'edit',
        lock: tx,
        isMember: first.isMember,
      });
      if (!scoped.can.edit) return refuse('not-now');
      if (scoped.record.row.version !== input.version) return refuse('stale');
      const { consistent: _, ...saved } = await writeValues(tx, scoped, input.raw, definitions, now);
      return saved;
    }),
  );
}
