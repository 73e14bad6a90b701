import { formatInstant } from '../../domain/brusselsTime.ts';
import { isLocale } from '../../domain/locale.ts';
import type { Transaction } from '../../platform/db/client.ts';
import { translator, type MessageKey, type MessageValues } from '../../platform/i18n/i18n.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import type { ReportsDeps } from './deps.ts';

type Recipient = { email: string; displayName: string; locale: string };

/**
 * Queues one mail per member of the grantee organisation, in their language, in the command's transaction:
 * `subject` and `body` are message keys given the grant's reference, the due instant and `values`.
 */
export async function mailMembers(
  deps: Pick<ReportsDeps, 'publicUrl'>,
  tx: Transaction,
  to: readonly Recipient[],
  mail: {
    funderId: string;
    subject: MessageKey;
    body: MessageKey;
    reportId: string;
    reference: string;
    dueAt: Date;
    values?: MessageValues;
  },
): Promise<void> {
  for (const member of to) {
    const locale = isLocale(member.locale) ? member.locale : 'fr';
    const t = translator(locale);
    const values = { reference: mail.reference, due: formatInstant(mail.dueAt, locale), ...mail.values };
    await enqueueMail(tx, {
      funderId: mail.funderId,
      to: member.email,
      subject: t(mail.subject, values),
      text: [
        t('mail.greeting', { name: member.displayName }),
        '',
        t(mail.body, values),
        '',
        `${deps.publicUrl}/reports/${mail.reportId}`,
        '',
        t('mail.signature'),
      ].join('\n'),
    });
  }
}
