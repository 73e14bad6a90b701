import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import { actorThroughToken, tokenVerdict, type ApiScope, type TokenRefusal } from '../../domain/apiTokenPolicy.ts';
import { refused, type Outcome } from '../../domain/refusal.ts';
import type { Executor } from '../../platform/db/client.ts';
import { roleGrants, users } from '../../platform/identity/schema.ts';
import { hashToken, newSecretToken } from '../../platform/identity/secrets.ts';
import { apiTokens } from './schema.ts';

/**
 * A recognisable prefix: a token pasted into a ticket or a repository can be spotted (by a person
 * or a secret scanner) for what it is, and a session cookie is never mistaken for one.
 */
export const API_TOKEN_PREFIX = 'octroi_';

/** A new token and the hash that is all the database keeps (of the whole token, prefix included). */
export function newApiToken(): { token: string; hash: string } {
  const token = API_TOKEN_PREFIX + newSecretToken().token;
  return { token, hash: hashToken(token) };
}

/** What a bearer token is, once found: who holds it and what it opens (or why it no longer does). */
export type TokenLookup =
  { found: false } | { found: true; tokenId: string; ownerId: string; verdict: Outcome<Actor, TokenRefusal> };

/**
 * The actor behind a bearer token for a request needing `scope`: their roles as they are now (a role
 * taken back stops counting at once), at the token's funders only. The token is found by its SHA-256,
 * so the lookup's timing tells nothing about the token. Stamping its use is conditional on it being
 * still valid, in one statement, so a token revoked meanwhile is never let through.
 */
export async function actorForApiToken(
  db: Executor,
  token: string,
  scope: ApiScope,
  now = new Date(),
): Promise<TokenLookup> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return { found: false };
  const [row] = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row) return { found: false };
  const base = { found: true as const, tokenId: row.id, ownerId: row.userId };
  const verdict = tokenVerdict(row, scope, now);
  if (!verdict.ok) return { ...base, verdict };
  const [used] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, row.id), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .returning({ userId: apiTokens.userId });
  if (!used) return { ...base, verdict: refused('revoked') };
  const [user] = await db
    .select({ id: users.id, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .where(eq(users.id, used.userId));
  if (!user) return { found: false };
  const grants = await db
    .select({ funderId: roleGrants.funderId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, user.id));
  const owner: Actor = {
    userId: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    grants: grants as { funderId: string; role: Role }[],
  };
  return { ...base, verdict: { ok: true, value: actorThroughToken(owner, row) } };
}
