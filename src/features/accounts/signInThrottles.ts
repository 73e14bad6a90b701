import { eq } from 'drizzle-orm';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { isLocale } from '../../domain/locale.ts';
import { afterFailure, pauseInForce, SIGN_IN_FAILURES_ALLOWED } from '../../domain/signInThrottle.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { inTransaction, type CommandDeps } from '../../platform/db/unitOfWork.ts';
import { signInThrottles } from '../../platform/identity/schema.ts';
import { hashToken } from '../../platform/identity/secrets.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { accountMail } from './mails.ts';

/** The throttle's key for an address typed: its SHA-256, lower-cased, so it is the same for every spelling. */
const keyOf = (email: string) => hashToken(email.trim().toLowerCase());

/** The end of the pause on this address, or null when it may sign in. */
export async function signInPausedUntil(db: Executor, email: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select()
    .from(signInThrottles)
    .where(eq(signInThrottles.emailHash, keyOf(email)));
  return pauseInForce(row ?? null, now);
}

/**
 * Counts a failed sign-in on this address, in the database so that every instance counts together
 * (the row is locked: two failures at once both count). Returns the end of the pause this failure
 * started, if it started one; the account's owner, if there is an account, is then told by mail.
 */
export async function recordSignInFailure(
  deps: CommandDeps,
  email: string,
  owner: { id: string; email: string; displayName: string; locale: string } | null,
  now: Date,
): Promise<Date | null> {
  const emailHash = keyOf(email);
  return inTransaction(deps, async (tx) => {
    await tx.insert(signInThrottles).values({ emailHash, failures: 0, windowStartedAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(signInThrottles).where(eq(signInThrottles.emailHash, emailHash)).for('update');
    const next = afterFailure(row ?? null, now);
    await tx.update(signInThrottles).set(next.throttle).where(eq(signInThrottles.emailHash, emailHash));
    const until = next.paused ? next.throttle.pausedUntil : null;
    if (!until || !owner) return until;
    await recordAudit(tx, {
      actorId: null,
      action: 'user.sign-in-paused',
      subjectType: 'user',
      subjectId: owner.id,
      after: { failures: SIGN_IN_FAILURES_ALLOWED, until },
    });
    const locale = isLocale(owner.locale) ? owner.locale : 'fr';
    await enqueueMail(
      tx,
      accountMail('signInPaused', { ...owner, locale }, `${deps.publicUrl}/forgot-password`, {
        count: SIGN_IN_FAILURES_ALLOWED,
        until: formatInstant(until, locale, 'time'),
      }),
    );
    return until;
  });
}

/** Forgets the failures on this address: after a successful sign-in, or a password reset (which lifts a pause). */
export async function clearSignInFailures(tx: Transaction, email: string): Promise<void> {
  await tx.delete(signInThrottles).where(eq(signInThrottles.emailHash, keyOf(email)));
}
