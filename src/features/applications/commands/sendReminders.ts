import { and, eq, inArray, isNull } from 'drizzle-orm';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { isLocale } from '../../../domain/locale.ts';
import { inLocale } from '../../../domain/translated.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { translator } from '../../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applicationReminders, applications } from '../schema.ts';

// Each reminder has its window before the deadline: a draft started an hour before it gets only the last one.
const REMINDERS = [
  { kind: '48h', fromMs: 48 * 3_600_000, toMs: 2 * 3_600_000 },
  { kind: '2h', fromMs: 2 * 3_600_000, toMs: 0 },
] as const;

/**
 * Reminds the members of every unsubmitted draft 48 hours and 2 hours before its call's deadline,
 * once each. Run by the clock every minute; a reminder is recorded in the transaction that queues
 * its mails, so a crash never sends one twice nor skips one.
 */
export async function sendDeadlineReminders(deps: ApplicationsDeps, now = new Date()): Promise<number> {
  let sent = 0;
  const drafts = await deps.db
    .select({
      id: applications.id,
      callId: applications.callId,
      organisationId: applications.organisationId,
      title: applications.title,
    })
    .from(applications)
    .where(eq(applications.status, 'draft'));
  const byCall = new Map<string, typeof drafts>();
  for (const d of drafts) byCall.set(d.callId, [...(byCall.get(d.callId) ?? []), d]);
  for (const [callId, list] of byCall) {
    const { call } = await deps.calls.applicationContext(callId).catch(() => ({ call: null }));
    if (!call?.closesAt || call.status !== 'published' || call.closesAt <= now) continue;
    for (const reminder of REMINDERS) {
      const left = call.closesAt.getTime() - now.getTime();
      if (left > reminder.fromMs || left <= reminder.toMs) continue;
      const due = await deps.db
        .select({ id: applications.id })
        .from(applications)
        .leftJoin(
          applicationReminders,
          and(eq(applicationReminders.applicationId, applications.id), eq(applicationReminders.kind, reminder.kind)),
        )
        .where(
          and(
            inArray(
              applications.id,
              list.map((d) => d.id),
            ),
            isNull(applicationReminders.applicationId),
            eq(applications.status, 'draft'),
          ),
        );
      for (const { id } of due) {
        const draft = list.find((d) => d.id === id)!;
        const recipients = await deps.organisations.recipients(draft.organisationId);
        await inTransaction(deps, async (tx) => {
          const [claimed] = await tx
            .insert(applicationReminders)
            .values({ applicationId: id, kind: reminder.kind })
            .onConflictDoNothing()
            .returning();
          if (!claimed) return;
          for (const member of recipients) {
            const locale = isLocale(member.locale) ? member.locale : 'fr';
            const t = translator(locale);
            await enqueueMail(tx, {
              to: member.email,
              subject: t('mail.reminder.subject', { call: inLocale(call.title, locale) }),
              text: [
                t('mail.greeting', { name: member.displayName }),
                '',
                t('mail.reminder.body', { title: draft.title, deadline: formatInstant(call.closesAt!, locale) }),
                '',
                `${deps.publicUrl}/applications/${id}`,
                '',
                t('mail.signature'),
              ].join('\n'),
            });
          }
          sent++;
        });
      }
    }
  }
  return sent;
}
