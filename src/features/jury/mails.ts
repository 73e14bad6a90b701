import { eq, sql } from 'drizzle-orm';
import { isLocale, type Locale } from '../../domain/locale.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import { users } from '../../platform/identity/schema.ts';
import { newSecretToken } from '../../platform/identity/secrets.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { jurors } from './schema.ts';

/** The language to write to an address in: its account's, else the given one (the officer's). */
export async function localeFor(tx: Transaction, email: string, fallback: Locale): Promise<Locale> {
  const [user] = await tx
    .select({ locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return isLocale(user?.locale) ? user.locale : fallback;
}

/**
 * Gives the seat a fresh invitation link (the previous one stops working) and mails it. Only the
 * link's hash is stored; the link is valid for INVITATION_DAYS from now.
 */
export async function mailInvitation(
  tx: Transaction,
  publicUrl: string,
  input: { jurorId: string; email: string; callTitle: Translated; locale: Locale; now: Date },
): Promise<void> {
  const { token, hash } = newSecretToken();
  await tx.update(jurors).set({ invitationHash: hash, invitedAt: input.now }).where(eq(jurors.id, input.jurorId));
  const locale = await localeFor(tx, input.email, input.locale);
  const t = translator(locale);
  const call = inLocale(input.callTitle, locale);
  await enqueueMail(tx, {
    to: input.email,
    subject: t('mail.jury.invitation.subject', { call }),
    text: [
      t('mail.jury.invitation.body', { call }),
      '',
      `${publicUrl}/jury/invitations/accept?token=${token}`,
      '',
      t('mail.jury.invitation.account'),
      '',
      t('mail.signature'),
    ].join('\n'),
  });
}

/**
 * Tells each juror given new applications how many, and where to score them: a juror learns of new
 * work without having to look. Queued in the assignment's transaction, sent after it commits.
 */
export async function mailAssignments(
  tx: Transaction,
  publicUrl: string,
  input: {
    pairs: readonly { jurorId: string }[];
    jurors: readonly { id: string; email: string }[];
    callTitle: Translated;
    locale: Locale;
  },
): Promise<void> {
  const added = new Map<string, number>();
  for (const p of input.pairs) added.set(p.jurorId, (added.get(p.jurorId) ?? 0) + 1);
  for (const juror of input.jurors) {
    const count = added.get(juror.id);
    if (!count) continue;
    const locale = await localeFor(tx, juror.email, input.locale);
    const t = translator(locale);
    const call = inLocale(input.callTitle, locale);
    await enqueueMail(tx, {
      to: juror.email,
      subject: t('mail.jury.assigned.subject', { call, count }),
      text: [t('mail.jury.assigned.body', { call, count }), '', `${publicUrl}/jury`, '', t('mail.signature')].join(
        '\n',
      ),
    });
  }
}

/** A reminder to a juror who has accepted: to sign the declaration, or to finish their evaluations. */
export async function mailReminder(
  tx: Transaction,
  publicUrl: string,
  input: { email: string; callId: string; callTitle: Translated; pending: number | null; locale: Locale },
): Promise<void> {
  const locale = await localeFor(tx, input.email, input.locale);
  const t = translator(locale);
  const call = inLocale(input.callTitle, locale);
  const body =
    input.pending === null
      ? t('mail.jury.reminder.declaration', { call })
      : t('mail.jury.reminder.evaluations', { call, count: input.pending });
  const link = input.pending === null ? `${publicUrl}/jury/calls/${input.callId}/declaration` : `${publicUrl}/jury`;
  await enqueueMail(tx, {
    to: input.email,
    subject: t('mail.jury.reminder.subject', { call }),
    text: [body, '', link, '', t('mail.signature')].join('\n'),
  });
}
