import { eq } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { users } from '../../../platform/identity/schema.ts';

/** Remembers the language of a signed-in person: pages and the mails they receive use it. */
export async function setLanguage(deps: CommandDeps, input: { userId: string; locale: Locale }): Promise<void> {
  await inTransaction(deps, async (tx) => {
    const [before] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, input.userId));
    if (!before || before.locale === input.locale) return;
    await tx.update(users).set({ locale: input.locale }).where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'user.language-set',
      subjectType: 'user',
      subjectId: input.userId,
      before,
      after: { locale: input.locale },
    });
  });
}
