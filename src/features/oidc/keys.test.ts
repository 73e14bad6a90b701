// The keys an administrator pastes for a provider like itsme: which are accepted for signing the
// client's assertion and for decrypting ID tokens, and what Octroi publishes of them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { clientSigningKey, idTokenDecryptionKey, publicJwks } from './keys.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed25519 = generateKeyPairSync('ed25519');
const pem = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const jwk = (key: KeyObject, extra: Record<string, string> = {}) =>
  JSON.stringify({ ...key.export({ format: 'jwk' }), ...extra });

describe('client keys', () => {
  test('a private key as PEM or JWK signs: RSA (RS256, or PS256 when its JWK says), P-256, Ed25519', async () => {
    assert.equal((await clientSigningKey(pem(rsa.privateKey)))?.key.algorithm.name, 'RSASSA-PKCS1-v1_5');
    const ps = await clientSigningKey(jwk(rsa.privateKey, { alg: 'PS256', kid: 'itsme-sig' }));
    assert.equal(ps?.key.algorithm.name, 'RSA-PSS');
    assert.equal(ps?.kid, 'itsme-sig', 'a JWK keeps its key id');
    assert.equal((await clientSigningKey(pem(p256.privateKey)))?.key.algorithm.name, 'ECDSA');
    assert.equal((await clientSigningKey(jwk(ed25519.privateKey)))?.key.algorithm.name, 'Ed25519');
  });

  test('refused: a public key, a public JWK, a passphrase-protected PEM, text that is no key', async () => {
    const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const locked = rsa.privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    for (const text of [publicPem, jwk(rsa.publicKey), locked, 'not a key', '{"kty":"RSA"}'])
      assert.equal(await clientSigningKey(text), null, text.slice(0, 30));
  });

  test('a decryption key must fit the algorithm: RSA for RSA-OAEP…, P-256 for ECDH-ES…', async () => {
    const oaep = await idTokenDecryptionKey(pem(rsa.privateKey), 'RSA-OAEP-256');
    const algorithm = oaep?.key.algorithm as { name: string; hash: { name: string } };
    assert.deepEqual([algorithm.name, algorithm.hash.name], ['RSA-OAEP', 'SHA-256']);
    assert.equal(oaep?.alg, 'RSA-OAEP-256');
    assert.equal((await idTokenDecryptionKey(pem(p256.privateKey), 'ECDH-ES+A128KW'))?.key.algorithm.name, 'ECDH');
    assert.equal(await idTokenDecryptionKey(pem(p256.privateKey), 'RSA-OAEP-256'), null);
    assert.equal(await idTokenDecryptionKey(pem(rsa.privateKey), 'ECDH-ES'), null);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    assert.equal(
      await idTokenDecryptionKey(pem(p384.privateKey), 'ECDH-ES'),
      null,
      'openid-client decrypts P-256 only',
    );
  });

  test('the published JWKS holds the public halves only, named as the keys are selected', async () => {
    const jwks = publicJwks({
      signing: pem(p256.privateKey),
      decryption: pem(rsa.privateKey),
      encryptionAlg: 'RSA-OAEP-256',
    });
    assert.deepEqual(
      jwks.keys.map((k) => [k.kty, k.use, k.alg]),
      [
        ['EC', 'sig', undefined],
        ['RSA', 'enc', 'RSA-OAEP-256'],
      ],
    );
    assert.ok(jwks.keys.every((k) => !('d' in k)));
    const decryption = await idTokenDecryptionKey(pem(rsa.privateKey), 'RSA-OAEP-256');
    assert.equal(jwks.keys[1]!.kid, decryption!.kid, 'the kid a provider encrypts to is the one Octroi decrypts with');
    assert.deepEqual(publicJwks({ signing: 'not a key' }), { keys: [] });
  });
});
