import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { recoveryCodeFrom, RECOVERY_CODE_COUNT } from '../../domain/signInAssurance.ts';
import { hashToken } from '../../platform/identity/secrets.ts';

// Authenticator apps (RFC 6238) through the `otpauth` package: SHA-1, six digits, thirty seconds,
// the parameters every app understands. A code is accepted one step either side of now (clock drift).

const PERIOD_SECONDS = 30;

const totpOf = (secret: string, label = '') =>
  new TOTP({
    issuer: 'Octroi',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** A new secret (160 bits, base32). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// address an app reads from the QR code. */
export const totpUri = (secret: string, account: string): string => totpOf(secret, account).toString();

/** The code an app would show now (tests and the demo use it). */
export const currentTotpCode = (secret: string, at = Date.now()): string => totpOf(secret).generate({ timestamp: at });

/**
 * The time step a code belongs to, if it is valid now (± one step); null otherwise. The caller keeps
 * the last step accepted and refuses one not after it, so a code seen over a shoulder is not replayable.
 */
export function matchingStep(secret: string, code: string, at = Date.now()): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}

/** Fresh recovery codes: shown once to their owner, only their hashes kept. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(randomBytes(10)));
  return { codes, hashes: codes.map((c) => hashToken(c.replace('-', ''))) };
}
