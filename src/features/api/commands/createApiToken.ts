import type { MaybeActor } from '../../../domain/access.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { authorizeApiAccess } from '../access.ts';
import { apiTokens } from '../schema.ts';
import { newApiToken } from '../tokens.ts';

/**
 * Creates a named API token for the actor and returns it in full: this is the only time it exists
 * outside the caller's hands, since only its hash is stored. The audit row names the token, never
 * its secret.
 */
export async function createApiToken(
  deps: CommandDeps,
  input: { actor: MaybeActor; name: string },
): Promise<{ id: string; token: string }> {
  const actor = input.actor;
  authorizeApiAccess(actor);
  return inTransaction(deps, async (tx) => {
    const { token, hash } = newApiToken();
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: actor.userId, name: input.name, tokenHash: hash })
      .returning({ id: apiTokens.id });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'api-token.created',
      subjectType: 'api-token',
      subjectId: row!.id,
      after: { name: input.name },
    });
    return { id: row!.id, token };
  });
}
