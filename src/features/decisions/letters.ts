// The decision letter of one application, in the applicant's language: the decision, the amount,
// the scores and comments the panel agreed on, and the reason for a project not funded.
import { formatCalendarDate } from '../../domain/brusselsTime.ts';
import type { EvaluationCriterion } from '../../domain/callCriteria.ts';
import type { Locale } from '../../domain/locale.ts';
import { formatMoney } from '../../domain/money.ts';
import { formatCount } from '../../domain/numbers.ts';
import { frenchNameInSentence, frenchTypography } from '../../domain/frenchText.ts';
import { inLocale, type Translated } from '../../domain/translated.ts';
import { translator, type MessageKey } from '../../platform/i18n/i18n.ts';
import type { PdfBlock, PdfDocumentSpec } from '../../platform/pdf/renderPdf.ts';
import type { Outcome } from './schema.ts';

export interface LetterFacts {
  locale: Locale;
  funderName: Translated;
  callTitle: Translated;
  decidingBody: Translated;
  decidedOn: string; // ISO date
  /** The funder's letterhead and where to reply: its postal address lines, its contact address, its logo if uploaded. */
  funder: { address: string[]; contactEmail: string | null; logo: Buffer | null };
  /** Who signs for the deciding body, as entered with the decision (empty: nobody named). */
  signatory: { name: string; function: Translated };
  /** How to contest, as entered with the decision; null: the default text (the Council of State, 60 days). */
  appealRoutes: Translated | null;
  recordedAt: Date;
  application: { reference: string; title: string; organisationName: string; requestedCents: number };
  outcome: {
    outcome: Outcome;
    amountCents: number | null;
    partial: boolean;
    rank: number | null;
    reason: string;
    promoted?: boolean;
  };
  /** Position on the reserve list (1 for the first), for a reserve application. */
  reservePosition: number | null;
  rankedCount: number;
  criteria: readonly EvaluationCriterion[];
  /** The panel's agreed scores and comments; null for an application that was never scored. */
  consensus: {
    scores: Record<string, number>;
    comments: Record<string, string>;
    comment: string;
    total: number;
  } | null;
  /** A plain-language label of a rule named in the reason (a target public), when there is one. */
  ruleLabel?: string;
}

/** The reason an application was not funded, as the letter says it. */
function reasonKey(outcome: Outcome, reason: string): MessageKey {
  if (outcome === 'selected') return 'letter.reason.selected';
  if (outcome === 'reserve') return 'letter.reason.reserve';
  if (reason === 'ineligible') return 'letter.reason.ineligible';
  if (reason === 'below-threshold') return 'letter.reason.belowThreshold';
  if (reason === 'fixed') return 'letter.reason.excluded';
  if (reason.startsWith('rule:')) return 'letter.reason.rule';
  return 'letter.reason.budget';
}

export function letterSpec(facts: LetterFacts): PdfDocumentSpec {
  const { locale, application, outcome } = facts;
  const translate = translator(locale);
  // French sentences get their typography (contractions, spaces before : ; ! ?) from one helper.
  const t: typeof translate = (key, values) =>
    locale === 'fr' ? frenchTypography(translate(key, values)) : translate(key, values);
  const money = (cents: number) => formatMoney(cents, locale, { cents: true });
  const score = (n: number) => formatCount(n, locale);
  const date = formatCalendarDate(facts.decidedOn, locale);
  const funderName = inLocale(facts.funderName, locale);
  // A name inside a sentence: "le Gouvernement", never "Le Gouvernement" after a comma.
  const decidingBody = inLocale(facts.decidingBody, locale);
  const body = locale === 'fr' ? frenchNameInSentence(decidingBody) : decidingBody;
  const appealRoutes = facts.appealRoutes ? inLocale(facts.appealRoutes, locale).trim() : '';
  const signatoryFunction = inLocale(facts.signatory.function, locale).trim();
  const blocks: PdfBlock[] = [
    { type: 'heading', level: 1, text: t('letter.title', { reference: application.reference }) },
    { type: 'paragraph', text: t('letter.greeting', { organisation: application.organisationName }) },
  ];
  const about = { body, date, title: application.title, call: inLocale(facts.callTitle, locale) };
  if (outcome.outcome === 'selected') {
    blocks.push({
      type: 'paragraph',
      text: t(outcome.promoted ? 'letter.promoted' : 'letter.selected', {
        ...about,
        amount: money(outcome.amountCents ?? 0),
      }),
    });
    if (outcome.partial)
      blocks.push({
        type: 'paragraph',
        text: t(outcome.reason === 'fixed' ? 'letter.partialFixed' : 'letter.partial', {
          amount: money(outcome.amountCents ?? 0),
          requested: money(application.requestedCents),
        }),
      });
    blocks.push({ type: 'paragraph', text: t('letter.nextSteps') });
  } else if (outcome.outcome === 'reserve') {
    blocks.push({ type: 'paragraph', text: t('letter.reserve', { ...about, position: facts.reservePosition ?? 0 }) });
  } else {
    blocks.push({ type: 'paragraph', text: t('letter.notSelected', about) });
    blocks.push({
      type: 'paragraph',
      text: t(reasonKey(outcome.outcome, outcome.reason), { rule: facts.ruleLabel ?? '' }),
    });
  }

  if (facts.consensus) {
    const c = facts.consensus;
    blocks.push({ type: 'heading', level: 2, text: t('letter.scores') });
    if (outcome.rank !== null)
      blocks.push({
        type: 'paragraph',
        text: t('letter.rank', { rank: outcome.rank, count: facts.rankedCount, total: score(c.total) }),
      });
    blocks.push({
      type: 'table',
      caption: t('letter.scoresCaption'),
      header: [t('letter.criterion'), t('letter.score'), t('letter.comment')],
      rows: facts.criteria.map((k) => [
        inLocale(k.name, locale),
        t('letter.scoreOf', { score: score(c.scores[k.id] ?? 0), max: k.maxScore }),
        c.comments[k.id] ?? '',
      ]),
      align: ['left', 'right', 'left'],
    });
    if (c.comment.trim())
      blocks.push(
        { type: 'heading', level: 2, text: t('letter.panelComment') },
        { type: 'paragraph', text: c.comment },
      );
  }
  blocks.push(
    { type: 'heading', level: 2, text: t('letter.appeal.title') },
    {
      type: 'paragraph',
      text: appealRoutes
        ? appealRoutes
        : t('letter.appeal.default', { funder: locale === 'fr' ? frenchNameInSentence(funderName) : funderName }),
    },
    {
      type: 'paragraph',
      text: facts.funder.contactEmail
        ? t('letter.contact', { email: facts.funder.contactEmail })
        : t('letter.questions'),
    },
    { type: 'paragraph', text: t('letter.signature', { body }) },
  );
  if (facts.signatory.name.trim())
    blocks.push({
      type: 'paragraph',
      text: signatoryFunction
        ? t('letter.signedBy', { name: facts.signatory.name.trim(), function: signatoryFunction })
        : facts.signatory.name.trim(),
    });

  return {
    lang: `${locale}-BE`,
    title: t('letter.title', { reference: application.reference }),
    author: inLocale(facts.funderName, locale),
    subject: inLocale(facts.callTitle, locale),
    createdAt: facts.recordedAt,
    ...(facts.funder.logo ? { logo: { image: facts.funder.logo, alt: funderName } } : {}),
    letterhead: [
      funderName,
      ...facts.funder.address,
      ...(facts.funder.contactEmail ? [facts.funder.contactEmail] : []),
      inLocale(facts.callTitle, locale),
      date,
    ],
    blocks,
  };
}
