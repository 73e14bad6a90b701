// The grant agreement, in the organisation's language, rendered as a tagged PDF by the letters' renderer: the
// parties, the project, the amount in figures and words, the period, the tranche plan with the account it is
// paid to, the reporting duties and the rules that apply. One text for every call (its title and its plan fill
// it in); what an officer sends is the document the grantee accepts, fixed by its SHA-256.
import { formatCalendarDate } from '../../domain/brusselsTime.ts';
import type { CalendarDate } from '../../domain/calendarDate.ts';
import type { AgreementBudget, AmendmentKind } from '../../domain/grants/amendment.ts';
import { amountInWords } from '../../domain/grants/amountInWords.ts';
import type { TrancheTrigger } from '../../domain/grants/tranchePlan.ts';
import { formatIban } from '../../domain/iban.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatMoney, type Cents } from '../../domain/money.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import { translator, type MessageKey } from '../../platform/i18n/i18n.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../platform/pdf/renderPdf.ts';

export interface AgreementFacts {
  locale: Locale;
  version: number;
  reason: string | null;
  createdAt: Date;
  funder: {
    name: Translated;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    /** Its logo if uploaded, above the letterhead. */
    logo: Buffer | null;
  };
  callTitle: Translated;
  awardedOn: CalendarDate;
  organisation: {
    name: string;
    enterpriseNumber: string;
    street: string;
    postalCode: string;
    city: string;
    iban: string;
    accountHolder: string;
  };
  project: { reference: string; title: string };
  /** The call's own clauses in this language (its agreement template), paragraphs split on blank lines. */
  clauses?: string | null;
  /** What an amendment changes, and the budget table this version binds (shown for a budget revision). */
  amendmentKind?: AmendmentKind | null;
  budget?: AgreementBudget | null;
  amountCents: Cents;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  tranches: readonly {
    number: number;
    percent: number;
    trigger: TrancheTrigger;
    dueOn: CalendarDate | null;
    amountCents: Cents;
  }[];
}

export const TRIGGER_LABELS: Record<TrancheTrigger, MessageKey> = {
  signature: 'grants.trigger.signature',
  'interim-report': 'grants.trigger.interim-report',
  'final-report': 'grants.trigger.final-report',
  date: 'grants.trigger.date',
};

export const AMENDMENT_KIND_LABELS: Record<AmendmentKind, MessageKey> = {
  extension: 'grants.amendment.kind.extension',
  'budget-revision': 'grants.amendment.kind.budget-revision',
};

type T = ReturnType<typeof translator>;

// A budget revision states the table it binds; version 1 and extensions refer to the application's.
function budgetBlocks(facts: AgreementFacts, t: T, money: (c: Cents) => string): PdfBlock[] {
  if (facts.amendmentKind !== 'budget-revision' || !facts.budget) return [];
  return [
    { type: 'heading', level: 2, text: t('grants.amendment.budgetHeading') },
    {
      type: 'table',
      caption: t('grants.amendment.budgetCaption'),
      header: [t('grants.amendment.budgetLine'), t('grants.tranche.amount')],
      rows: [
        ...facts.budget.lines.map((l) => [l.label, money(l.amountCents)]),
        [t('grants.batch.total'), money(facts.budget.totalCents)],
      ],
      align: ['left', 'right'],
    },
  ];
}

// The call's own clauses come after the standard articles, as its specific conditions.
function clauseBlocks(clauses: string | null | undefined, t: T): PdfBlock[] {
  const paragraphs = (clauses ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!paragraphs.length) return [];
  return [
    { type: 'heading', level: 2, text: t('grants.agreement.article.callClauses') },
    ...paragraphs.map((text): PdfBlock => ({ type: 'paragraph', text })),
  ];
}

