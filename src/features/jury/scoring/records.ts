// Reading the jury's records for scoring. Each function takes the executor explicitly: the
// database outside a command, the transaction inside one.
import { and, asc, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { users } from '../../../platform/identity/schema.ts';
import { assignments, conflicts, consensus, evaluations, jurors, type JurorStatus } from '../schema.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;
export type ConsensusRow = typeof consensus.$inferSelect;

/** An evaluation not yet saved: version 0, which the first save names. */
export const NO_EVALUATION = {
  scores: {},
  comments: {},
  overallComment: '',
  status: 'draft' as const,
  version: 0,
  updatedAt: null,
  submittedAt: null,
};

export async function evaluationOf(
  db: Executor,
  assignmentId: string,
  opts: { lock?: boolean } = {},
): Promise<EvaluationRow | null> {
  const query = db.select().from(evaluations).where(eq(evaluations.assignmentId, assignmentId));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function consensusOf(
  db: Executor,
  applicationId: string,
  opts: { lock?: boolean } = {},
): Promise<(ConsensusRow & { recordedByName: string }) | null> {
  const query = db
    .select({ row: consensus, name: users.displayName })
    .from(consensus)
    .innerJoin(users, eq(users.id, consensus.recordedBy))
    .where(eq(consensus.applicationId, applicationId));
  const [found] = opts.lock ? await query.for('update', { of: consensus }) : await query;
  return found ? { ...found.row, recordedByName: found.name } : null;
}

export async function consensusOfCall(db: Executor, callId: string): Promise<ConsensusRow[]> {
  return db.select().from(consensus).where(eq(consensus.callId, callId));
}

/** The call's consensus scores alone: what the ranking and the call's lists read, without the panel's comments. */
/** The consensus scores of the call's applications, or of those of `applicationIds` only (a page of a list). */
export async function consensusScoresOfCall(
  db: Executor,
  callId: string,
  applicationIds?: readonly string[],
): Promise<Pick<ConsensusRow, 'applicationId' | 'scores'>[]> {
  if (applicationIds?.length === 0) return [];
  return db
    .select({ applicationId: consensus.applicationId, scores: consensus.scores })
    .from(consensus)
    .where(
      applicationIds
        ? and(eq(consensus.callId, callId), inArray(consensus.applicationId, [...applicationIds]))
        : eq(consensus.callId, callId),
    );
}

/** The call's applications with a submitted evaluation and no consensus yet. */
export async function consensusMissingOf(db: Executor, callId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ applicationId: assignments.applicationId })
    .from(assignments)
    .innerJoin(evaluations, and(eq(evaluations.assignmentId, assignments.id), eq(evaluations.status, 'submitted')))
    .where(
      and(
        eq(assignments.callId, callId),
        notExists(
          db
            .select({ one: sql`1` })
            .from(consensus)
            .where(eq(consensus.applicationId, assignments.applicationId)),
        ),
      ),
    );
  return rows.map((r) => r.applicationId);
}

export interface Conflict {
  jurorId: string;
  organisationId: string | null;
  applicationId: string | null;
}

export async function conflictsOf(db: Executor, jurorIds: string[]): Promise<Conflict[]> {
  if (!jurorIds.length) return [];
  return db
    .select({
      jurorId: conflicts.jurorId,
      organisationId: conflicts.organisationId,
      applicationId: conflicts.applicationId,
    })
    .from(conflicts)
    .where(inArray(conflicts.jurorId, jurorIds));
}

/** Whether a conflict of the list closes the application to the juror (directly, or through its organisation). */
export function inConflict(
  list: readonly Conflict[],
  jurorId: string,
  application: { id: string; organisationId: string },
): boolean {
  return list.some(
    (c) =>
      c.jurorId === jurorId && (c.applicationId === application.id || c.organisationId === application.organisationId),
  );
}

export interface PanelMember {
  jurorId: string;
  name: string;
  isChair: boolean;
  status: JurorStatus;
  evaluation: EvaluationRow | null;
  /** In conflict with the application now (perhaps declared after assignment): their evaluation is set aside. */
  conflicted: boolean;
}

