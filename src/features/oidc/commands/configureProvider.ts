import type { MaybeActor } from '../../../domain/access.ts';
import { authorize } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { eq } from 'drizzle-orm';
import {
  clientSigningKey,
  idTokenDecryptionKey,
  type ClientAuthMethod,
  type IdTokenEncryptionAlg,
  type IdTokenEncryptionEnc,
} from '../keys.ts';
import { DEFAULT_CLAIMS, oidcProviders, type ClaimMapping, type OidcProvider } from '../schema.ts';

/** A provider's name in addresses: what configuring accepts, and all the sign-in routes look up. */
export const isProviderSlug = (slug: string): boolean => /^[a-z0-9-]{2,40}$/.test(slug);

export type ConfigureProviderRefusal =
  | 'slug-invalid'
  | 'issuer-invalid'
  | 'client-key-missing'
  | 'client-key-invalid'
  | 'decryption-key-missing'
  | 'decryption-key-invalid';

export interface ProviderSettings {
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  scopes?: string;
  claims?: Partial<ClaimMapping>;
  authorizationParams?: Record<string, string>;
  tokenEndpointAuthMethod?: ClientAuthMethod;
  /** Like the secret: left out when editing, the stored one stays. */
  clientPrivateKey?: string | null;
  /** Null when the provider does not encrypt its ID tokens. */
  idTokenEncryption?: { alg: IdTokenEncryptionAlg; enc: IdTokenEncryptionEnc | null } | null;
  /** Like the secret: left out when editing, the stored one stays. */
  idTokenDecryptionKey?: string | null;
}

/** The keys' settings after an edit: what is given, else what is stored. */
type KeySettings = Pick<
  OidcProvider,
  | 'tokenEndpointAuthMethod'
  | 'clientPrivateKey'
  | 'idTokenEncryptionAlg'
  | 'idTokenEncryptionEnc'
  | 'idTokenDecryptionKey'
>;

/** Why the keys cannot work: each is read and imported for its use, so a key pasted wrong is refused now, not at sign-in. */
async function keyRefusals(k: KeySettings): Promise<ConfigureProviderRefusal[]> {
  const refusals: ConfigureProviderRefusal[] = [];
  if (k.tokenEndpointAuthMethod === 'private_key_jwt') {
    if (!k.clientPrivateKey) refusals.push('client-key-missing');
    else if (!(await clientSigningKey(k.clientPrivateKey))) refusals.push('client-key-invalid');
  }
  const alg = k.idTokenEncryptionAlg as IdTokenEncryptionAlg | null;
  if (alg) {
    if (!k.idTokenDecryptionKey) refusals.push('decryption-key-missing');
    else if (!(await idTokenDecryptionKey(k.idTokenDecryptionKey, alg))) refusals.push('decryption-key-invalid');
  }
  return refusals;
}

/**
 * Adds (or, for a slug already there, replaces) a provider: the installation's administrators only.
 * The issuer must be https, or http on this machine (a test provider); the client's private key and
 * the ID token decryption key must be private keys fit for their use. The audit row leaves out the
 * secret and the keys.
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
      claims: { ...DEFAULT_CLAIMS, ...s.claims },
      authorizationParams: s.authorizationParams ?? {},
      tokenEndpointAuthMethod: s.tokenEndpointAuthMethod ?? 'client_secret_basic',
      clientPrivateKey: s.clientPrivateKey ?? null,
      idTokenEncryptionAlg: s.idTokenEncryption?.alg ?? null,
      idTokenEncryptionEnc: s.idTokenEncryption?.enc ?? null,
      idTokenDecryptionKey: s.idTokenDecryptionKey ?? null,
    };
    // A secret or key left out when editing keeps the one stored (none is ever shown back).
    const kept = {
      ...(s.clientSecret === undefined ? { clientSecret: undefined } : {}),
      ...(s.clientPrivateKey === undefined ? { clientPrivateKey: undefined } : {}),
      ...(s.idTokenDecryptionKey === undefined ? { idTokenDecryptionKey: undefined } : {}),
    };
    return inTransaction(deps, async (tx) => {
      const [stored] = await tx.select().from(oidcProviders).where(eq(oidcProviders.slug, s.slug)).for('update');
      const problems = await keyRefusals({
        ...values,
        clientPrivateKey:
          s.clientPrivateKey === undefined ? (stored?.clientPrivateKey ?? null) : values.clientPrivateKey,
        idTokenDecryptionKey:
          s.idTokenDecryptionKey === undefined ? (stored?.idTokenDecryptionKey ?? null) : values.idTokenDecryptionKey,
      });
      if (problems.length) refuse(...(problems as [ConfigureProviderRefusal, ...ConfigureProviderRefusal[]]));
      const [row] = await tx
        .insert(oidcProviders)
        .values(values)
        .onConflictDoUpdate({ target: oidcProviders.slug, set: { ...values, ...kept } })
        .returning({ id: oidcProviders.id });
      const { clientSecret: _secret, clientPrivateKey: _key, idTokenDecryptionKey: _decryption, ...audited } = values;
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
