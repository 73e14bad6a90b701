import { and, eq } from 'drizzle-orm';
import type { MaybeActor, Role } from '../../../domain/access.ts';
import { signedIn } from '../../../domain/policy.ts';
import { requirementOf, type Requirement, type RequirementRefusal } from '../../../domain/signInAssurance.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { signInRequirements } from '../../../platform/identity/schema.ts';
import { loadFunder } from '../access.ts';

export type SetSignInRequirementRefusal = RequirementRefusal;

export interface SignInRequirementInput extends Requirement {
  role: Role;
}

/**
 * Sets what a funder requires of the sessions in which one of its roles counts (those who manage its
 * roles only). A requirement of nothing at all is removed. It takes effect on each person's next
 * request: a session that does not meet it keeps working, without that role.
 */
export async function setSignInRequirement(
  deps: CommandDeps,
  input: SignInRequirementInput & { actor: MaybeActor; funderId: string },
): Promise<Outcome<void, SetSignInRequirementRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const funder = await loadFunder(tx, input.actor, input.funderId, { action: 'manageRoles' });
      const actorId = signedIn(funder).userId;
      const requirement = requirementOf(input);
      if (!requirement.ok) return refuse(...requirement.refusals);
      const where = and(eq(signInRequirements.funderId, funder.record.id), eq(signInRequirements.role, input.role));
      const values = requirement.value ?? { secondFactor: false, provider: null, minimumAcr: null };
      if (!requirement.value) await tx.delete(signInRequirements).where(where);
      else
        await tx
          .insert(signInRequirements)
          .values({ funderId: funder.record.id, role: input.role, ...values })
          .onConflictDoUpdate({
            target: [signInRequirements.funderId, signInRequirements.role],
            set: { ...values, updatedAt: new Date() },
          });
      await recordAudit(tx, {
        actorId,
        funderId: funder.record.id,
        action: 'role.sign-in-requirement-set',
        subjectType: 'funder',
        subjectId: funder.record.id,
        after: { role: input.role, ...values },
      });
    }),
  );
}
