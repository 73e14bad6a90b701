import { eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../domain/locale.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { DUMMY_HASH, verifyPassword } from '../../../platform/identity/passwords.ts';
import { users } from '../../../platform/identity/schema.ts';
import { closeSession, openFirstFactorSession, withheldFor } from '../../../platform/identity/sessions.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import type { SignInInput } from '../forms.ts';
import { accountMail } from '../mails.ts';
import { clearSignInFailures, recordSignInFailure, signInPausedUntil } from '../signInThrottles.ts';
import { issueToken } from '../tokens.ts';

export type SignInResult =
  /** `pending`: the session waits for the person's second factor (the second-factor step). */
  | {
      status: 'signed-in';
      token: string;
      pending: boolean;
      /**
       * A role of the person's needs a second factor they have not set up (a funder's, or the
       * installation's administration): the page to set one up comes first.
       */
      secondFactorToSetUp: boolean;
    }
  | { status: 'failed' }
  | { status: 'unconfirmed' }
  | { status: 'deactivated' }
  /** Too many failures on this address: no password is checked until then, not even the right one. */
  | { status: 'paused'; until: Date };

/**
 * Checks the password and opens a new session (one waiting for the second factor, for a person who
 * has set one up: platform/identity/sessions.ts). Any session the browser had is closed first, so a
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
    const { token, pending } = await openFirstFactorSession(tx, user.id, { method: 'password', acr: null });
    if (pending) return { status: 'signed-in', token, pending, secondFactorToSetUp: false } as const;
    await recordAudit(tx, { actorId: user.id, action: 'session.opened', subjectType: 'user', subjectId: user.id });
    const withheld = await withheldFor(tx, user.id, { method: 'password', acr: null, secondFactor: null });
    const secondFactorToSetUp = [...withheld.grants.flatMap((w) => w.unmet), ...withheld.installationAdmin].includes(
      'second-factor',
    );
    return { status: 'signed-in', token, pending, secondFactorToSetUp } as const;
  });
}
