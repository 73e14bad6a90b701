import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { hashToken, newSecretToken } from '../../../platform/identity/secrets.ts';
import { users } from '../../../platform/identity/schema.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { oidcIdentities, oidcLinkRequests, oidcProviders, type OidcProvider } from '../schema.ts';

const LINK_HOURS = 24;

/**
 * Inside a first sign-in's transaction: when the provider's e-mail claim is an account's address,
 * that account is mailed a link that would tie the provider's account to it. Nothing is linked here,
 * and the person at the provider is told the same whether an account has that address or not.
 */
export async function offerLinkByMail(
  tx: Transaction,
  deps: Pick<CommandDeps, 'publicUrl'>,
  input: { provider: OidcProvider; subject: string; email: string | null },
): Promise<void> {
  if (!input.email) return;
  const [user] = await tx
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, input.email.toLowerCase()), isNull(users.deactivatedAt)));
  if (!user?.emailConfirmedAt) return;
  const { token, hash } = newSecretToken();
  await tx.insert(oidcLinkRequests).values({
    tokenHash: hash,
    userId: user.id,
    providerId: input.provider.id,
    subject: input.subject,
    expiresAt: new Date(Date.now() + LINK_HOURS * 3_600_000),
  });
  const t = translator(user.locale as Locale);
  await enqueueMail(tx, {
    to: user.email,
    subject: t('oidc.linkMail.subject', { provider: input.provider.label }),
    text: [
      t('mail.greeting', { name: user.displayName }),
      '',
      t('oidc.linkMail.body', { provider: input.provider.label }),
      '',
      `${deps.publicUrl}/sign-in/link-provider?token=${token}`,
      '',
      t('mail.signature'),
    ].join('\n'),
  });
}

export type LinkByMailRefusal = 'link-invalid' | 'linked-elsewhere';

/** The provider a mailed link would link, to show before confirming; null if the link is not valid (any more). */
export async function linkOffered(deps: CommandDeps, token: string): Promise<{ provider: string } | null> {
  const [row] = await deps.db
    .select({ provider: oidcProviders.label })
    .from(oidcLinkRequests)
    .innerJoin(oidcProviders, eq(oidcProviders.id, oidcLinkRequests.providerId))
    .where(
      and(
        eq(oidcLinkRequests.tokenHash, hashToken(token)),
        isNull(oidcLinkRequests.usedAt),
        gt(oidcLinkRequests.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Confirms a mailed link (once, within a day): the provider's account is linked to the mailed
 * account, whose owner then signs in through the provider. Every other pending link for the same
 * provider's account is voided.
 */
export async function confirmLinkByMail(deps: CommandDeps, token: string): Promise<Outcome<void, LinkByMailRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [request] = await tx
        .update(oidcLinkRequests)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(oidcLinkRequests.tokenHash, hashToken(token)),
            isNull(oidcLinkRequests.usedAt),
            gt(oidcLinkRequests.expiresAt, new Date()),
          ),
        )
        .returning();
      if (!request) return refuse('link-invalid');
      const [linked] = await tx
        .insert(oidcIdentities)
        .values({ providerId: request.providerId, subject: request.subject, userId: request.userId })
        .onConflictDoNothing()
        .returning({ id: oidcIdentities.id });
      if (!linked) return refuse('linked-elsewhere');
      await tx
        .update(oidcLinkRequests)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(oidcLinkRequests.providerId, request.providerId),
            eq(oidcLinkRequests.subject, request.subject),
            isNull(oidcLinkRequests.usedAt),
          ),
        );
      await recordAudit(tx, {
        actorId: request.userId,
        action: 'oidc.linked',
        subjectType: 'user',
        subjectId: request.userId,
        after: { identityId: linked.id, confirmedBy: 'mail' },
      });
    }),
  );
}
