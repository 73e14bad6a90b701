import { isLocale, type Locale } from '../../domain/locale.ts';
import type { Transaction } from '../db/client.ts';
import { translator, type MessageKey, type MessageValues } from '../i18n/i18n.ts';
import { enqueueMail } from './outbox.ts';

/** Someone a mail is written to, in their own language (French when theirs is unknown). */
export interface Recipient {
  email: string;
  displayName: string;
  locale: string;
}

/**
 * Queues one mail per person in `to`, each in their language, in the command's transaction: a greeting, the
 * body, the page it is about, the signature. `values` may depend on the language (a date written for it).
 */
export async function mailEach(
  tx: Transaction,
  to: readonly Recipient[],
  mail: {
    subject: MessageKey;
    body: MessageKey;
    values: MessageValues | ((locale: Locale) => MessageValues);
    link: string;
    /** The funder whose contact address answers take; none for a mail between its own people. */
    funderId?: string;
  },
): Promise<void> {
  for (const person of to) {
    const locale = isLocale(person.locale) ? person.locale : 'fr';
    const t = translator(locale);
    const values = typeof mail.values === 'function' ? mail.values(locale) : mail.values;
    await enqueueMail(tx, {
      ...(mail.funderId ? { funderId: mail.funderId } : {}),
      to: person.email,
      subject: t(mail.subject, values),
      text: [
        t('mail.greeting', { name: person.displayName }),
        '',
        t(mail.body, values),
        '',
        mail.link,
        '',
        t('mail.signature'),
      ].join('\n'),
    });
  }
}
