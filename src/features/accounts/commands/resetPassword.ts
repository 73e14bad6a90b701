import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { sessions, users } from '../../../platform/identity/schema.ts';
import type { ResetInput } from '../forms.ts';
import { clearSignInFailures } from '../signInThrottles.ts';
import { consumeToken, voidTokens } from '../tokens.ts';

/**
 * Sets a new password from a mailed link. Every other reset link of the account dies with this one
 * (an older link found later in a mailbox must not set the password again), and every open session
 * of the account is closed, the resetting browser's too (it signs in afresh): whoever knew the old
 * password is out. Receiving the link also proves the address, so it is confirmed, and lifts a
 * sign-in pause on it (the owner has just proved they hold the mailbox).
 */
export async function resetPassword(
  deps: CommandDeps,
  input: Pick<ResetInput, 'token' | 'password'>,
): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  return inTransaction(deps, async (tx) => {
    const userId = await consumeToken(tx, input.token, 'reset-password');
    if (!userId) return false;
    await voidTokens(tx, userId, 'reset-password');
    const [user] = await tx
      .update(users)
      .set({
        passwordHash,
        emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, now())`,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    if (user) await clearSignInFailures(tx, user.email);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actorId: userId, action: 'user.password-reset', subjectType: 'user', subjectId: userId });
    return true;
  });
}
