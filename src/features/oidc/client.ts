import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import { clientSigningKey, idTokenDecryptionKey, type ClientAuthMethod, type IdTokenEncryptionAlg } from './keys.ts';
import type { ClaimMapping, OidcProvider } from './schema.ts';

// The relying party's side of the authorization code flow, through openid-client: discovery (its
// JWKS fetched and refreshed by the library when the provider rotates its keys), PKCE (S256), state
// and nonce, and the ID token's signature, issuer, audience, expiry and nonce checked on return.

/** Plain http is for a provider on this machine only (the tests' oidc-provider), never across a network. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const discovered = new Map<string, { fingerprint: string; config: Promise<client.Configuration> }>();

/** What the configuration is built from: an edited secret, key or encryption setting builds a new one. */
const fingerprintOf = (p: OidcProvider) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        p.issuer,
        p.clientId,
        p.clientSecret,
        p.tokenEndpointAuthMethod,
        p.clientPrivateKey,
        p.idTokenEncryptionAlg,
        p.idTokenEncryptionEnc,
        p.idTokenDecryptionKey,
      ]),
    )
    .digest('base64url');

/** How Octroi's client authenticates at the token endpoint, as the provider's settings say. */
async function clientAuthOf(provider: OidcProvider): Promise<client.ClientAuth> {
  const secret = provider.clientSecret ?? undefined;
  switch (provider.tokenEndpointAuthMethod as ClientAuthMethod) {
    case 'private_key_jwt': {
      const key = provider.clientPrivateKey ? await clientSigningKey(provider.clientPrivateKey) : null;
      // configureProvider checks the keys it stores: only a row changed behind its back gets here.
      if (!key) throw new Error('the client private key cannot sign');
      return client.PrivateKeyJwt(key);
    }
    case 'client_secret_post':
      return secret ? client.ClientSecretPost(secret) : client.None();
    default:
      // Without a secret the client is a public one: PKCE alone binds the code to it.
      return secret ? client.ClientSecretBasic(secret) : client.None();
  }
}

async function discover(provider: OidcProvider): Promise<client.Configuration> {
  const issuer = new URL(provider.issuer);
  const config = await client.discovery(issuer, provider.clientId, undefined, await clientAuthOf(provider), {
    // The ID token's signature is checked against the provider's published keys (JWKS), not only
    // trusted because it came over the token endpoint's connection: openid-client skips that check
    // unless asked, and a proxy or a provider's misconfigured endpoint could hand over anything.
    execute: [
      client.enableNonRepudiationChecks,
      ...(issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : []),
    ],
  });
  const alg = provider.idTokenEncryptionAlg as IdTokenEncryptionAlg | null;
  if (alg) {
    const key = provider.idTokenDecryptionKey ? await idTokenDecryptionKey(provider.idTokenDecryptionKey, alg) : null;
    if (!key) throw new Error(`the ID token decryption key does not serve ${alg}`);
    client.enableDecryptingResponses(
      config,
      provider.idTokenEncryptionEnc ? [provider.idTokenEncryptionEnc] : undefined,
      key,
    );
  }
  return config;
}

/** The provider's configuration, discovered once per process and settings (a failed discovery is retried next time). */
export function configurationOf(provider: OidcProvider): Promise<client.Configuration> {
  const fingerprint = fingerprintOf(provider);
  const found = discovered.get(provider.id);
  if (found?.fingerprint === fingerprint) return found.config;
  const config = discover(provider);
  config.catch(() => {
    if (discovered.get(provider.id)?.config === config) discovered.delete(provider.id);
  });
  discovered.set(provider.id, { fingerprint, config });
  return config;
}

/** What is kept between the redirect and the return, in a signed cookie: never in the database. */
export interface PendingSignIn {
  slug: string;
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go once signed in (a local path). */
  next: string;
  /** When it was started (ms): a return later than ten minutes is refused. */
  at: number;
}

export const PENDING_MAX_AGE_SECONDS = 600;

/** The address to send the browser to, and what to keep until it comes back. */
export async function startSignIn(
  provider: OidcProvider,
  redirectUri: string,
  next: string,
): Promise<{ url: string; pending: PendingSignIn }> {
  const config = await configurationOf(provider);
  const verifier = client.randomPKCECodeVerifier();
  const pending: PendingSignIn = {
    slug: provider.slug,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next,
    at: Date.now(),
  };
  const url = client.buildAuthorizationUrl(config, {
    ...provider.authorizationParams,
    redirect_uri: redirectUri,
    scope: provider.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.href, pending };
}

/** Octroi's settings for a provider do not match what it was registered with. */
class SettingsMismatch extends Error {
  override name = 'SettingsMismatch';
}

/**
 * Whether a refused sign-in is the settings' fault — the provider refused the client's secret or
 * signed assertion (a wrong key), or its ID token could not be decrypted with the key configured —
 * rather than an answer forged, replayed or too late: the person can do nothing, an administrator can.
 */
export function isSettingsMismatch(error: unknown): boolean {
  if (error instanceof client.ResponseBodyError) return ['invalid_client', 'unauthorized_client'].includes(error.error);
  return (
    error instanceof SettingsMismatch ||
    (error instanceof client.ClientError && error.code === 'OAUTH_DECRYPTION_FAILED')
  );
}

export interface ProviderClaims {
  subject: string;
  name: string | null;
  email: string | null;
  locale: string | null;
  /** The level of assurance the provider vouches for (the ID token's `acr`), if it says. */
  acr: string | null;
  /** As the provider gave it, unchecked, when its claim is mapped: kept only as nationalNumber.ts allows. */
  nationalNumber: string | null;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * Exchanges the code for tokens and returns the mapped claims. Throws when anything does not hold:
 * a state that is not the one sent, a code used before or for another client, a wrong nonce, an ID
 * token expired, for another audience, or not signed by the provider's keys.
 */
export async function finishSignIn(
  provider: OidcProvider,
  currentUrl: URL,
  pending: PendingSignIn,
): Promise<ProviderClaims> {
  const config = await configurationOf(provider);
  const tokens = await client.authorizationCodeGrant(config, currentUrl, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  // Configured to be encrypted, it must have been: a signed-only ID token means the provider is not
  // set up as the administrator said, and would carry the national number readable along the way.
  if (provider.idTokenEncryptionAlg && !client.getDecryptedResponses(tokens)?.id_token?.token_endpoint)
    throw new SettingsMismatch('the provider sent an ID token that was not encrypted');
  const claims: Record<string, unknown> = { ...tokens.claims() };
  const map: ClaimMapping = provider.claims;
  // Claims beyond the ID token's (name, mail) come from userinfo when the provider puts them there.
  if (![map.name, map.email].every((c) => c in claims) && config.serverMetadata().userinfo_endpoint) {
    Object.assign(claims, await client.fetchUserInfo(config, tokens.access_token, String(claims.sub)), { ...claims });
  }
  const subject = text(claims[map.subject]);
  if (!subject) throw new Error(`the provider gave no ${map.subject} claim`);
  return {
    subject,
    name: text(claims[map.name]),
    email: text(claims[map.email]),
    locale: text(claims[map.locale]),
    acr: text(claims.acr),
    nationalNumber: map.nationalNumber ? text(claims[map.nationalNumber]) : null,
  };
}
