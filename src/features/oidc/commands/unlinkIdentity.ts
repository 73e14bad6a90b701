import { and, count, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { SignInRequiredError, NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { oidcIdentities } from '../schema.ts';

export type UnlinkRefusal = 'last-way-in';

/**
 * Unlinks one of the actor's provider accounts, if another way to sign in remains: a password, or
 * another linked provider. Someone else's link is "not found".
 */
export async function unlinkIdentity(
  deps: CommandDeps,
  input: { actor: MaybeActor; identityId: string },
): Promise<Outcome<void, UnlinkRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  if (!isUuid(input.identityId)) throw new NotFoundError('linked provider');
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [identity] = await tx
        .select()
        .from(oidcIdentities)
        .where(and(eq(oidcIdentities.id, input.identityId), eq(oidcIdentities.userId, actor.userId)))
        .for('update');
      if (!identity) throw new NotFoundError('linked provider');
      const [user] = await tx
        .select({ passwordHash: users.passwordHash })
        .from(users)
        .where(eq(users.id, actor.userId));
      const [others] = await tx
        .select({ n: count() })
        .from(oidcIdentities)
        .where(eq(oidcIdentities.userId, actor.userId));
      if (!user?.passwordHash && (others?.n ?? 0) < 2) refuse('last-way-in');
      await tx.delete(oidcIdentities).where(eq(oidcIdentities.id, identity.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'oidc.unlinked',
        subjectType: 'user',
        subjectId: actor.userId,
        before: { identityId: identity.id, providerId: identity.providerId },
      });
    }),
  );
}
