import { and, eq, isNull } from 'drizzle-orm';
import { normaliseOneTimeCode, normaliseRecoveryCode, type SecondFactor } from '../../../domain/signInAssurance.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { hashToken } from '../../../platform/identity/secrets.ts';
import { recoveryCodes, totpSecrets, users } from '../../../platform/identity/schema.ts';
import { closeSession, loadPendingSession, openSession } from '../../../platform/identity/sessions.ts';
import { matchingStep } from '../totp.ts';

export type SecondFactorRefusal = 'no-pending-sign-in' | 'code-wrong';

/**
 * Ends a sign-in waiting for its second factor: the pending session is replaced by a full one (a new
 * token, so nothing seen before this step is worth anything after it) that records the factor given.
 */
export async function finishSecondFactor(
  tx: Transaction,
  pendingToken: string,
  pending: { userId: string; method: string; acr: string | null },
  factor: SecondFactor,
): Promise<string> {
  await closeSession(tx, pendingToken);
  await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, pending.userId));
  const token = await openSession(tx, pending.userId, {
    method: pending.method,
    acr: pending.acr,
    secondFactor: factor,
  });
  await recordAudit(tx, {
    actorId: pending.userId,
    action: 'session.opened',
    subjectType: 'user',
    subjectId: pending.userId,
    after: { method: pending.method, secondFactor: factor },
  });
  return token;
}

/**
 * The second step of a sign-in, with a code from the authenticator app (never the same time step
 * twice) or a recovery code (each works once). Refusals say nothing about which part was wrong.
 */
export async function giveSecondFactor(
  deps: CommandDeps,
  input: { pendingToken: string | undefined; kind: 'totp' | 'recovery-code'; code: string; now?: number },
): Promise<Outcome<string, SecondFactorRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const pending = input.pendingToken ? await loadPendingSession(tx, input.pendingToken) : null;
      if (!pending || !input.pendingToken) return refuse('no-pending-sign-in');
      if (input.kind === 'totp') {
        const [totp] = await tx.select().from(totpSecrets).where(eq(totpSecrets.userId, pending.userId)).for('update');
        const code = normaliseOneTimeCode(input.code);
        const step = totp?.confirmedAt && code ? matchingStep(totp.secret, code, input.now) : null;
        if (step === null || (totp!.lastStep !== null && step <= totp!.lastStep)) return refuse('code-wrong');
        await tx.update(totpSecrets).set({ lastStep: step }).where(eq(totpSecrets.userId, pending.userId));
      } else {
        const used = await tx
          .update(recoveryCodes)
          .set({ usedAt: new Date() })
          .where(
            and(
              eq(recoveryCodes.userId, pending.userId),
              eq(recoveryCodes.codeHash, hashToken(normaliseRecoveryCode(input.code))),
              isNull(recoveryCodes.usedAt),
            ),
          )
          .returning({ id: recoveryCodes.id });
        if (used.length === 0) return refuse('code-wrong');
      }
      return finishSecondFactor(tx, input.pendingToken, pending, input.kind);
    }),
  );
}