const enterprise = (n: string) => `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;

export function agreementSpec(facts: AgreementFacts): PdfDocumentSpec {
  const { locale, organisation: org, project } = facts;
  const t = translator(locale);
  const money = (cents: Cents) => formatMoney(cents, locale, { cents: true });
  const date = (d: CalendarDate) => formatCalendarDate(d, locale);
  const funderName = inLocale(facts.funder.name, locale);
  const funderAddress = [facts.funder.street, [facts.funder.postalCode, facts.funder.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const title =
    facts.version === 1
      ? t('grants.agreement.title', { reference: project.reference })
      : t('grants.agreement.amendmentTitle', { reference: project.reference, version: facts.version });
  const blocks: PdfBlock[] = [
    { type: 'heading', level: 1, text: title },
    { type: 'heading', level: 2, text: t('grants.agreement.parties') },
    {
      type: 'paragraph',
      text: t('grants.agreement.funderParty', { funder: funderName, address: funderAddress || '—' }),
    },
    {
      type: 'paragraph',
      text: t('grants.agreement.grantee', {
        organisation: org.name,
        enterprise: enterprise(org.enterpriseNumber),
        address: `${org.street}, ${org.postalCode} ${org.city}`,
      }),
    },
  ];
  if (facts.reason)
    blocks.push({ type: 'paragraph', text: t('grants.agreement.amendmentReason', { reason: facts.reason }) });
  if (facts.amendmentKind) blocks.push({ type: 'paragraph', text: t(AMENDMENT_KIND_LABELS[facts.amendmentKind]) });
  blocks.push(
    { type: 'heading', level: 2, text: t('grants.agreement.article.object') },
    {
      type: 'paragraph',
      text: t('grants.agreement.object', {
        title: project.title,
        reference: project.reference,
        call: inLocale(facts.callTitle, locale),
        date: date(facts.awardedOn),
      }),
    },
    { type: 'heading', level: 2, text: t('grants.agreement.article.amount') },
    {
      type: 'paragraph',
      text: t('grants.agreement.amount', {
        amount: money(facts.amountCents),
        words: amountInWords(facts.amountCents, locale),
      }),
    },
    { type: 'heading', level: 2, text: t('grants.agreement.article.period') },
    {
      type: 'paragraph',
      text: t('grants.agreement.period', { start: date(facts.periodStart), end: date(facts.periodEnd) }),
    },
    { type: 'heading', level: 2, text: t('grants.agreement.article.payment') },
    {
      type: 'paragraph',
      text: t('grants.agreement.payment', { iban: formatIban(org.iban), holder: org.accountHolder }),
    },
    {
      type: 'table',
      caption: t('grants.agreement.tranchesCaption'),
      header: [
        t('grants.tranche.number'),
        t('grants.tranche.condition'),
        t('grants.tranche.percent'),
        t('grants.tranche.amount'),
      ],
      rows: facts.tranches.map((tr) => [
        String(tr.number),
        t(TRIGGER_LABELS[tr.trigger], { date: tr.dueOn ? date(tr.dueOn) : '' }),
        `${tr.percent} %`,
        money(tr.amountCents),
      ]),
      align: ['right', 'left', 'right', 'right'],
    },
    ...budgetBlocks(facts, t, money),
    { type: 'heading', level: 2, text: t('grants.agreement.article.reporting') },
    { type: 'paragraph', text: t('grants.agreement.reporting', { end: date(facts.periodEnd) }) },
    { type: 'heading', level: 2, text: t('grants.agreement.article.rules') },
    {
      type: 'list',
      items: [
        t('grants.agreement.rule.deMinimis'),
        t('grants.agreement.rule.recovery'),
        t('grants.agreement.rule.control'),
      ],
    },
    ...clauseBlocks(facts.clauses, t),
    { type: 'heading', level: 2, text: t('grants.agreement.article.signature') },
    { type: 'paragraph', text: t('grants.agreement.signature', { funder: funderName, organisation: org.name }) },
  );
  return {
    lang: `${locale}-BE`,
    title,
    author: funderName,
    subject: inLocale(facts.callTitle, locale),
    createdAt: facts.createdAt,
    ...(facts.funder.logo ? { logo: { image: facts.funder.logo, alt: funderName } } : {}),
    letterhead: [funderName, funderAddress, inLocale(facts.callTitle, locale)].filter(Boolean),
    blocks,
  };
}
