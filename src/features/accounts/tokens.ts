import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Transaction } from '../../platform/db/client.ts';
import { userTokens, type TokenPurpose } from '../../platform/identity/schema.ts';
import { hashToken, newSecretToken } from '../../platform/identity/secrets.ts';

const LIFETIME_MS: Record<TokenPurpose, number> = {
  'confirm-email': 48 * 3_600_000,
  'reset-password': 3_600_000,
};

/** A single-use token for a mailed link; only its hash is stored. */
export async function issueToken(tx: Transaction, userId: string, purpose: TokenPurpose): Promise<string> {
  const { token, hash } = newSecretToken();
  await tx
    .insert(userTokens)
    .values({ tokenHash: hash, userId, purpose, expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]) });
  return token;
}

/**
 * Marks the token used and returns its user, or null if it is unknown, expired, used or for another
 * purpose. The conditional update makes two concurrent uses of one link succeed only once.
 */
export async function consumeToken(tx: Transaction, token: string, purpose: TokenPurpose): Promise<string | null> {
  const [row] = await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: userTokens.userId });
  return row?.userId ?? null;
}

/** Voids every unused token of this purpose of the account, e.g. every reset link once one was used. */
export async function voidTokens(tx: Transaction, userId: string, purpose: TokenPurpose): Promise<void> {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}
