import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError, SignInRequiredError } from '../../../domain/errors.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { passkeys, recoveryCodes, users } from '../../../platform/identity/schema.ts';
import { newRecoveryCodes } from '../totp.ts';
import { closeSession, hasSecondFactor, loadPendingSession, openSession } from '../../../platform/identity/sessions.ts';
import { finishSecondFactor } from './giveSecondFactor.ts';

// Passkeys (WebAuthn) through @simplewebauthn/server. The relying party is Octroi's public address:
// its host name is the RP ID, its origin the only one accepted. The challenge travels in a signed
// cookie between the options and the answer (routes.tsx), never in the database.

export type PasskeyRefusal = 'passkey-refused' | 'no-pending-sign-in';

const rpOf = (publicUrl: string) => ({ rpID: new URL(publicUrl).hostname, origin: new URL(publicUrl).origin });
const transportsOf = (t: string[]) => t as AuthenticatorTransportFuture[];

/** Options for registering a new passkey on the signed-in account (its other passkeys excluded). */
export async function passkeyRegistrationOptions(deps: CommandDeps, input: { actor: MaybeActor }) {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId));
  const existing = await deps.db.select().from(passkeys).where(eq(passkeys.userId, actor.userId));
  return generateRegistrationOptions({
    rpName: 'Octroi',
    rpID: rpOf(deps.publicUrl).rpID,
    userName: user!.email,
    userDisplayName: user!.displayName,
    userID: new TextEncoder().encode(actor.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Keeps a passkey whose registration answers the challenge, from this origin, for this RP. */
export async function registerPasskey(
  deps: CommandDeps,
  input: { actor: MaybeActor; response: RegistrationResponseJSON; challenge: string; name: string },
): Promise<Outcome<{ recoveryCodes: string[] | null }, PasskeyRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  const { rpID, origin } = rpOf(deps.publicUrl);
  return refusable(async (refuse) => {
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: input.response,
        expectedChallenge: input.challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: false,
      });
    } catch (error) {
      deps.log.warn({ err: error }, 'passkey registration refused');
      return refuse('passkey-refused');
    }
    if (!verification.verified || !verification.registrationInfo) return refuse('passkey-refused');
    const { credential } = verification.registrationInfo;
    return inTransaction(deps, async (tx) => {
      await tx.insert(passkeys).values({
        id: credential.id,
        userId: actor.userId,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name: input.name.trim().slice(0, 80) || 'Passkey',
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'second-factor.passkey-added',
        subjectType: 'user',
        subjectId: actor.userId,
        after: { credentialId: credential.id },
      });
      // A first second factor comes with recovery codes (to be shown once); later ones keep those.
      const [left] = await tx
        .select({ n: count() })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, actor.userId), isNull(recoveryCodes.usedAt)));
      if ((left?.n ?? 0) > 0) return { recoveryCodes: null };
      const { codes, hashes } = newRecoveryCodes();
      await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: actor.userId, codeHash })));
      return { recoveryCodes: codes };
    });
  });
}

/**
 * Options for signing in with a passkey: as the second step of a pending sign-in (the pending
 * person's passkeys only), or password-less (any passkey of this site, with user verification).
 */
export async function passkeySignInOptions(deps: CommandDeps, input: { pendingToken?: string | undefined }) {
  const { rpID } = rpOf(deps.publicUrl);
  const pending = input.pendingToken ? await loadPendingSession(deps.db, input.pendingToken) : null;
  if (!pending) return generateAuthenticationOptions({ rpID, userVerification: 'required' });
  const mine = await deps.db.select().from(passkeys).where(eq(passkeys.userId, pending.userId));
  return generateAuthenticationOptions({
    rpID,
    userVerification: 'preferred',
    allowCredentials: mine.map((p) => ({ id: p.id, transports: transportsOf(p.transports) })),
  });
}

/**
 * Signs in with a passkey. As a second factor: the passkey must be the pending person's. Password-
 * less: it must have verified its user (PIN, fingerprint), being then two factors in one. Either way
 * its signature must check against the stored key and its counter must have moved on (a cloned
 * authenticator replays an old counter and is refused).
 */
export async function signInWithPasskey(
  deps: CommandDeps,
  input: {
    mode: 'second-factor' | 'passwordless';
    response: AuthenticationResponseJSON;
    challenge: string;
    pendingToken?: string | undefined;
    previousSession?: string | undefined;
  },
): Promise<Outcome<string, PasskeyRefusal>> {
  const { rpID, origin } = rpOf(deps.publicUrl);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const pending =
        input.mode === 'second-factor' && input.pendingToken ? await loadPendingSession(tx, input.pendingToken) : null;
      if (input.mode === 'second-factor' && !pending) return refuse('no-pending-sign-in');
      const [passkey] = await tx
        .select()
        .from(passkeys)
        .where(eq(passkeys.id, String(input.response.id)))
        .for('update');
      if (!passkey || (pending && passkey.userId !== pending.userId)) return refuse('passkey-refused');
      let verification;
      try {
        verification = await verifyAuthenticationResponse({
          response: input.response,
          expectedChallenge: input.challenge,
          expectedOrigin: origin,
          expectedRPID: rpID,
          requireUserVerification: !pending,
          credential: {
            id: passkey.id,
            publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
            counter: passkey.counter,
            transports: transportsOf(passkey.transports),
          },
        });
      } catch (error) {
        deps.log.warn({ err: error }, 'passkey sign-in refused');
        return refuse('passkey-refused');
      }
      if (!verification.verified) return refuse('passkey-refused');
      await tx
        .update(passkeys)
        .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() })
        .where(eq(passkeys.id, passkey.id));
      if (pending) return finishSecondFactor(tx, input.pendingToken!, pending, 'passkey');
      const [user] = await tx.select().from(users).where(eq(users.id, passkey.userId));
      if (!user || user.deactivatedAt || !user.emailConfirmedAt) return refuse('passkey-refused');
      if (input.previousSession) await closeSession(tx, input.previousSession);
      await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
      const token = await openSession(tx, user.id, { method: 'passkey', acr: null, secondFactor: null });
      await recordAudit(tx, {
        actorId: user.id,
        action: 'session.opened',
        subjectType: 'user',
        subjectId: user.id,
        after: { method: 'passkey' },
      });
      return token;
    }),
  );
}

/** Removes one of one's passkeys; someone else's is "not found". */
export async function removePasskey(deps: CommandDeps, input: { actor: MaybeActor; id: string }): Promise<void> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  await inTransaction(deps, async (tx) => {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, input.id), eq(passkeys.userId, actor.userId)))
      .returning({ id: passkeys.id });
    if (removed.length === 0) throw new NotFoundError('passkey');
    // The last second factor gone, its recovery codes go too: they would be a second factor on their own.
    if (!(await hasSecondFactor(tx, actor.userId)))
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'second-factor.passkey-removed',
      subjectType: 'user',
      subjectId: actor.userId,
      before: { credentialId: input.id },
    });
  });
}