/** The jurors assigned to an application, each with their evaluation if any, in the order they were assigned. */
export async function panelOf(
  db: Executor,
  application: { id: string; organisationId: string },
): Promise<PanelMember[]> {
  const rows = await db
    .select({
      jurorId: jurors.id,
      email: jurors.email,
      name: users.displayName,
      isChair: jurors.isChair,
      status: jurors.status,
      evaluation: evaluations,
    })
    .from(assignments)
    .innerJoin(jurors, eq(jurors.id, assignments.jurorId))
    .leftJoin(users, eq(users.id, jurors.userId))
    .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
    .where(eq(assignments.applicationId, application.id))
    .orderBy(asc(assignments.createdAt), asc(jurors.email));
  const conflictList = await conflictsOf(
    db,
    rows.map((r) => r.jurorId),
  );
  return rows.map((r) => ({
    jurorId: r.jurorId,
    name: r.name ?? r.email,
    isChair: r.isChair,
    status: r.status,
    evaluation: r.evaluation,
    conflicted: inConflict(conflictList, r.jurorId, application),
  }));
}

export interface SubmittedEvaluation {
  jurorId: string;
  jurorName: string;
  applicationId: string;
  scores: Record<string, number>;
}

/**
 * The submitted evaluations of a call's applications (given with their organisations), leaving out
 * those of jurors now in conflict with the application: what calibration reads.
 */
export async function submittedEvaluationsOf(
  db: Executor,
  callId: string,
  applications: readonly { id: string; organisationId: string }[],
): Promise<SubmittedEvaluation[]> {
  const byId = new Map(applications.map((a) => [a.id, a]));
  if (!byId.size) return [];
  const rows = await db
    .select({
      jurorId: jurors.id,
      email: jurors.email,
      name: users.displayName,
      applicationId: assignments.applicationId,
      scores: evaluations.scores,
    })
    .from(evaluations)
    .innerJoin(assignments, eq(assignments.id, evaluations.assignmentId))
    .innerJoin(jurors, eq(jurors.id, assignments.jurorId))
    .leftJoin(users, eq(users.id, jurors.userId))
    .where(and(eq(assignments.callId, callId), eq(evaluations.status, 'submitted')))
    .orderBy(asc(evaluations.submittedAt), asc(assignments.id));
  const conflictList = await conflictsOf(db, [...new Set(rows.map((r) => r.jurorId))]);
  return rows.flatMap((r) => {
    const application = byId.get(r.applicationId);
    if (!application || inConflict(conflictList, r.jurorId, application)) return [];
    return [{ jurorId: r.jurorId, jurorName: r.name ?? r.email, applicationId: r.applicationId, scores: r.scores }];
  });
}

/** The actor's seats on juries, active ones only, with the applications assigned to each. */
export async function assignmentsOfUser(db: Executor, userId: string) {
  return db
    .select({
      jurorId: jurors.id,
      callId: jurors.callId,
      isChair: jurors.isChair,
      applicationId: assignments.applicationId,
      status: evaluations.status,
      submittedAt: evaluations.submittedAt,
    })
    .from(jurors)
    .leftJoin(assignments, eq(assignments.jurorId, jurors.id))
    .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
    .where(and(eq(jurors.userId, userId), eq(jurors.status, 'active')));
}

/** Where a juror stands with an application: not assigned to it, or their evaluation's progress. */
export async function ownEvaluationOf(
  db: Executor,
  jurorId: string,
  applicationId: string,
): Promise<'not-assigned' | 'not-started' | 'draft' | 'submitted'> {
  const [row] = await db
    .select({ status: evaluations.status })
    .from(assignments)
    .leftJoin(evaluations, eq(evaluations.assignmentId, assignments.id))
    .where(and(eq(assignments.jurorId, jurorId), eq(assignments.applicationId, applicationId)));
  return row ? (row.status ?? 'not-started') : 'not-assigned';
}
