import { translator } from '../../platform/i18n/i18n.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';
import type { WebhookEndpoint } from './schema.ts';

/**
 * Tells the funder's contact address that an endpoint was paused, in French and Dutch (the funder's
 * contact address has no language of its own): where, after how many failures, the last error, and
 * the page where it is resumed once the receiver is fixed.
 */
export function pausedMail(input: {
  to: string;
  endpoint: Pick<WebhookEndpoint, 'id' | 'url'>;
  failures: number;
  lastError: string | null;
  publicUrl: string;
}): OutgoingMail {
  const link = `${input.publicUrl}/admin/webhooks/${input.endpoint.id}`;
  const values = { url: input.endpoint.url, failures: input.failures, error: input.lastError ?? '' };
  const [fr, nl] = [translator('fr'), translator('nl')];
  return {
    to: input.to,
    subject: `${fr('webhooks.mail.paused.subject')} / ${nl('webhooks.mail.paused.subject')}`,
    text: [
      fr('webhooks.mail.paused.body', values),
      '',
      link,
      '',
      '—',
      '',
      nl('webhooks.mail.paused.body', values),
      '',
      link,
    ].join('\n'),
  };
}
