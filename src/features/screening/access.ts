import { asc, desc, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import type { DecisionRecord, Verdicts } from '../../domain/screening.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { users } from '../../platform/identity/schema.ts';
import type { ScreeningDeps } from './deps.ts';
import { eligibilityChecks, eligibilityDecisions } from './schema.ts';

/**
 * An application as its screening needs it, for an officer of its call (the applications' policy,
 * action `screen`): refused to its own organisation's members, even one who is also an officer of
 * the funder; "not found" for anyone else. Reads outside any transaction: it asks other services,
 * which use their own connection.
 */
export async function screeningFor(deps: ScreeningDeps, actor: MaybeActor, applicationId: string) {
  const view = await deps.applications.view(actor, applicationId, 'screen');
  const managed = await deps.calls.callForManagement(actor, view.application.callId);
  return {
    view,
    managed,
    criteria: managed.call.eligibilityCriteria,
    funderId: managed.call.funderId,
    actorId: actor!.userId,
  };
}

/**
 * The application's checklist, locked until the transaction ends. A checklist never saved is the
 * empty one at version 1: the row is created first, so two first saves cannot both insert.
 */
export async function lockChecklist(tx: Transaction, applicationId: string) {
  await tx.insert(eligibilityChecks).values({ applicationId }).onConflictDoNothing();
  const [row] = await tx
    .select()
    .from(eligibilityChecks)
    .where(eq(eligibilityChecks.applicationId, applicationId))
    .for('update');
  return row!;
}

/** The standing record of the application's screening: its last decision or reopening. */
export async function lastDecision(
  db: Executor,
  applicationId: string,
): Promise<(DecisionRecord & { id: string }) | null> {
  const [row] = await db
    .select({ id: eligibilityDecisions.id, kind: eligibilityDecisions.kind, decidedBy: eligibilityDecisions.decidedBy })
    .from(eligibilityDecisions)
    .where(eq(eligibilityDecisions.applicationId, applicationId))
    .orderBy(desc(eligibilityDecisions.decidedAt))
    .limit(1);
  return row ?? null;
}

/** The checklist as saved, with who saved it last; the empty checklist when never saved. */
export async function checklistOf(
  db: Executor,
  applicationId: string,
): Promise<{ verdicts: Verdicts; version: number; updatedBy: string | null; updatedAt: Date | null }> {
  const [row] = await db
    .select({
      verdicts: eligibilityChecks.verdicts,
      version: eligibilityChecks.version,
      updatedBy: users.displayName,
      updatedAt: eligibilityChecks.updatedAt,
    })
    .from(eligibilityChecks)
    .leftJoin(users, eq(users.id, eligibilityChecks.updatedBy))
    .where(eq(eligibilityChecks.applicationId, applicationId));
  return row
    ? { ...row, updatedAt: row.updatedBy ? row.updatedAt : null }
    : { verdicts: {}, version: 1, updatedBy: null, updatedAt: null };
}

export interface DecisionHistoryEntry {
  id: string;
  kind: 'eligible' | 'ineligible' | 'reopened';
  unmetCriteria: string[];
  reason: string;
  decidedById: string;
  decidedBy: string;
  decidedAt: Date;
}

/** Every decision and reopening of the application, oldest first. */
export async function decisionHistory(db: Executor, applicationId: string): Promise<DecisionHistoryEntry[]> {
  return db
    .select({
      id: eligibilityDecisions.id,
      kind: eligibilityDecisions.kind,
      unmetCriteria: eligibilityDecisions.unmetCriteria,
      reason: eligibilityDecisions.reason,
      decidedById: eligibilityDecisions.decidedBy,
      decidedBy: users.displayName,
      decidedAt: eligibilityDecisions.decidedAt,
    })
    .from(eligibilityDecisions)
    .innerJoin(users, eq(users.id, eligibilityDecisions.decidedBy))
    .where(eq(eligibilityDecisions.applicationId, applicationId))
    .orderBy(asc(eligibilityDecisions.decidedAt));
}
