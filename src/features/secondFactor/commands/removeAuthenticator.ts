import { and, eq, isNotNull } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { SignInRequiredError } from '../../../domain/errors.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { passkeys, recoveryCodes, totpSecrets } from '../../../platform/identity/schema.ts';
import { newRecoveryCodes } from '../totp.ts';

export type RemoveAuthenticatorRefusal = 'not-set-up';

/** Removes one's authenticator app; the recovery codes go with it unless a passkey remains a second factor. */
export async function removeAuthenticator(
  deps: CommandDeps,
  input: { actor: MaybeActor },
): Promise<Outcome<void, RemoveAuthenticatorRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const removed = await tx
        .delete(totpSecrets)
        .where(and(eq(totpSecrets.userId, actor.userId), isNotNull(totpSecrets.confirmedAt)))
        .returning({ userId: totpSecrets.userId });
      if (removed.length === 0) return refuse('not-set-up');
      const [passkey] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, actor.userId));
      if (!passkey) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'second-factor.authenticator-removed',
        subjectType: 'user',
        subjectId: actor.userId,
      });
    }),
  );
}

/** New recovery codes for one who has a second factor: the old ones stop working. */
export async function renewRecoveryCodes(
  deps: CommandDeps,
  input: { actor: MaybeActor },
): Promise<Outcome<string[], RemoveAuthenticatorRefusal>> {
  const actor = input.actor;
  if (!actor) throw new SignInRequiredError();
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [totp] = await tx
        .select({ u: totpSecrets.userId })
        .from(totpSecrets)
        .where(and(eq(totpSecrets.userId, actor.userId), isNotNull(totpSecrets.confirmedAt)));
      const [passkey] = await tx.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.userId, actor.userId));
      if (!totp && !passkey) return refuse('not-set-up');
      const { codes, hashes } = newRecoveryCodes();
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.userId));
      await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId: actor.userId, codeHash })));
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'second-factor.recovery-codes-renewed',
        subjectType: 'user',
        subjectId: actor.userId,
      });
      return codes;
    }),
  );
}
