import { and, asc, eq, inArray, lt, or } from 'drizzle-orm';
import { canManageCalls, type MaybeActor } from '../../domain/access.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Budget } from '../../domain/forms/definition.ts';
import { ledgerOf } from '../../domain/grants/grant.ts';
import { defaultIndicatorSet, type IndicatorDefinition } from '../../domain/grants/reportIndicators.ts';
import type { GrantLedger } from '../../domain/grants/ledger.ts';
import { proposeRecovery, type RecoveryProposal } from '../../domain/grants/recoveryProposal.ts';
import { isOverdue } from '../../domain/grants/reportLifecycle.ts';
import { isUuid } from '../../domain/ids.ts';
import { files } from '../../platform/storage/schema.ts';
import type { ScopedCall } from '../calls/service.ts';
import { grantRecord, loadGrant, type ScopedGrant } from '../grants/access.ts';
import { grantIdsIn } from '../grants/impactReads.ts';
import { loadReport, reportOf, type ReportRow, type ScopedReport } from './access.ts';
import { decideReport } from './commands/decideReport.ts';
import { addExpense, removeExpense } from './commands/expenses.ts';
import { planReport } from './commands/planReport.ts';
import { saveReportPlan } from './commands/saveReportPlan.ts';
import { runReportClock } from './commands/sendReportReminders.ts';
import { saveReport } from './commands/saveReport.ts';
import { submitReport } from './commands/submitReport.ts';
import type { ReportsDeps } from './deps.ts';
import { indicatorsOf } from './indicators.ts';
import { anyStarted, planOf, type ReportPlan } from './plan.ts';
import { readReports, syncReports } from './schedule.ts';
import { grantReports, reportExpenses } from './schema.ts';

export type { ScopedReport } from './access.ts';
export type ExpenseRow = typeof reportExpenses.$inferSelect;

export interface GrantReportsPage {
  grant: ScopedGrant;
  reports: (ReportRow & { overdue: boolean })[];
}

export interface ReportPage {
  scoped: ScopedReport;
  definitions: IndicatorDefinition[];
  expenses: (ExpenseRow & { fileName: string | null })[];
  /** The application's budget table the expenses justify; null if it had none. */
  budget: Pick<Budget, 'lines' | 'totalCents'> | null;
  /** What every expense of the grant's reports justifies, and the recovery that follows (recoveryProposal.ts). */
  justification: RecoveryProposal | null;
  ledger: GrantLedger;
  overdue: boolean;
}

export interface ReportPlanPage {
  call: ScopedCall;
  plan: ReportPlan;
  version: number;
  /** The default indicators, with the call's publics, to choose from. */
  defaults: IndicatorDefinition[];
  /** An organisation has started a report under the plan: it can no longer change (saveReportPlan). */
  locked: boolean;
}

export interface OverdueReport {
  id: string;
  grantId: string;
  reference: string;
  organisationName: string;
  kind: ReportRow['kind'];
  status: ReportRow['status'];
  dueAt: Date;
}

const withOverdue = (rows: ReportRow[], now: Date) => rows.map((r) => ({ ...r, overdue: isOverdue(reportOf(r), now) }));

const isBudget = (v: unknown): v is Budget =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as Budget).lines) &&
  typeof (v as Budget).totalCents === 'number';

/**
 * A grant's reports: scheduled from the call's plan once the agreement binds, filled and submitted by the
 * organisation's members with the expenses they justify, approved or returned by the funder's officers, who
 * may move or skip them. Every read starts from the grant or the report loaded for the actor.
 */
