import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { isUuid } from '../../domain/ids.ts';
import type { Membership } from '../../domain/organisationAccess.ts';
import type { Executor } from '../../platform/db/client.ts';
import { organisationMembers } from './schema.ts';

/** The actor's membership of an organisation; null for non-members, the public and malformed ids. */
export async function membershipOf(db: Executor, actor: MaybeActor, organisationId: string): Promise<Membership> {
  if (!actor || !isUuid(organisationId)) return null;
  const [row] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, actor.userId)));
  return row?.role ?? null;
}
