import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { DUMMY_HASH, verifyPassword } from '../../../platform/identity/passwords.ts';
import { users } from '../../../platform/identity/schema.ts';
import { closeSession, openSession } from '../../../platform/identity/sessions.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import type { SignInInput } from '../forms.ts';
import { accountMail } from '../mails.ts';
import { clearSignInFailures, recordSignInFailure, signInPausedUntil } from '../signInThrottles.ts';
import { issueToken } from '../tokens.ts';

export type SignInResult =
  | { status: 'signed-in'; token: string }
  | { status: 'failed' }
  | { status: 'unconfirmed' }
  | { status: 'deactivated' }
  /** Too many failures on this address: no password is checked until then, not even the right one. */
  | { status: 'paused'; until: Date };

/**
 * Checks the password and opens a new session. Any session the browser had is closed first, so a
 * session id planted before sign-in is worthless after it (session fixation). A language chosen
 * with the switch before signing in becomes the account's language.
 * Failures are counted per address typed (signInThrottles.ts): an unknown address is answered,
 * counted and paused exactly like a known one, and its password is hashed too, so neither the
 * answer nor its time tells whether the address has an account.
 */
export async function signIn(
  deps: CommandDeps,
  input: SignInInput & { previousSession?: string | undefined; chosenLocale?: Locale | undefined; now?: Date },
): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const paused = await signInPausedUntil(deps.db, input.email, now);
  if (paused) return { status: 'paused', until: paused };
  const [user] = await deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email))
    .limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) {
    const until = await recordSignInFailure(deps, input.email, user ?? null, now);
    return until ? { status: 'paused', until } : { status: 'failed' };
  }
  // Told only to whoever knows the password: it reveals nothing to someone guessing addresses.
  if (user.deactivatedAt) return { status: 'deactivated' };

  return inTransaction(deps, async (tx) => {
    await clearSignInFailures(tx, input.email);
    if (!user.emailConfirmedAt) {
      const token = await issueToken(tx, user.id, 'confirm-email');
      await enqueueMail(
        tx,
        accountMail(
          'confirm',
          { ...user, locale: user.locale as Locale },
          `${deps.publicUrl}/account/confirm?token=${token}`,
        ),
      );
      return { status: 'unconfirmed' } as const;
    }
    if (input.previousSession) await closeSession(tx, input.previousSession);
    if (input.chosenLocale && input.chosenLocale !== user.locale) {
      await tx.update(users).set({ locale: input.chosenLocale }).where(eq(users.id, user.id));
    }
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    const token = await openSession(tx, user.id);
    await recordAudit(tx, { actorId: user.id, action: 'session.opened', subjectType: 'user', subjectId: user.id });
    return { status: 'signed-in', token } as const;
  });
}
