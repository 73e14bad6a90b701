import type { MaybeActor } from '../../../domain/access.ts';
import { authorize } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { oidcProviders, type ClaimMapping } from '../schema.ts';

/** A provider's name in addresses: what configuring accepts, and all the sign-in routes look up. */
export const isProviderSlug = (slug: string): boolean => /^[a-z0-9-]{2,40}$/.test(slug);

export type ConfigureProviderRefusal = 'slug-invalid' | 'issuer-invalid';

export interface ProviderSettings {
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  scopes?: string;
  claims?: Partial<ClaimMapping>;
  authorizationParams?: Record<string, string>;
}

/**
 * Adds (or, for a slug already there, replaces) a provider: the installation's administrators only.
 * The issuer must be https, or http on this machine (a test provider). The audit row leaves out the secret.
 */
export async function configureProvider(
  deps: CommandDeps,
  input: { actor: MaybeActor; settings: ProviderSettings },
): Promise<Outcome<string, ConfigureProviderRefusal>> {
  authorize(input.actor, installationAbilities(input.actor).manageSignInProviders, 'configure sign-in providers');
  const actorId = input.actor.userId;
  const s = input.settings;
  return refusable(async (refuse) => {
    if (!isProviderSlug(s.slug)) refuse('slug-invalid');
    let issuer: URL | null = null;
    try {
      issuer = new URL(s.issuer);
    } catch {
      /* refused below */
    }
    const local = issuer && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    if (!issuer || !(issuer.protocol === 'https:' || (issuer.protocol === 'http:' && local))) refuse('issuer-invalid');
    const values = {
      slug: s.slug,
      label: s.label,
      issuer: s.issuer,
      clientId: s.clientId,
      clientSecret: s.clientSecret ?? null,
      scopes: s.scopes ?? 'openid profile email',
      claims: { subject: 'sub', name: 'name', email: 'email', locale: 'locale', ...s.claims },
      authorizationParams: s.authorizationParams ?? {},
    };
    return inTransaction(deps, async (tx) => {
      const [row] = await tx
        .insert(oidcProviders)
        .values(values)
        // A secret left out when editing keeps the one stored (it is never shown back).
        .onConflictDoUpdate({
          target: oidcProviders.slug,
          set: s.clientSecret === undefined ? { ...values, clientSecret: undefined } : values,
        })
        .returning({ id: oidcProviders.id });
      const { clientSecret: _secret, ...audited } = values;
      await recordAudit(tx, {
        actorId,
        action: 'oidc.provider-configured',
        subjectType: 'oidc-provider',
        subjectId: row!.id,
        after: audited,
      });
      return row!.id;
    });
  });
}
