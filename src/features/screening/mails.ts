import type { EligibilityCriterion } from '../../domain/callCriteria.ts';
import { isLocale } from '../../domain/locale.ts';
import type { EligibilityDecision } from '../../domain/screening.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { OutgoingMail } from '../../platform/mail/outbox.ts';

/**
 * The mail telling a member of the applying organisation the eligibility decision, in their
 * language: for "not eligible", each criterion not met with its explanation, and the officer's reason.
 */
export function decisionMail(input: {
  to: { email: string; displayName: string; locale: string };
  decision: EligibilityDecision;
  application: { id: string; reference: string | null; title: string };
  callTitle: Translated;
  unmet: readonly EligibilityCriterion[];
  reason: string;
  publicUrl: string;
}): OutgoingMail {
  const locale = isLocale(input.to.locale) ? input.to.locale : 'fr';
  const t = translator(locale);
  const values = {
    reference: input.application.reference ?? '',
    title: input.application.title,
    call: inLocale(input.callTitle, locale),
  };
  const link = `${input.publicUrl}/applications/${input.application.id}`;
  const greeting = t('mail.greeting', { name: input.to.displayName });
  if (input.decision === 'eligible') {
    const text = [
      greeting,
      '',
      t('mail.screening.eligible.body', values),
      ...(input.reason ? ['', input.reason] : []),
      '',
      link,
      '',
      t('mail.signature'),
    ];
    return { to: input.to.email, subject: t('mail.screening.eligible.subject', values), text: text.join('\n') };
  }
  const criteria = input.unmet.map((c) => {
    const explanation = inLocale(c.explanation, locale).trim();
    return explanation
      ? t('mail.screening.ineligible.criterion', { criterion: inLocale(c.label, locale), explanation })
      : `- ${inLocale(c.label, locale)}`;
  });
  const text = [
    greeting,
    '',
    t('mail.screening.ineligible.body', values),
    '',
    ...criteria,
    '',
    t('mail.screening.ineligible.reason'),
    input.reason,
    '',
    t('mail.screening.ineligible.review'),
    '',
    link,
    '',
    t('mail.signature'),
  ];
  return { to: input.to.email, subject: t('mail.screening.ineligible.subject', values), text: text.join('\n') };
}
