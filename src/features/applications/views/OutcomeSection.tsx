import { formatCalendarDate } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ApplicantOutcome } from '../../decisions/applicantOutcome.ts';

type Shown = 'selected' | 'reserve' | 'not-selected' | 'ineligible';

const OUTCOME: Record<Shown, MessageKey> = {
  selected: 'applicants.outcome.selected',
  reserve: 'applicants.outcome.reserve',
  'not-selected': 'applicants.outcome.notSelected',
  ineligible: 'applicants.outcome.ineligible',
};
const NEXT: Record<Shown, MessageKey> = {
  selected: 'applicants.outcome.next.selected',
  reserve: 'applicants.outcome.next.reserve',
  'not-selected': 'applicants.outcome.next.notSelected',
  ineligible: 'applicants.outcome.next.notSelected',
};

/** The decision on an application, on its own page: outcome, amount granted, and what comes next. */
export function OutcomeSection({
  ctx,
  applicationId,
  outcome,
}: {
  ctx: ViewContext;
  applicationId: string;
  outcome: ApplicantOutcome;
}) {
  const { t, locale } = ctx;
  const shown: Shown = outcome.outcome === 'not-selected' && outcome.ineligible ? 'ineligible' : outcome.outcome;
  return (
    <section class="card" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t('applicants.outcome.title')}</h2>
      <dl class="facts">
        <dt>{t('applicants.outcome.decision')}</dt>
        <dd>
          <strong>{t(OUTCOME[shown])}</strong>
          {outcome.promoted && <> ({t('applicants.outcome.promoted')})</>}
        </dd>
        {outcome.amountCents !== null && (
          <>
            <dt>{t('applicants.outcome.amount')}</dt>
            <dd>
              {formatMoney(outcome.amountCents, locale, { cents: outcome.amountCents % 100 !== 0 })}
              {outcome.partial && <> ({t('applicants.outcome.partial')})</>}
            </dd>
          </>
        )}
        <dt>{t('applicants.outcome.decidedOn')}</dt>
        <dd>{formatCalendarDate(outcome.decidedOn, locale)}</dd>
        <dt>{t('applicants.outcome.nextStep')}</dt>
        <dd>{t(NEXT[shown])}</dd>
      </dl>
      <p>
        {outcome.letterReady ? (
          <a href={`/applications/${applicationId}/letter`}>{t('application.decisionLetter')}</a>
        ) : (
          t('applicants.outcome.letterComing')
        )}
      </p>
    </section>
  );
}
