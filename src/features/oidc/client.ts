import * as client from 'openid-client';
import type { ClaimMapping, OidcProvider } from './schema.ts';

// The relying party's side of the authorization code flow, through openid-client: discovery (its
// JWKS fetched and refreshed by the library when the provider rotates its keys), PKCE (S256), state
// and nonce, and the ID token's signature, issuer, audience, expiry and nonce checked on return.

/** Plain http is for a provider on this machine only (the tests' oidc-provider), never across a network. */
function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const discovered = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration, discovered once per process and issuer (a failed discovery is retried next time). */
export function configurationOf(provider: OidcProvider): Promise<client.Configuration> {
  const key = `${provider.id}:${provider.issuer}:${provider.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(provider.issuer);
    found = client.discovery(issuer, provider.clientId, provider.clientSecret ?? undefined, undefined, {
      // The ID token's signature is checked against the provider's published keys (JWKS), not only
      // trusted because it came over the token endpoint's connection: openid-client skips that check
      // unless asked, and a proxy or a provider's misconfigured endpoint could hand over anything.
      execute: [
        client.enableNonRepudiationChecks,
        ...(issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : []),
      ],
    });
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
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

export interface ProviderClaims {
  subject: string;
  name: string | null;
  email: string | null;
  locale: string | null;
  /** The level of assurance the provider vouches for (the ID token's `acr`), if it says. */
  acr: string | null;
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
  };
}
