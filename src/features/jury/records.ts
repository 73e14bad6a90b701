// The jury's own records for one call, read in one go: by the pages (on the database) and by the
// commands (on their transaction, after taking the call's jury lock).
import { asc, eq, inArray, max, sql } from 'drizzle-orm';
import { stageOf, type JurorStage } from '../../domain/juryMembership.ts';
import { pairKey } from '../../domain/juryPlanning.ts';
import type { JurySettings } from '../../domain/jurySettings.ts';
import { lockUntilCommit, type Executor, type Transaction } from '../../platform/db/client.ts';
import { users } from '../../platform/identity/schema.ts';
import { assignments, conflicts, evaluations, juryReminders, jurors } from './schema.ts';

export type JurorRow = typeof jurors.$inferSelect;
export type ConflictRow = typeof conflicts.$inferSelect;
export type EvaluationState = 'none' | 'draft' | 'submitted';

export interface JurorRecord extends JurorRow {
  displayName: string | null;
  stage: JurorStage;
  lastReminderAt: Date | null;
}

export interface AssignmentRecord {
  id: string;
  jurorId: string;
  applicationId: string;
  source: 'manual' | 'automatic';
  affinityMilli: number | null;
  evaluation: EvaluationState;
  createdAt: Date;
  /** When the evaluation was last saved; null before the juror opened it. */
  evaluationUpdatedAt: Date | null;
}

export interface JuryRecords {
  jurors: JurorRecord[];
  conflicts: ConflictRow[];
  assignments: AssignmentRecord[];
}

/**
 * Serialises the commands that change a call's jury (assignments, withdrawals, conflicts): two
 * officers confirming at once cannot both fill the same gap. Held until the transaction ends.
 */
export async function lockJury(tx: Transaction, callId: string): Promise<void> {
  await lockUntilCommit(tx, sql`hashtext(${`jury:${callId}`})`);
}

export async function loadRecords(db: Executor, callId: string): Promise<JuryRecords> {
  const jurorRows = await db
    .select({ juror: jurors, displayName: users.displayName })
    .from(jurors)
    .leftJoin(users, eq(users.id, jurors.userId))
    .where(eq(jurors.callId, callId))
    .orderBy(asc(jurors.invitedAt), asc(jurors.email));
  const ids = jurorRows.map((r) => r.juror.id);
  const reminders = ids.length
    ? await db
        .select({ jurorId: juryReminders.jurorId, at: max(juryReminders.sentAt) })
        .from(juryReminders)
        .where(inArray(juryReminders.jurorId, ids))
        .groupBy(juryReminders.jurorId)
    : [];
  const lastReminder = new Map(reminders.map((r) => [r.jurorId, r.at]));
  const conflictRows = ids.length
    ? await db.select().from(conflicts).where(inArray(conflicts.jurorId, ids)).orderBy(asc(conflicts.declaredAt))
    : [];
  const assignmentRows = await db
    .select({
      id: assignments.id,
      jurorId: assignments.jurorId,
      applicationId: assignments.applicationId,
      source: assignments.source,
      affinityMilli: assignments.affinity,
      createdAt: assignments.createdAt,
      status: evaluations.status,
      evaluationUpdatedAt: evaluations.updatedAt,
    })
    .from(assignments)
    .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
    .where(eq(assignments.callId, callId))
    .orderBy(asc(assignments.createdAt));
  return {
    jurors: jurorRows.map((r) => ({
      ...r.juror,
      displayName: r.displayName,
      stage: stageOf(r.juror),
      lastReminderAt: lastReminder.get(r.juror.id) ?? null,
    })),
    conflicts: conflictRows,
    assignments: assignmentRows.map(({ status, ...a }) => ({ ...a, evaluation: status ?? 'none' })),
  };
}

/** Every conflicted (juror, application) pair, organisation conflicts expanded to that organisation's applications. */
export function conflictedPairs(
  conflictRows: readonly ConflictRow[],
  applications: readonly { id: string; organisationId: string }[],
): Set<string> {
  const pairs = new Set<string>();
  for (const c of conflictRows) {
    for (const a of applications) {
      if (c.applicationId === a.id || c.organisationId === a.organisationId) pairs.add(pairKey(c.jurorId, a.id));
    }
  }
  return pairs;
}

/**
 * When an assignment last changed as its officers see it: made, its evaluation saved, its juror
 * withdrawn, or a conflict declared that concerns it (with the application or its organisation).
 */
export function assignmentChangedAt(
  assignment: AssignmentRecord,
  juror: JurorRecord | undefined,
  conflictRows: readonly ConflictRow[],
  application: { id: string; organisationId: string },
): Date {
  const declared = conflictRows
    .filter((c) => c.jurorId === assignment.jurorId && conflictedPairs([c], [application]).size > 0)
    .map((c) => c.declaredAt);
  const moments = [assignment.createdAt, assignment.evaluationUpdatedAt, juror?.withdrawnAt ?? null, ...declared];
  return new Date(Math.max(...moments.map((d) => d?.getTime() ?? 0)));
}

/** The capacity and minimum load that apply to a juror: their own, else the call's default. */
export function limitsOf(
  juror: Pick<JurorRow, 'capacity' | 'minLoad'>,
  settings: JurySettings,
): { capacity: number; minLoad: number } {
  return { capacity: juror.capacity ?? settings.defaultCapacity, minLoad: juror.minLoad ?? 0 };
}

/**
 * Whether an assignment's review counts toward the application's k jurors: never when in
 * conflict; otherwise while the juror sits, or once their evaluation is submitted (it stays valid
 * after they withdraw).
 */
export function counts(assignment: AssignmentRecord, juror: JurorRecord | undefined, conflicted: boolean): boolean {
  if (conflicted || !juror) return false;
  return juror.stage === 'active' || assignment.evaluation === 'submitted';
}
