import { and, eq } from 'drizzle-orm';
import type { MaybeActor, Role } from '../../../domain/access.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { signInRequirements } from '../../../platform/identity/schema.ts';
import { loadFunder } from '../access.ts';

export type SetSignInRequirementRefusal = 'acr-without-provider' | 'too-long';

export interface SignInRequirementInput {
  role: Role;
  secondFactor: boolean;
  /** A provider's slug, or null for any way in. */
  provider: string | null;
  minimumAcr: string | null;
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
      const provider = input.provider?.trim() || null;
      const minimumAcr = input.minimumAcr?.trim() || null;
      if (minimumAcr && !provider) return refuse('acr-without-provider');
      if ((provider?.length ?? 0) > 40 || (minimumAcr?.length ?? 0) > 200) return refuse('too-long');
      const where = and(eq(signInRequirements.funderId, funder.record.id), eq(signInRequirements.role, input.role));
      const values = { secondFactor: input.secondFactor, provider, minimumAcr };
      if (!input.secondFactor && !provider) await tx.delete(signInRequirements).where(where);
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
