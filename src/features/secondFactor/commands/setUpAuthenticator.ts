import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { SignInRequiredError } from '../../../domain/errors.ts';
import { normaliseOneTimeCode } from '../../../domain/signInAssurance.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { recoveryCodes, totpSecrets, users } from '../../../platform/identity/schema.ts';
import { matchingStep, newRecoveryCodes, newTotpSecret, totpUri } from '../totp.ts';

export type SetUpAuthenticatorRefusal = 'already-set-up' | 'code-wrong';

/**
 * The first half: a new secret, kept unconfirmed (it protects nothing yet) and shown to its owner as
 * a QR code and as text. Asking again replaces an unconfirmed secret; a confirmed one stays until removed.
 */
export async function startAuthenticator(
  deps: CommandDeps,
  input: { actor: MaybeActor },
): Promise<Outcome<{ secret: string; uri: string }, SetUpAuthenticatorRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [existing] = await tx.select().from(totpSecrets).where(eq(totpSecrets.userId, actor.userId)).for('update');
      if (existing?.confirmedAt) return refuse('already-set-up');
      if (existing && Date.now() - existing.createdAt.getTime() < 10 * 60_000) {
        const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
        return { secret: existing.secret, uri: totpUri(existing.secret, user!.email) };
      }
      const secret = newTotpSecret();
      await tx
        .insert(totpSecrets)
        .values({ userId: actor.userId, secret })
        .onConflictDoUpdate({ target: totpSecrets.userId, set: { secret, createdAt: new Date(), lastStep: null } });
      const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, actor.userId));
      return { secret, uri: totpUri(secret, user!.email) };
    }),
  );
}

/**
 * The second half: a code from the app proves it holds the secret; the authenticator then counts as
 * a second factor, and ten recovery codes (any earlier ones voided) are returned to be shown once.
 */
export async function confirmAuthenticator(
  deps: CommandDeps,
  input: { actor: MaybeActor; code: string; now?: number },
): Promise<Outcome<{ recoveryCodes: string[] }, SetUpAuthenticatorRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [pending] = await tx.select().from(totpSecrets).where(eq(totpSecrets.userId, actor.userId)).for('update');
      if (!pending) return refuse('code-wrong');
      if (pending.confirmedAt) return refuse('already-set-up');
      const code = normaliseOneTimeCode(input.code);
      const step = code === null ? null : matchingStep(pending.secret, code, input.now);
      if (step === null) return refuse('code-wrong');
      await tx
        .update(totpSecrets)
        .set({ confirmedAt: new Date(), lastStep: step })
        .where(eq(totpSecrets.userId, actor.userId));
      const { codes, hashes } = newRecoveryCodes();
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
      await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: actor.userId, codeHash })));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'second-factor.authenticator-added',
        subjectType: 'user',
        subjectId: actor.userId,
      });
      return { recoveryCodes: codes };
    }),
  );
}
