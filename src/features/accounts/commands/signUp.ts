import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { users } from '../../../platform/identity/schema.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import type { SignUpInput } from '../forms.ts';
import { accountMail } from '../mails.ts';
import { issueToken } from '../tokens.ts';

/**
 * Creates an unconfirmed account and mails it a confirmation link. When the address already has an
 * account, its owner gets a mail saying so instead: the page is the same either way, so the form
 * does not reveal who has an account.
 */
export async function signUp(deps: CommandDeps, input: SignUpInput & { locale: Locale }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, displayName: input.displayName, passwordHash, locale: input.locale })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) {
      const token = await issueToken(tx, created.id, 'confirm-email');
      await recordAudit(tx, {
        actorId: created.id,
        action: 'user.signed-up',
        subjectType: 'user',
        subjectId: created.id,
        after: { email: input.email, locale: input.locale },
      });
      await enqueueMail(tx, accountMail('confirm', input, `${deps.publicUrl}/account/confirm?token=${token}`));
      return;
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email))
      .limit(1);
    if (existing) {
      await enqueueMail(
        tx,
        accountMail(
          'alreadyRegistered',
          { ...existing, locale: existing.locale as Locale },
          `${deps.publicUrl}/sign-in`,
        ),
      );
    }
  });
}
