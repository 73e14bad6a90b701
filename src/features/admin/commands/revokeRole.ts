import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError, SignInRequiredError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { signedIn } from '../../../domain/policy.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { forgetUnallowedNationalNumbers } from '../../../platform/identity/nationalNumber.ts';
import { roleGrants } from '../../../platform/identity/schema.ts';
import { loadFunder } from '../access.ts';

/**
 * Takes a role back, after the administrator confirmed it. Its effect is immediate: roles are read on
 * every request; a national register number the role was the reason to keep is forgotten with it.
 */
export async function revokeRole(deps: CommandDeps, input: { actor: MaybeActor; grantId: string }): Promise<void> {
  if (!input.actor) throw new SignInRequiredError();
  if (!isUuid(input.grantId)) throw new NotFoundError('role grant');
  await inTransaction(deps, async (tx) => {
    const [grant] = await tx.select().from(roleGrants).where(eq(roleGrants.id, input.grantId)).for('update');
    if (!grant) throw new NotFoundError('role grant');
    const funder = await loadFunder(tx, input.actor, grant.funderId, { action: 'manageRoles' });
    await tx.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    await forgetUnallowedNationalNumbers(tx);
    await recordAudit(tx, {
      actorId: signedIn(funder).userId,
      funderId: grant.funderId,
      action: 'role.revoked',
      subjectType: 'user',
      subjectId: grant.userId,
      before: { role: grant.role },
    });
  });
}
