import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { closeSession } from '../../../platform/identity/sessions.ts';

/** Ends the session on the server, not only in the browser: the old cookie no longer opens anything. */
export async function signOut(deps: CommandDeps, input: { token: string; userId: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await closeSession(tx, input.token);
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'session.closed',
      subjectType: 'user',
      subjectId: input.userId,
    });
  });
}
