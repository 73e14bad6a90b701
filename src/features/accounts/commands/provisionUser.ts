import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { hashPassword } from '../../../platform/identity/passwords.ts';
import { users } from '../../../platform/identity/schema.ts';

export interface ProvisionInput {
  email: string;
  displayName: string;
  /**
   * The password, or its hash when many accounts get the same one (the demo's, which is published): argon2
   * takes 30 ms of CPU per hash, and the demo provisions forty accounts.
   */
  password: string | { hash: string };
  locale: Locale;
  platformAdmin: boolean;
}

/**
 * Creates a confirmed account from the command line or the demo loader, where there is a person at
 * the machine and no mailbox to prove. An existing account keeps its password and, if asked, is
 * made administrator of the installation. Returns the account id and whether it was created.
 */
export async function provisionUser(
  deps: CommandDeps,
  input: ProvisionInput,
): Promise<{ id: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = typeof input.password === 'string' ? await hashPassword(input.password) : input.password.hash;
  return inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        displayName: input.displayName,
        passwordHash,
        locale: input.locale,
        emailConfirmedAt: new Date(),
        isPlatformAdmin: input.platformAdmin,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (created) {
      await recordAudit(tx, {
        actorId: null,
        action: 'user.provisioned',
        subjectType: 'user',
        subjectId: created.id,
        after: { email, platformAdmin: input.platformAdmin },
        reason: 'command line',
      });
      return { id: created.id, created: true };
    }
    const [existing] = await tx
      .select()
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (input.platformAdmin && !existing!.isPlatformAdmin) {
      await tx.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, existing!.id));
      await recordAudit(tx, {
        actorId: null,
        action: 'user.made-platform-admin',
        subjectType: 'user',
        subjectId: existing!.id,
        before: { platformAdmin: false },
        after: { platformAdmin: true },
        reason: 'command line',
      });
    }
    return { id: existing!.id, created: false };
  });
}
