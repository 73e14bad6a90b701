import { eq } from 'drizzle-orm';
import { authorize, canManageCalls, type MaybeActor } from '../../domain/access.ts';
import { applicationViewer, type ApplicationViewer } from '../../domain/applicationAccess.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { ApplicationsDeps } from './deps.ts';
import { applications } from './schema.ts';

export type Application = typeof applications.$inferSelect;

/**
 * Loads an application for the actor, with how they see it; "not found" when they may not see it
 * at all, exactly as for an id that does not exist. It reads outside any transaction (it asks the
 * calls and organisations services); commands then lock the row with `lockApplication`.
 */
export async function applicationFor(
  deps: ApplicationsDeps,
  actor: MaybeActor,
  id: string,
): Promise<{ application: Application; viewer: Exclude<ApplicationViewer, null>; funderId: string }> {
  authorize(actor, true, 'see application');
  if (!isUuid(id)) throw new NotFoundError('application');
  const [application] = await deps.db.select().from(applications).where(eq(applications.id, id));
  if (!application) throw new NotFoundError('application');
  const { call } = await deps.calls.applicationContext(application.callId);
  const viewer = applicationViewer({
    membership: await deps.organisations.membership(actor, application.organisationId),
    managesCall: canManageCalls(actor, call.funderId),
    status: application.status,
    everSubmitted: application.submittedAt !== null,
  });
  if (!viewer) throw new NotFoundError('application');
  return { application, viewer, funderId: call.funderId };
}

/**
 * The application's row as it is now, locked until the transaction ends: a command re-checks its
 * status and version on it, since another command may have changed them since it was first read.
 */
export async function lockApplication(tx: Transaction, id: string): Promise<Application> {
  const [row] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  if (!row) throw new NotFoundError('application');
  return row;
}
