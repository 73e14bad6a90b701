import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { accountMail } from '../mails.ts';
import { issueToken } from '../tokens.ts';

/** Mails a reset link if the address has an account; says nothing either way, so accounts are not revealed. */
export async function requestPasswordReset(deps: CommandDeps, input: { email: string }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email))
      .limit(1);
    if (!user) return;
    const token = await issueToken(tx, user.id, 'reset-password');
    await enqueueMail(
      tx,
      accountMail(
        'reset',
        { ...user, locale: user.locale as Locale },
        `${deps.publicUrl}/account/reset?token=${token}`,
      ),
    );
  });
}
