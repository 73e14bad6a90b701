import { eq } from 'drizzle-orm';
import { canManageCalls, type MaybeActor } from '../../domain/access.ts';
import {
  APPLICATION_POLICY,
  applicationAbilities,
  applicationRelation,
  type ApplicationAbilities,
  type ApplicationAction,
  type ApplicationRelation,
} from '../../domain/applicationPolicy.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import { enforceFor, verdictOf } from '../../domain/policy.ts';
import { isUuid } from '../../domain/ids.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { ApplicationContext } from '../calls/service.ts';
import type { ApplicationsDeps } from './deps.ts';
import { applications } from './schema.ts';

export type Application = typeof applications.$inferSelect;

/**
 * Loads an application for the actor, with how they see it and what they may do: "not found" when
 * they may not see it at all, exactly as for an id that does not exist; "forbidden" when they see it
 * but their relation may never take `action`. The application's state is left to the command, which
 * refuses with its reason. It reads outside any transaction (it asks the calls and organisations
 * services); commands then lock the row with `lockApplication`. The call's context it read to decide comes
 * with it, so that no command reads it twice.
 */
export async function applicationFor(
  deps: ApplicationsDeps,
  actor: MaybeActor,
  id: string,
  action: ApplicationAction | 'see' = 'see',
): Promise<{
  application: Application;
  context: ApplicationContext;
  viewer: ApplicationRelation;
  funderId: string;
  can: ApplicationAbilities;
}> {
  // Nothing about applications is public: the public is asked to sign in before any id is looked up.
  if (!actor) throw new SignInRequiredError();
  if (!isUuid(id)) throw new NotFoundError('application');
  const [application] = await deps.db.select().from(applications).where(eq(applications.id, id));
  if (!application) throw new NotFoundError('application');
  // Side by side: on PostgreSQL each takes a connection of its own.
  const [context, membership] = await Promise.all([
    deps.calls.applicationContext(application.callId),
    deps.organisations.membership(actor, application.organisationId),
  ]);
  const { call } = context;
  const subject = { status: application.status, everSubmitted: application.submittedAt !== null };
  const relationOf = (a: MaybeActor) =>
    applicationRelation({ membership, managesCall: canManageCalls(a, call.funderId), subject });
  enforceFor(
    actor,
    (a) => verdictOf(APPLICATION_POLICY, { actor: a, relation: relationOf(a), subject, action }),
    'application',
  );
  const viewer = relationOf(actor);
  return { application, context, viewer: viewer!, funderId: call.funderId, can: applicationAbilities(viewer, subject) };
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
