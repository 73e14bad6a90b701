import { formatInstant } from '../../domain/brusselsTime.ts';
import type { Transaction } from '../../platform/db/client.ts';
import type { MessageKey, MessageValues } from '../../platform/i18n/i18n.ts';
import { mailEach, type Recipient } from '../../platform/mail/personalMail.ts';
import type { ReportsDeps } from './deps.ts';

/**
 * Queues one mail per member of the grantee organisation (or per officer), in their language, in the command's
 * transaction: `subject` and `body` are message keys given the grant's reference, the due instant and `values`.
 */
export async function mailMembers(
  deps: Pick<ReportsDeps, 'publicUrl'>,
  tx: Transaction,
  to: readonly Recipient[],
  mail: {
    funderId?: string;
    subject: MessageKey;
    body: MessageKey;
    reportId: string;
    reference: string;
    dueAt: Date;
    values?: MessageValues;
  },
): Promise<void> {
  await mailEach(tx, to, {
    subject: mail.subject,
    body: mail.body,
    ...(mail.funderId ? { funderId: mail.funderId } : {}),
    link: `${deps.publicUrl}/reports/${mail.reportId}`,
    values: (locale) => ({ reference: mail.reference, due: formatInstant(mail.dueAt, locale), ...mail.values }),
  });
}
