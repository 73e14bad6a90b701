import type { Locale } from '../../domain/locale.ts';
import { translator, type MessageKey, type MessageValues } from '../../platform/i18n/i18n.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';

/** The mails of the accounts capability, written in the recipient's own language. */
export function accountMail(
  kind: 'confirm' | 'alreadyRegistered' | 'reset' | 'signInPaused',
  to: { email: string; displayName: string; locale: Locale },
  link: string,
  values?: MessageValues,
): OutgoingMail {
  const t = translator(to.locale);
  return {
    to: to.email,
    subject: t(`mail.${kind}.subject` as MessageKey),
    text: [
      t('mail.greeting', { name: to.displayName }),
      '',
      t(`mail.${kind}.body` as MessageKey, values),
      '',
      link,
      '',
      t('mail.signature'),
    ].join('\n'),
  };
}
