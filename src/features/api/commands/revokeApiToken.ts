import { and, eq, isNull } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { authorizeApiAccess } from '../access.ts';
import { apiTokens } from '../schema.ts';

/**
 * Revokes one of the actor's own tokens; its next request is refused. Someone else's token is
 * "not found", exactly like one that does not exist. Revoking a revoked token changes nothing.
 */
export async function revokeApiToken(
  deps: CommandDeps,
  input: { actor: MaybeActor; tokenId: string; now?: Date },
): Promise<void> {
  const actor = input.actor;
  authorizeApiAccess(actor);
  if (!isUuid(input.tokenId)) throw new NotFoundError('api token');
  await inTransaction(deps, async (tx) => {
    const [token] = await tx
      .select({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, input.tokenId), eq(apiTokens.userId, actor.userId)))
      .for('update');
    if (!token) throw new NotFoundError('api token');
    if (token.revokedAt) return;
    await tx
      .update(apiTokens)
      .set({ revokedAt: input.now ?? new Date() })
      .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)));
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'api-token.revoked',
      subjectType: 'api-token',
      subjectId: token.id,
      before: { name: token.name },
    });
  });
}
