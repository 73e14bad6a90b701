import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { installationSignInRequirement } from '../../../platform/identity/schema.ts';
import { hasSecondFactor } from '../../../platform/identity/sessions.ts';

export type SetInstallationSignInRequirementRefusal = 'no-second-factor-yourself';

/**
 * Sets whether the installation's administrators must sign in with a second factor (they only). The
 * one requiring it must have a second factor set up: else the next sign-in would withhold the
 * administration from them, and perhaps from the last person who could lift the requirement. The
 * others keep signing in and are sent to set one up, as for a funder's role.
 */
export async function setInstallationSignInRequirement(
  deps: CommandDeps,
  input: { actor: MaybeActor; secondFactor: boolean },
): Promise<Outcome<void, SetInstallationSignInRequirementRefusal>> {
  authorize(
    input.actor,
    installationAbilities(input.actor).manageSignInProviders,
    'set what administrators’ sign-in requires',
  );
  const actorId = input.actor.userId;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      if (input.secondFactor && !(await hasSecondFactor(tx, actorId))) refuse('no-second-factor-yourself');
      const values = { secondFactor: input.secondFactor, updatedAt: new Date() };
      await tx
        .insert(installationSignInRequirement)
        .values(values)
        .onConflictDoUpdate({ target: installationSignInRequirement.id, set: values });
      await recordAudit(tx, {
        actorId,
        action: 'installation.sign-in-requirement-set',
        subjectType: 'installation',
        subjectId: 'installation',
        after: { secondFactor: input.secondFactor },
      });
    }),
  );
}
