import { eq, sql } from 'drizzle-orm';
import type { MaybeActor, Role } from '../../../domain/access.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { roleGrants, users } from '../../../platform/identity/schema.ts';
import { loadFunder } from '../access.ts';

export type GrantRoleRefusal = 'no-user';

/** Gives a person with an account a role at a funder. Granting a role they already have changes nothing. */
export async function grantRole(
  deps: CommandDeps,
  input: { actor: MaybeActor; funderId: string; email: string; role: Role },
): Promise<Outcome<void, GrantRoleRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const funder = await loadFunder(tx, input.actor, input.funderId, { action: 'manageRoles' });
      const actorId = signedIn(funder).userId;
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, input.email.trim().toLowerCase()));
      if (!user) return refuse('no-user');
      const [grant] = await tx
        .insert(roleGrants)
        .values({ userId: user.id, funderId: funder.record.id, role: input.role, grantedBy: actorId })
        .onConflictDoNothing()
        .returning({ id: roleGrants.id });
      if (!grant) return;
      await recordAudit(tx, {
        actorId,
        funderId: funder.record.id,
        action: 'role.granted',
        subjectType: 'user',
        subjectId: user.id,
        after: { role: input.role },
      });
    }),
  );
}
