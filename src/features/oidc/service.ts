import { and, asc, eq } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { installationAbilities } from '../../domain/adminPolicy.ts';
import { NotFoundError, SignInRequiredError } from '../../domain/errors.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import {
  finishSignIn,
  isSettingsMismatch,
  PENDING_MAX_AGE_SECONDS,
  startSignIn,
  type PendingSignIn,
} from './client.ts';
import { configureProvider, isProviderSlug } from './commands/configureProvider.ts';
import { signInThroughProvider, type ProviderSignInResult } from './commands/signInThroughProvider.ts';
import { setProviderEnabled } from './commands/setProviderEnabled.ts';
import { confirmLinkByMail, linkOffered } from './commands/linkByMail.ts';
import { unlinkIdentity } from './commands/unlinkIdentity.ts';
import { publicJwks } from './keys.ts';
import { oidcIdentities, oidcProviders, type OidcProvider } from './schema.ts';

/** A provider's settings as its administrators see them: whether a secret and keys are stored, never what they are. */
export type ProviderRow = Omit<OidcProvider, 'clientSecret' | 'clientPrivateKey' | 'idTokenDecryptionKey'> & {
  hasSecret: boolean;
  hasPrivateKey: boolean;
  hasDecryptionKey: boolean;
};

export interface LinkedIdentity {
  id: string;
  provider: string;
  linkedAt: Date;
  lastSignInAt: Date | null;
}

/**
 * Sign-in through OpenID Connect providers: their configuration, the authorization code flow
 * (client.ts), and the links between a provider's accounts and Octroi's.
 */
export function oidcService(deps: CommandDeps) {
  const redirectUri = (slug: string) => `${deps.publicUrl}/sign-in/oidc/${slug}/callback`;
  const jwksUri = (slug: string) => `${deps.publicUrl}/sign-in/oidc/${slug}/jwks`;

  async function enabledProvider(slug: string): Promise<OidcProvider> {
    // An address no provider can have (a NUL, say) is looked up nowhere: the database would refuse the text.
    if (!isProviderSlug(slug)) throw new NotFoundError('sign-in provider');
    const [provider] = await deps.db
      .select()
      .from(oidcProviders)
      .where(and(eq(oidcProviders.slug, slug), eq(oidcProviders.enabled, true)));
    if (!provider) throw new NotFoundError('sign-in provider');
    return provider;
  }

  return {
    configureProvider: (input: Parameters<typeof configureProvider>[1]) => configureProvider(deps, input),
    unlink: (input: Parameters<typeof unlinkIdentity>[1]) => unlinkIdentity(deps, input),
    setProviderEnabled: (input: Parameters<typeof setProviderEnabled>[1]) => setProviderEnabled(deps, input),
    linkOffered: (token: string) => linkOffered(deps, token),
    confirmLinkByMail: (token: string) => confirmLinkByMail(deps, token),

    /** Every provider configured, enabled or not: what a sign-in requirement may name. */
    async allProviders(): Promise<{ slug: string; label: string }[]> {
      return deps.db
        .select({ slug: oidcProviders.slug, label: oidcProviders.label })
        .from(oidcProviders)
        .orderBy(asc(oidcProviders.label));
    },

    /** The providers with their settings (never their secret), for the installation's administrators. */
    async providerSettings(actor: MaybeActor): Promise<ProviderRow[]> {
      authorize(actor, installationAbilities(actor).manageSignInProviders, 'configure sign-in providers');
      const rows = await deps.db.select().from(oidcProviders).orderBy(asc(oidcProviders.label));
      return rows.map(({ clientSecret, clientPrivateKey, idTokenDecryptionKey, ...row }) => ({
        ...row,
        hasSecret: !!clientSecret,
        hasPrivateKey: !!clientPrivateKey,
        hasDecryptionKey: !!idTokenDecryptionKey,
      }));
    },

    /** What the provider registers of Octroi's client: where it sends the browser back, and where it reads the client's keys. */
    clientAddresses: (slug: string) => ({ redirectUri: redirectUri(slug), jwksUri: jwksUri(slug) }),

    /** The public halves of an enabled provider's client keys: the JWKS registered with it (itsme's jwks_uri). */
    async clientJwks(slug: string) {
      const provider = await enabledProvider(slug);
      return publicJwks({
        signing: provider.tokenEndpointAuthMethod === 'private_key_jwt' ? provider.clientPrivateKey : null,
        decryption: provider.idTokenEncryptionAlg ? provider.idTokenDecryptionKey : null,
        encryptionAlg: provider.idTokenEncryptionAlg,
      });
    },

    /** The providers offered on the sign-in page. */
    async providers(): Promise<{ slug: string; label: string }[]> {
      return deps.db
        .select({ slug: oidcProviders.slug, label: oidcProviders.label })
        .from(oidcProviders)
        .where(eq(oidcProviders.enabled, true))
        .orderBy(asc(oidcProviders.label));
    },

    /** Where to send the browser, and what the signed cookie keeps until it returns. */
    async start(slug: string, next: string) {
      const provider = await enabledProvider(slug);
      try {
        return { status: 'redirect', ...(await startSignIn(provider, redirectUri(slug), next)) } as const;
      } catch (error) {
        // The provider's discovery document could not be read (down, unreachable, not a provider):
        // the person is told, and can sign in another way, rather than shown a server error.
        deps.log.warn({ err: error, provider: provider.slug }, 'OpenID Connect provider unreachable');
        return { status: 'unreachable' } as const;
      }
    },

    /**
     * The return from the provider: checked (client.ts), then signs in, links, or asks to sign in
     * first. A return without its pending sign-in, for another provider, or after ten minutes is refused.
     */
    async complete(input: {
      slug: string;
      query: string;
      pending: PendingSignIn | null;
      actor: MaybeActor;
      previousSession?: string | undefined;
    }): Promise<ProviderSignInResult | { status: 'refused'; reason: string; settingsMismatch?: boolean }> {
      const provider = await enabledProvider(input.slug);
      const pending = input.pending;
      if (!pending || pending.slug !== provider.slug) return { status: 'refused', reason: 'no pending sign-in' };
      if (Date.now() - pending.at > PENDING_MAX_AGE_SECONDS * 1000) return { status: 'refused', reason: 'too late' };
      let claims;
      try {
        claims = await finishSignIn(provider, new URL(`${redirectUri(provider.slug)}${input.query}`), pending);
      } catch (error) {
        deps.log.warn({ err: error, provider: provider.slug }, 'OpenID Connect sign-in refused');
        return { status: 'refused', reason: (error as Error).message, settingsMismatch: isSettingsMismatch(error) };
      }
      return signInThroughProvider(deps, {
        provider,
        claims,
        actor: input.actor,
        previousSession: input.previousSession,
      });
    },

    /** One's linked provider accounts, for the account page. */
    async myIdentities(actor: MaybeActor): Promise<LinkedIdentity[]> {
      if (!actor) throw new SignInRequiredError();
      return deps.db
        .select({
          id: oidcIdentities.id,
          provider: oidcProviders.label,
          linkedAt: oidcIdentities.linkedAt,
          lastSignInAt: oidcIdentities.lastSignInAt,
        })
        .from(oidcIdentities)
        .innerJoin(oidcProviders, eq(oidcProviders.id, oidcIdentities.providerId))
        .where(eq(oidcIdentities.userId, actor.userId))
        .orderBy(asc(oidcIdentities.linkedAt));
    },
  };
}
export type OidcService = ReturnType<typeof oidcService>;
