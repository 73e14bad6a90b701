import { createHash, createPrivateKey, createPublicKey, webcrypto, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { DecryptionKey, PrivateKey } from 'openid-client';

// The keys a provider like itsme asks of its clients: a private key signing the client's assertion at
// the token endpoint (private_key_jwt), and one decrypting the ID tokens it encrypts (JWE). The
// administrator pastes them as PEM or as a JWK; openid-client wants WebCrypto keys whose algorithm
// says how they are used, so each is read with Node's crypto and imported for that one use.

/** How Octroi's client proves itself at the token endpoint. */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt'] as const;
export type ClientAuthMethod = (typeof CLIENT_AUTH_METHODS)[number];

/** The JWE key management algorithms openid-client decrypts with an asymmetric key. */
export const ID_TOKEN_ENCRYPTION_ALGS = [
  'RSA-OAEP-256',
  'RSA-OAEP',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
] as const;
export type IdTokenEncryptionAlg = (typeof ID_TOKEN_ENCRYPTION_ALGS)[number];

/** The JWE content encryption algorithms, the provider's default for ID tokens first. */
export const ID_TOKEN_ENCRYPTION_ENCS = [
  'A128CBC-HS256',
  'A192CBC-HS384',
  'A256CBC-HS512',
  'A128GCM',
  'A192GCM',
  'A256GCM',
] as const;
export type IdTokenEncryptionEnc = (typeof ID_TOKEN_ENCRYPTION_ENCS)[number];

interface ReadKey {
  key: KeyObject;
  /**
   * The JWK's own key id, else its RFC 7638 thumbprint: the provider names the key it encrypted for
   * by it, and openid-client picks no key whose id differs from the one named.
   */
  kid: string;
  /** A JWK's own algorithm (PS256 for an RSA key, say). */
  alg?: string | undefined;
}

/** The public half as a JWK, with only the members RFC 7638 hashes for a thumbprint. */
function publicMembers(key: KeyObject): Record<string, string> {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as Record<string, string>;
  const members =
    jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'];
  return Object.fromEntries(members.map((m) => [m, jwk[m]!]));
}

const thumbprint = (key: KeyObject) =>
  createHash('sha256')
    .update(JSON.stringify(publicMembers(key)))
    .digest('base64url');

/** A private key written as PEM (PKCS#8, PKCS#1 or SEC1, not passphrase-protected) or as a JWK; null otherwise. */
function readPrivateKey(text: string): ReadKey | null {
  const trimmed = text.trim();
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JsonWebKey;
      // A public JWK (without its `d`) is refused here: only the private half signs or decrypts.
      const key = createPrivateKey({ key: jwk, format: 'jwk' });
      return {
        key,
        kid: typeof jwk.kid === 'string' && jwk.kid ? jwk.kid : thumbprint(key),
        alg: typeof jwk.alg === 'string' ? jwk.alg : undefined,
      };
    }
    const key = createPrivateKey(trimmed);
    return { key, kid: thumbprint(key) };
  } catch {
    return null;
  }
}

const CURVES: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };

/** How a key signs, in WebCrypto's terms: openid-client derives the JWS algorithm (RS256, ES256…) from it. */
function signingAlgorithm({
  key,
  alg,
}: ReadKey): webcrypto.AlgorithmIdentifier | webcrypto.RsaHashedImportParams | null {
  switch (key.asymmetricKeyType) {
    case 'rsa': {
      const bits = /^(RS|PS)(256|384|512)$/.exec(alg ?? 'RS256');
      if (!bits) return null;
      return { name: bits[1] === 'PS' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5', hash: `SHA-${bits[2]}` };
    }
    case 'ec': {
      const namedCurve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
      return namedCurve ? ({ name: 'ECDSA', namedCurve } as webcrypto.EcKeyImportParams) : null;
    }
    case 'ed25519':
      return { name: 'Ed25519' };
    default:
      return null;
  }
}

/** How a key decrypts for a JWE algorithm; null when the key cannot serve it (an EC key for RSA-OAEP, say). */
function decryptionAlgorithm(
  { key }: ReadKey,
  alg: IdTokenEncryptionAlg,
): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams | webcrypto.AlgorithmIdentifier | null {
  if (alg.startsWith('RSA-OAEP')) {
    if (key.asymmetricKeyType !== 'rsa') return null;
    return { name: 'RSA-OAEP', hash: alg === 'RSA-OAEP' ? 'SHA-1' : `SHA-${alg.slice(-3)}` };
  }
  if (key.asymmetricKeyType === 'x25519') return { name: 'X25519' };
  // openid-client decrypts ECDH-ES with P-256 keys only.
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return { name: 'ECDH', namedCurve: 'P-256' };
  return null;
}

const importPkcs8 = (
  key: KeyObject,
  algorithm: Parameters<typeof webcrypto.subtle.importKey>[2],
  usages: webcrypto.KeyUsage[],
): Promise<webcrypto.CryptoKey> =>
  webcrypto.subtle.importKey('pkcs8', key.export({ format: 'der', type: 'pkcs8' }), algorithm, false, usages);

/** The key signing the client's assertion (private_key_jwt), or null when the text is not a private key that signs. */
export async function clientSigningKey(text: string): Promise<PrivateKey | null> {
  const read = readPrivateKey(text);
  const algorithm = read && signingAlgorithm(read);
  if (!read || !algorithm) return null;
  try {
    return { key: await importPkcs8(read.key, algorithm, ['sign']), kid: read.kid };
  } catch {
    return null;
  }
}

/** The key decrypting ID tokens encrypted with `alg`, or null when the text is not a private key for it. */
export async function idTokenDecryptionKey(text: string, alg: IdTokenEncryptionAlg): Promise<DecryptionKey | null> {
  const read = readPrivateKey(text);
  const algorithm = read && decryptionAlgorithm(read, alg);
  if (!read || !algorithm) return null;
  try {
    const usages: webcrypto.KeyUsage[] = alg.startsWith('RSA-OAEP') ? ['decrypt'] : ['deriveBits'];
    return { key: await importPkcs8(read.key, algorithm, usages), alg, kid: read.kid };
  } catch {
    return null;
  }
}

/**
 * The public halves of a provider's client keys, as the JWKS Octroi publishes for it: the provider
 * checks the client's assertions and encrypts ID tokens with them (itsme reads them from a jwks_uri).
 */
export function publicJwks(keys: {
  signing?: string | null;
  decryption?: string | null;
  encryptionAlg?: string | null;
}) {
  const entries: Record<string, string>[] = [];
  for (const [text, use] of [
    [keys.signing, 'sig'],
    [keys.decryption, 'enc'],
  ] as const) {
    const read = text ? readPrivateKey(text) : null;
    if (!read) continue;
    const alg = use === 'enc' ? keys.encryptionAlg : read.alg;
    entries.push({ ...publicMembers(read.key), kid: read.kid, use, ...(alg ? { alg } : {}) });
  }
  return { keys: entries };
}
