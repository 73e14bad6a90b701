import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { Cents } from '../../../domain/money.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { checkAndStore, recordUpload, type UploadRefusal } from '../../../platform/storage/fileStorage.ts';
import { loadReport } from '../access.ts';
import type { ReportsDeps } from '../deps.ts';
import { reportExpenses } from '../schema.ts';

export type ExpenseRefusal = UploadRefusal | 'not-now' | 'unknown-line' | 'unknown-expense';

/**
 * A member adds an expense to an open report: the budget line it justifies (an index into the application's
 * budget table, which the caller checked with `lines`), the amount spent in cents, what it was, and optionally
 * its supporting document, checked by its content (a renamed program is not a PDF). One transaction.
 */
export async function addExpense(
  deps: ReportsDeps,
  input: {
    actor: MaybeActor;
    reportId: string;
    /** How many lines the binding budget has. */
    lines: number;
    line: number;
    spentCents: Cents;
    description: string;
    file: { name: string; bytes: Buffer } | null;
  },
): Promise<Outcome<{ id: string }, ExpenseRefusal>> {
  return refusable(async (refuse) => {
    const first = await loadReport(deps, input.actor, input.reportId, { action: 'edit' });
    if (!first.can.edit) return refuse('not-now');
    if (!Number.isInteger(input.line) || input.line < 0 || input.line >= input.lines) return refuse('unknown-line');
    const stored = input.file ? await checkAndStore(deps.storage, input.file.bytes) : null;
    if (stored && !stored.ok) return refuse(stored.error);
    return inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'edit',
        lock: tx,
        isMember: first.isMember,
      });
      if (!scoped.can.edit) return refuse('not-now');
      const actorId = signedIn(scoped).userId;
      const fileId = stored?.ok
        ? await recordUpload(tx, stored, { name: input.file!.name || 'justificatif', uploadedBy: actorId })
        : null;
      const [expense] = await tx
        .insert(reportExpenses)
        .values({
          reportId: scoped.record.row.id,
          budgetLine: input.line,
          spentCents: input.spentCents,
          description: input.description,
          fileId,
          createdBy: actorId,
        })
        .returning({ id: reportExpenses.id });
      await recordAudit(tx, {
        actorId,
        funderId: scoped.record.grant.row.funderId,
        action: 'report.expense-added',
        subjectType: 'grant-report',
        subjectId: scoped.record.row.id,
        after: { line: input.line, spentCents: input.spentCents, sha256: stored?.ok ? stored.sha256 : null },
      });
      return { id: expense!.id };
    });
  });
}

/** A member takes an expense off an open report. One transaction with its audit row. */
export async function removeExpense(
  deps: ReportsDeps,
  input: { actor: MaybeActor; reportId: string; expenseId: string },
): Promise<Outcome<void, ExpenseRefusal>> {
  const first = await loadReport(deps, input.actor, input.reportId, { action: 'edit' });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadReport(deps, input.actor, input.reportId, {
        action: 'edit',
        lock: tx,
        isMember: first.isMember,
      });
      if (!scoped.can.edit) return refuse('not-now');
      const [gone] = await tx
        .delete(reportExpenses)
        .where(and(eq(reportExpenses.id, input.expenseId), eq(reportExpenses.reportId, scoped.record.row.id)))
        .returning();
      if (!gone) return refuse('unknown-expense');
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: scoped.record.grant.row.funderId,
        action: 'report.expense-removed',
        subjectType: 'grant-report',
        subjectId: scoped.record.row.id,
        before: { line: gone.budgetLine, spentCents: gone.spentCents },
      });
    }),
  );
}
