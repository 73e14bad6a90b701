import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import {
  requirementOf,
  unmetBy,
  type Requirement,
  type RequirementRefusal,
  type SessionAssurance,
} from '../../../domain/signInAssurance.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { installationSignInRequirement } from '../../../platform/identity/schema.ts';
import { hasSecondFactor } from '../../../platform/identity/sessions.ts';

export type SetInstallationSignInRequirementRefusal =
  'no-second-factor-yourself' | 'not-signed-in-so-yourself' | RequirementRefusal;

/**
 * Sets what the installation requires of its administrators' sessions (they only): a second factor,
 * sign-in through a provider, a level of assurance, as a funder requires of a role. The one requiring
 * it must be able to meet it: a second factor set up (else the next sign-in would withhold the
 * administration from them, and perhaps from the last person who could lift the requirement), and
 * this very session opened through the provider at the level required, since the requirement counts
 * from their next request on and no one can tell beforehand what level a provider will vouch for.
 * The others keep signing in and are sent to set a second factor up, or to the provider.
 */
export async function setInstallationSignInRequirement(
  deps: CommandDeps,
  input: Requirement & { actor: MaybeActor; session: SessionAssurance },
): Promise<Outcome<void, SetInstallationSignInRequirementRefusal>> {
  authorize(
    input.actor,
    installationAbilities(input.actor).manageSignInProviders,
    'set what administrators’ sign-in requires',
  );
  const actorId = input.actor.userId;
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const requirement = requirementOf(input);
      if (!requirement.ok) return refuse(...requirement.refusals);
      const values = requirement.value ?? { secondFactor: false, provider: null, minimumAcr: null };
      if (values.secondFactor && !(await hasSecondFactor(tx, actorId))) refuse('no-second-factor-yourself');
      if (unmetBy(input.session, { ...values, secondFactor: false }).length) refuse('not-signed-in-so-yourself');
      await tx
        .insert(installationSignInRequirement)
        .values({ ...values, updatedAt: new Date() })
        .onConflictDoUpdate({ target: installationSignInRequirement.id, set: { ...values, updatedAt: new Date() } });
      await recordAudit(tx, {
        actorId,
        action: 'installation.sign-in-requirement-set',
        subjectType: 'installation',
        subjectId: 'installation',
        after: values,
      });
    }),
  );
}
