import { eq } from 'drizzle-orm';
import { authorize, canManageRoles, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { roleGrants } from '../../../platform/identity/schema.ts';

/** Takes a role back. Its effect is immediate: roles are read on every request. */
export async function revokeRole(deps: CommandDeps, input: { actor: MaybeActor; grantId: string }): Promise<void> {
  if (!isUuid(input.grantId)) throw new NotFoundError('role grant');
  await inTransaction(deps, async (tx) => {
    const [grant] = await tx.select().from(roleGrants).where(eq(roleGrants.id, input.grantId)).for('update');
    if (!grant) throw new NotFoundError('role grant');
    const actor = input.actor;
    authorize(actor, canManageRoles(actor, grant.funderId), 'revoke role');
    await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: grant.funderId,
      action: 'role.revoked',
      subjectType: 'user',
      subjectId: grant.userId,
      before: { role: grant.role },
    });
  });
}
