import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { consumeToken } from '../tokens.ts';

/** Confirms the address behind a mailed link; false when the link is unknown, used or expired. */
export async function confirmEmail(deps: CommandDeps, token: string): Promise<boolean> {
  return inTransaction(deps, async (tx) => {
    const userId = await consumeToken(tx, token, 'confirm-email');
    if (!userId) return false;
    await tx.update(users).set({ emailConfirmedAt: new Date() }).where(eq(users.id, userId));
    await recordAudit(tx, { actorId: userId, action: 'user.email-confirmed', subjectType: 'user', subjectId: userId });
    return true;
  });
}
