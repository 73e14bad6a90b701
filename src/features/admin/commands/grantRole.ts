import { eq, sql } from 'drizzle-orm';
import { authorize, canManageRoles, type MaybeActor, type Role } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { roleGrants, users } from '../../../platform/identity/schema.ts';

/** Gives a person with an account a role at a funder. Granting a role they already have changes nothing. */
export async function grantRole(
  deps: CommandDeps,
  input: { actor: MaybeActor; funderId: string; email: string; role: Role },
): Promise<void> {
  const actor = input.actor;
  authorize(actor, canManageRoles(actor, input.funderId), 'grant role');
  await inTransaction(deps, async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
    if (!user) throw new RuleViolationError(['no-user']);
    const [grant] = await tx
      .insert(roleGrants)
      .values({ userId: user.id, funderId: input.funderId, role: input.role, grantedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ id: roleGrants.id });
    if (!grant) return;
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: input.funderId,
      action: 'role.granted',
      subjectType: 'user',
      subjectId: user.id,
      after: { role: input.role },
    });
  });
}
