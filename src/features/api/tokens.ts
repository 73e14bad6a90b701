import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
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

/**
 * The actor behind a bearer token, with their roles as they are now (a role taken back stops
 * counting at once), or null for an unknown or revoked token. The token is found by its SHA-256:
 * the lookup compares hashes, so its timing tells nothing about the token. Finding it and stamping
 * its use is one statement, so a token revoked meanwhile is never let through.
 */
export async function actorForApiToken(db: Executor, token: string, now = new Date()): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const [used] = await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ userId: apiTokens.userId });
  if (!used) return null;
  const [user] = await db
    .select({ id: users.id, isPlatformAdmin: users.isPlatformAdmin })
    .from(users)
    .where(eq(users.id, used.userId));
  if (!user) return null;
  const grants = await db
    .select({ funderId: roleGrants.funderId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, user.id));
  return {
    userId: user.id,
    isPlatformAdmin: user.isPlatformAdmin,
    grants: grants as { funderId: string; role: Role }[],
  };
}
