import { canManageCalls, type MaybeActor } from '../../../domain/access.ts';
import { expiryBounds, tokenExpiry, type ApiScope, type ExpiryRefusal } from '../../../domain/apiTokenPolicy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { authorizeApiAccess } from '../access.ts';
import { apiTokens } from '../schema.ts';
import { newApiToken } from '../tokens.ts';

export type CreateTokenRefusal = ExpiryRefusal | 'no-scope' | 'funder-not-yours';

export interface CreateTokenInput {
  actor: MaybeActor;
  name: string;
  /** Read by default: a token that may change things is asked for explicitly. */
  scopes?: readonly ApiScope[];
  /** The funders it is limited to; none given: every funder at which the owner runs calls. */
  funderIds?: readonly string[];
  /** The last day it works (Brussels calendar); 90 days by default, a year at most. */
  expiresOn?: string;
  now?: Date;
}

/**
 * Creates a named API token for the actor and returns it in full: this is the only time it exists
 * outside the caller's hands, since only its hash is stored. A token is limited to funders at which
 * its owner runs calls (a funder named that is not theirs is refused, not silently dropped). The
 * audit row names the token, its scopes, funders and expiry, never its secret.
 */
export async function createApiToken(
  deps: CommandDeps,
  input: CreateTokenInput,
): Promise<Outcome<{ id: string; token: string; expiresAt: Date }, CreateTokenRefusal>> {
  const actor = input.actor;
  authorizeApiAccess(actor);
  const now = input.now ?? new Date();
  const scopes: ApiScope[] = [...new Set<ApiScope>(input.scopes ?? ['read'])];
  const funderIds = input.funderIds?.length ? [...new Set(input.funderIds)] : null;
  return refusable(async (refuse) => {
    const refusals: CreateTokenRefusal[] = [];
    if (!scopes.length) refusals.push('no-scope');
    if (funderIds?.some((id) => !canManageCalls(actor, id))) refusals.push('funder-not-yours');
    const expiry = tokenExpiry(input.expiresOn ?? expiryBounds(now).default, now);
    if (!expiry.ok) refusals.push(...expiry.refusals);
    if (refusals.length || !expiry.ok) return refuse(...(refusals as [CreateTokenRefusal]));
    return inTransaction(deps, async (tx) => {
      const { token, hash } = newApiToken();
      const [row] = await tx
        .insert(apiTokens)
        .values({ userId: actor.userId, name: input.name, tokenHash: hash, scopes, funderIds, expiresAt: expiry.value })
        .returning({ id: apiTokens.id });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'api-token.created',
        subjectType: 'api-token',
        subjectId: row!.id,
        after: { name: input.name, scopes, funderIds, expiresAt: expiry.value },
      });
      return { id: row!.id, token, expiresAt: expiry.value };
    });
  });
}
