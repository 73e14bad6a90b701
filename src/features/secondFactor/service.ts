import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { SignInRequiredError } from '../../domain/errors.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { passkeys, recoveryCodes, totpSecrets } from '../../platform/identity/schema.ts';
import { loadPendingSession } from '../../platform/identity/sessions.ts';
import { giveSecondFactor } from './commands/giveSecondFactor.ts';
import {
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  removePasskey,
  signInWithPasskey,
} from './commands/passkeys.ts';
import { removeAuthenticator, renewRecoveryCodes } from './commands/removeAuthenticator.ts';
import { confirmAuthenticator, startAuthenticator } from './commands/setUpAuthenticator.ts';

export interface MySecondFactors {
  authenticator: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
}

export interface SecondStep {
  authenticator: boolean;
  passkeys: boolean;
  recoveryCodes: boolean;
}

/** Second factors (authenticator app, passkeys, recovery codes) and the sign-in step that asks for them. */
export function secondFactorService(deps: CommandDeps) {
  async function factorsOf(userId: string): Promise<MySecondFactors> {
    const [totp] = await deps.db
      .select({ u: totpSecrets.userId })
      .from(totpSecrets)
      .where(and(eq(totpSecrets.userId, userId), isNotNull(totpSecrets.confirmedAt)));
    const keys = await deps.db
      .select({
        id: passkeys.id,
        name: passkeys.name,
        createdAt: passkeys.createdAt,
        lastUsedAt: passkeys.lastUsedAt,
      })
      .from(passkeys)
      .where(eq(passkeys.userId, userId))
      .orderBy(asc(passkeys.createdAt));
    const [left] = await deps.db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return { authenticator: !!totp, passkeys: keys, recoveryCodesLeft: left?.n ?? 0 };
  }

  return {
    startAuthenticator: (input: Parameters<typeof startAuthenticator>[1]) => startAuthenticator(deps, input),
    confirmAuthenticator: (input: Parameters<typeof confirmAuthenticator>[1]) => confirmAuthenticator(deps, input),
    removeAuthenticator: (input: Parameters<typeof removeAuthenticator>[1]) => removeAuthenticator(deps, input),
    renewRecoveryCodes: (input: Parameters<typeof renewRecoveryCodes>[1]) => renewRecoveryCodes(deps, input),
    giveSecondFactor: (input: Parameters<typeof giveSecondFactor>[1]) => giveSecondFactor(deps, input),
    passkeyRegistrationOptions: (input: Parameters<typeof passkeyRegistrationOptions>[1]) =>
      passkeyRegistrationOptions(deps, input),
    registerPasskey: (input: Parameters<typeof registerPasskey>[1]) => registerPasskey(deps, input),
    passkeySignInOptions: (input: Parameters<typeof passkeySignInOptions>[1]) => passkeySignInOptions(deps, input),
    signInWithPasskey: (input: Parameters<typeof signInWithPasskey>[1]) => signInWithPasskey(deps, input),
    removePasskey: (input: Parameters<typeof removePasskey>[1]) => removePasskey(deps, input),

    /** One's own second factors, for the security page. */
    async mine(actor: MaybeActor): Promise<MySecondFactors> {
      if (!actor) throw new SignInRequiredError();
      return factorsOf(actor.userId);
    },

    /**
     * What the sign-in's second step offers: only the factors the pending person has (a code box to
     * someone whose only factor is a passkey would ask for what they cannot give). Null when no
     * sign-in is pending (expired, or never started).
     */
    async secondStep(pendingToken: string | undefined): Promise<SecondStep | null> {
      const pending = pendingToken ? await loadPendingSession(deps.db, pendingToken) : null;
      if (!pending) return null;
      const factors = await factorsOf(pending.userId);
      return {
        authenticator: factors.authenticator,
        passkeys: factors.passkeys.length > 0,
        recoveryCodes: factors.recoveryCodesLeft > 0,
      };
    },
  };
}
export type SecondFactorService = ReturnType<typeof secondFactorService>;
