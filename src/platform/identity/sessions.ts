import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Actor, Role } from '../../domain/access.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Executor } from '../db/client.ts';
import { hashToken, newSecretToken } from './secrets.ts';
import { roleGrants, sessions, users } from './schema.ts';

export const SESSION_COOKIE = 'octroi_session';
export const SESSION_DAYS = 14;

export interface SessionUser {
  actor: Actor;
  email: string;
  displayName: string;
  locale: Locale;
}

/** A fresh session for the user; returns the token for the cookie. */
export async function openSession(db: Executor, userId: string): Promise<string> {
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hash, userId, expiresAt });
  return token;
}

export async function closeSession(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The signed-in user behind a session cookie, with their roles; null when absent or expired. */
export async function loadSessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      isPlatformAdmin: users.isPlatformAdmin,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.deactivatedAt)),
    )
    .limit(1);
  if (!row) return null;
  const grants = await db
    .select({ funderId: roleGrants.funderId, role: roleGrants.role })
    .from(roleGrants)
    .where(eq(roleGrants.userId, row.id));
  return {
    actor: {
      userId: row.id,
      isPlatformAdmin: row.isPlatformAdmin,
      grants: grants as { funderId: string; role: Role }[],
    },
    email: row.email,
    displayName: row.displayName,
    locale: row.locale as Locale,
  };
}
