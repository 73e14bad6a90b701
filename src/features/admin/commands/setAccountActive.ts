import { eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { sessions, users } from '../../../platform/identity/schema.ts';

export type SetAccountActiveRefusal = 'own-account';

/**
 * Deactivates an account (its sessions end at once, it can no longer sign in, its records and
 * history stay) or reactivates it; the installation's administrators only, never on their own account.
 */
export async function setAccountActive(
  deps: CommandDeps,
  input: { actor: MaybeActor; userId: string; active: boolean; reason: string },
): Promise<Outcome<void, SetAccountActiveRefusal>> {
  const actor = input.actor;
  authorize(actor, installationAbilities(actor).managePeople, 'manage accounts');
  if (!isUuid(input.userId)) throw new NotFoundError('account');
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      if (input.userId === actor.userId) refuse('own-account');
      const [user] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
      if (!user) throw new NotFoundError('account');
      if (!!user.deactivatedAt === !input.active) return;
      await tx
        .update(users)
        .set({ deactivatedAt: input.active ? null : new Date() })
        .where(eq(users.id, user.id));
      if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, user.id));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: input.active ? 'account.reactivated' : 'account.deactivated',
        subjectType: 'user',
        subjectId: user.id,
        reason: input.reason || null,
      });
    }),
  );
}
