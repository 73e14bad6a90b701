import { eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { oidcProviders } from '../schema.ts';
import { isProviderSlug } from './configureProvider.ts';

/**
 * Disables a provider (it leaves the sign-in page and its returns are refused; the links of people's
 * accounts stay, for when it comes back) or enables it again: the installation's administrators only.
 */
export async function setProviderEnabled(
  deps: CommandDeps,
  input: { actor: MaybeActor; slug: string; enabled: boolean },
): Promise<void> {
  authorize(input.actor, installationAbilities(input.actor).manageSignInProviders, 'configure sign-in providers');
  const actorId = input.actor.userId;
  if (!isProviderSlug(input.slug)) throw new NotFoundError('sign-in provider');
  await inTransaction(deps, async (tx) => {
    const [row] = await tx
      .update(oidcProviders)
      .set({ enabled: input.enabled })
      .where(eq(oidcProviders.slug, input.slug))
      .returning({ id: oidcProviders.id });
    if (!row) throw new NotFoundError('sign-in provider');
    await recordAudit(tx, {
      actorId,
      action: input.enabled ? 'oidc.provider-enabled' : 'oidc.provider-disabled',
      subjectType: 'oidc-provider',
      subjectId: row.id,
    });
  });
}
