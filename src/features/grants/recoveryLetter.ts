// The letter that claims money back from a grantee, in the grant's language, rendered as a tagged PDF by the
// letters' renderer: who owes what and why, where the grant stands, and how to pay (the funder's account and
// a structured communication of its own, so that the bank statement says which claim a transfer settles).
import { formatCalendarDate } from '../../domain/brusselsTime.ts';
import type { CalendarDate } from '../../domain/calendarDate.ts';
import { amountInWords } from '../../domain/grants/amountInWords.ts';
import type { GrantLedger } from '../../domain/grants/ledger.ts';
import { formatIban } from '../../domain/iban.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatMoney, type Cents } from '../../domain/money.ts';
import { formatStructuredCommunication } from '../../domain/structuredCommunication.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { PdfDocumentSpec } from '../../platform/pdf/renderPdf.ts';

export interface RecoveryLetterFacts {
  locale: Locale;
  createdAt: Date;
  /** The funder, its logo (if uploaded) above the letterhead. */
  funder: { name: Translated; address: string; logo: Buffer | null };
  callTitle: Translated;
  organisation: { name: string; address: string };
  project: { reference: string; title: string };
  amountCents: Cents;
  reason: string;
  ledger: Pick<GrantLedger, 'entitlementCents' | 'paidCents' | 'justifiedCents'>;
  /** Where to pay back: the funder's account (null when it set none: the letter then says to wait for it). */
  account: { name: string; iban: string } | null;
  communication: string;
  payBy: CalendarDate;
}

export function recoveryLetterSpec(facts: RecoveryLetterFacts): PdfDocumentSpec {
  const { locale, project } = facts;
  const t = translator(locale);
  const money = (cents: Cents) => formatMoney(cents, locale, { cents: true });
  const funderName = inLocale(facts.funder.name, locale);
  const title = t('grants.recovery.letter.title', { reference: project.reference });
  return {
    lang: `${locale}-BE`,
    title,
    author: funderName,
    subject: inLocale(facts.callTitle, locale),
    createdAt: facts.createdAt,
    ...(facts.funder.logo ? { logo: { image: facts.funder.logo, alt: funderName } } : {}),
    letterhead: [funderName, facts.funder.address, inLocale(facts.callTitle, locale)].filter(Boolean),
    blocks: [
      { type: 'paragraph', text: `${facts.organisation.name}\n${facts.organisation.address}` },
      { type: 'heading', level: 1, text: title },
      {
        type: 'paragraph',
        text: t('grants.recovery.letter.intro', {
          title: project.title,
          reference: project.reference,
          call: inLocale(facts.callTitle, locale),
        }),
      },
      {
        type: 'paragraph',
        text: t('grants.recovery.letter.amount', {
          amount: money(facts.amountCents),
          words: amountInWords(facts.amountCents, locale),
        }),
      },
      { type: 'heading', level: 2, text: t('grants.recovery.letter.reasonHeading') },
      { type: 'paragraph', text: facts.reason },
      {
        type: 'table',
        caption: t('grants.recovery.letter.ledgerCaption'),
        header: [t('grants.recovery.letter.item'), t('grants.tranche.amount')],
        rows: [
          [t('grants.ledger.entitlement'), money(facts.ledger.entitlementCents)],
          [t('grants.ledger.paid'), money(facts.ledger.paidCents)],
          [t('grants.ledger.justified'), money(facts.ledger.justifiedCents)],
          [t('grants.recovery.letter.claimed'), money(facts.amountCents)],
        ],
        align: ['left', 'right'],
      },
      { type: 'heading', level: 2, text: t('grants.recovery.letter.payHeading') },
      {
        type: 'paragraph',
        text: facts.account
          ? t('grants.recovery.letter.pay', {
              date: formatCalendarDate(facts.payBy, locale),
              iban: formatIban(facts.account.iban),
              holder: facts.account.name,
              communication: formatStructuredCommunication(facts.communication),
            })
          : t('grants.recovery.letter.payLater', { date: formatCalendarDate(facts.payBy, locale) }),
      },
      { type: 'paragraph', text: t('grants.recovery.letter.contest') },
    ],
  };
}
