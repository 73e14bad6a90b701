import { and, eq, or } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { jurorMayOpen } from '../../domain/juryAccess.ts';
import type { Executor } from '../../platform/db/client.ts';
import { assignments, conflicts, jurors } from './schema.ts';

export type Juror = typeof jurors.$inferSelect;

/** The actor's seat on a call's jury, if they have one (any status). */
export async function seatOf(db: Executor, actor: MaybeActor, callId: string): Promise<Juror | null> {
  if (!actor || !isUuid(callId)) return null;
  const [row] = await db
    .select()
    .from(jurors)
    .where(and(eq(jurors.callId, callId), eq(jurors.userId, actor.userId)));
  return row ?? null;
}

/** Whether the juror is in conflict with the application, directly or through its organisation. */
export async function isConflicted(
  db: Executor,
  jurorId: string,
  application: { id: string; organisationId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: conflicts.id })
    .from(conflicts)
    .where(
      and(
        eq(conflicts.jurorId, jurorId),
        or(eq(conflicts.applicationId, application.id), eq(conflicts.organisationId, application.organisationId)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The actor's assignment to an application, if they may open it: assigned, active, and not in
 * conflict. A member of the call's jury who may not (unassigned, in conflict, withdrawn) is told
 * so (403): they already know the call's applications, having declared their conflicts among them.
 * Anyone else is told nothing (404).
 */
export async function openAssignment(
  db: Executor,
  actor: MaybeActor,
  application: { id: string; callId: string; organisationId: string },
) {
  authorize(actor, true, 'open assigned application');
  const seat = await seatOf(db, actor, application.callId);
  if (!seat) throw new NotFoundError('application');
  const [assignment] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.jurorId, seat.id), eq(assignments.applicationId, application.id)));
  const conflicted = await isConflicted(db, seat.id, application);
  if (!jurorMayOpen({ assigned: !!assignment, conflicted, jurorActive: seat.status === 'active' }))
    throw new ForbiddenError('open application');
  return { seat, assignment: assignment! };
}