export function reportsService(deps: ReportsDeps) {
  const budgetOf = async (applicationId: string) => {
    const answers = (await deps.applications.answersOf([applicationId])).get(applicationId) ?? {};
    return Object.values(answers).find(isBudget) ?? null;
  };

  return {
    saveReport: (input: Parameters<typeof saveReport>[1]) => saveReport(deps, input),
    submitReport: (input: Parameters<typeof submitReport>[1]) => submitReport(deps, input),
    decideReport: (input: Parameters<typeof decideReport>[1]) => decideReport(deps, input),
    planReport: (input: Parameters<typeof planReport>[1]) => planReport(deps, input),
    saveReportPlan: (input: Parameters<typeof saveReportPlan>[1]) => saveReportPlan(deps, input),
    removeExpense: (input: Parameters<typeof removeExpense>[1]) => removeExpense(deps, input),
    /** Adds an expense on a line of the grant's budget table (which bounds the line's index). */
    async addExpense(input: Omit<Parameters<typeof addExpense>[1], 'lines'>) {
      const scoped = await loadReport(deps, input.actor, input.reportId, { action: 'edit' });
      const budget = await budgetOf(scoped.record.grant.row.applicationId);
      return addExpense(deps, { ...input, lines: budget?.lines.length ?? 0 });
    },
    /** The clock's work: reports made and opened, reminders before the due day. */
    runClock: (now = new Date()) => runReportClock(deps, now),

    /** The call's report plan, for its officers' editor. */
    async reportPlanPage(actor: MaybeActor, callId: string): Promise<ReportPlanPage> {
      const call = await deps.calls.load(actor, callId, { action: 'manage' });
      const { version, ...plan } = await planOf(deps.db, callId);
      const grantIds = await deps.grants.grantIdsOf(callId);
      const reports = grantIds.length
        ? await deps.db.select().from(grantReports).where(inArray(grantReports.grantId, grantIds))
        : [];
      // The call's own publics, read as its officers see it: a call still in draft has a plan too.
      const publics = (await deps.calls.terms(call.record.funderId, 'target-public')).filter((p) =>
        call.record.targetPublics.includes(p.key),
      );
      return {
        call,
        plan,
        version,
        defaults: defaultIndicatorSet(publics),
        locked: await anyStarted(deps.db, reports),
      };
    },

    /** A grant's reports, for its officers and the organisation's members (made and opened first). */
    async grantReports(actor: MaybeActor, grantId: string, now = new Date()): Promise<GrantReportsPage> {
      const grant = await loadGrant(deps, actor, grantId);
      return { grant, reports: withOverdue(await syncReports(deps.db, grant.record, now), now) };
    },

    /**
     * The same, read only: nothing is made or opened (the clock does that), so that a read — the API's — never
     * writes. A report past its opening instant reads as due.
     */
    async readGrantReports(actor: MaybeActor, grantId: string, now = new Date()): Promise<GrantReportsPage> {
      const grant = await loadGrant(deps, actor, grantId);
      return { grant, reports: withOverdue(await readReports(deps.db, grant.record.row.id, now), now) };
    },

    async reportPage(actor: MaybeActor, reportId: string, now = new Date()): Promise<ReportPage> {
      const scoped = await loadReport(deps, actor, reportId);
      const { row, grant } = scoped.record;
      const definitions = await indicatorsOf(deps, grant.row.callId);
      const expenses = await deps.db
        .select({ expense: reportExpenses, fileName: files.name })
        .from(reportExpenses)
        .leftJoin(files, eq(files.id, reportExpenses.fileId))
        .where(eq(reportExpenses.reportId, row.id))
        .orderBy(asc(reportExpenses.createdAt));
      const budget = await budgetOf(grant.row.applicationId);
      const ledger = ledgerOf(grant.grant);
      let justification: RecoveryProposal | null = null;
      if (budget && budget.totalCents > 0) {
        // Every expense of the grant's reports, whatever the report: the final one justifies the whole grant.
        const all = await deps.db
          .select({ line: reportExpenses.budgetLine, amountCents: reportExpenses.spentCents })
          .from(reportExpenses)
          .innerJoin(grantReports, eq(grantReports.id, reportExpenses.reportId))
          .where(eq(grantReports.grantId, grant.row.id));
        justification = proposeRecovery({
          budget,
          grantCents: ledger.amendedCents ?? grant.row.offeredCents,
          paidCents: ledger.paidCents,
          expenses: all,
          tolerancePercent: 0,
        });
      }
      return {
        scoped,
        definitions,
        expenses: expenses.map((e) => ({ ...e.expense, fileName: e.fileName })),
        budget,
        justification,
        ledger,
        overdue: isOverdue(reportOf(row), now),
      };
    },

    /** An expense's supporting document, for whoever may see the report. */
    async expenseDocument(actor: MaybeActor, reportId: string, expenseId: string) {
      const scoped = await loadReport(deps, actor, reportId, { action: 'readDocuments' });
      if (!isUuid(expenseId)) throw new NotFoundError('document');
      const [row] = await deps.db
        .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
        .from(reportExpenses)
        .innerJoin(files, eq(files.id, reportExpenses.fileId))
        .where(and(eq(reportExpenses.id, expenseId), eq(reportExpenses.reportId, scoped.record.row.id)));
      if (!row) throw new NotFoundError('document');
      return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
    },

    /** The overdue reports of the grants the actor follows up as an officer, oldest first (their start page). */
    async overdueFor(actor: MaybeActor, now = new Date()): Promise<OverdueReport[]> {
      if (!actor) return [];
      const funders = actor.grants.map((g) => g.funderId).filter((f) => canManageCalls(actor, f));
      if (!funders.length) return [];
      const rows = await deps.db
        .select()
        .from(grantReports)
        .where(
          and(
            inArray(grantReports.status, ['not-due', 'due', 'draft', 'returned']),
            or(lt(grantReports.dueAt, now), lt(grantReports.returnDueAt, now)),
          ),
        )
        .orderBy(asc(grantReports.dueAt));
      // Only the grants of the actor's funders are read in full (their reference and organisation's name).
      const theirs = new Set((await grantIdsIn(deps.db, { funderIds: [...new Set(funders)] })).map((g) => g.id));
      const late = rows.filter((r) => theirs.has(r.grantId) && isOverdue(reportOf(r), now));
      const grantsOf = new Map<string, Awaited<ReturnType<typeof grantRecord>>>();
      for (const id of new Set(late.map((r) => r.grantId))) grantsOf.set(id, await grantRecord(deps.db, id));
      return late.flatMap((r) => {
        const grant = grantsOf.get(r.grantId)?.row;
        if (!grant || !funders.includes(grant.funderId)) return [];
        return [
          {
            id: r.id,
            grantId: r.grantId,
            reference: grant.reference,
            organisationName: grant.organisationName,
            kind: r.kind,
            status: r.status,
            dueAt: r.returnDueAt ?? r.dueAt,
          },
        ];
      });
    },
  };
}
export type ReportsService = ReturnType<typeof reportsService>;
