import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { AnswersView } from '../../forms/AnswersView.tsx';
import type { ApplicationScreening } from '../service.ts';
import { enterpriseNumberText, progressText } from './CallScreeningPage.tsx';
import { ChecklistForm, ChecklistTable, type ChecklistFormState } from './ChecklistForm.tsx';
import { DecisionSection, HistorySection, ReopenSection, type SimpleFormState } from './DecisionSections.tsx';
import { CallPageNav } from '../../calls/views/CallNav.tsx';
import { OrganisationDocumentsList } from '../../organisations/views/OrganisationDocumentsList.tsx';

interface Props {
  ctx: ViewContext;
  state: ApplicationScreening;
  /** Why the last action was refused, as a translated message. */
  problem?: MessageKey | undefined;
  checklistForm?: ChecklistFormState | undefined;
  decisionForm?: SimpleFormState | undefined;
  reopenForm?: SimpleFormState | undefined;
}

/**
 * One application's screening: where it stands, the checklist against the call's eligibility
 * criteria, the decision it allows, reopening a refusal, the history, and the application itself.
 */
export function ApplicationScreeningPage({ ctx, state, problem, checklistForm, decisionForm, reopenForm }: Props) {
  const { t, locale } = ctx;
  const { view, managed, abilities } = state;
  const a = view.application;
  const status = t(`application.status.${a.status}` as MessageKey);
  return (
    <Layout ctx={ctx} title={`${t('screening.title')} — ${a.title}`}>
      <CallPageNav ctx={ctx} call={managed.call} />
      <p>
        <a href={`/applications/${a.id}`}>{t('screening.applicationPage')}</a>
      </p>
      <h1>{a.title}</h1>
      <dl class="facts">
        <dt>{t('dashboard.call')}</dt>
        <dd>{inLocale(managed.call.title, locale)}</dd>
        <dt>{t('apply.organisation')}</dt>
        <dd>{view.organisationName}</dd>
        {state.organisation && (
          <>
            <dt>{t('organisation.legalForm')}</dt>
            <dd>{t(`organisation.legalForm.${state.organisation.legalForm}`)}</dd>
            <dt>{t('organisation.enterpriseNumber')}</dt>
            <dd>
              <code>{enterpriseNumberText(state.organisation.enterpriseNumber)}</code>
            </dd>
          </>
        )}
        <dt>{t('receipt.reference')}</dt>
        <dd>
          <code>{a.reference}</code>
        </dd>
        <dt>{t('call.status')}</dt>
        <dd>
          <span class="status">{status}</span>
        </dd>
        <dt>{t('screening.checklist')}</dt>
        <dd>{progressText(ctx, state.progress)}</dd>
      </dl>
      {problem && (
        <div class="error-summary" role="alert">
          <p>{t(problem)}</p>
        </div>
      )}

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title">{t('screening.checklist')}</h2>
        {state.criteria.length === 0 ? (
          <p>{t('screening.noCriteria')}</p>
        ) : abilities.editChecklist ? (
          <>
            <p class="hint">{t('screening.checklist.hint')}</p>
            <ChecklistForm ctx={ctx} state={state} form={checklistForm} />
          </>
        ) : (
          <ChecklistTable ctx={ctx} state={state} />
        )}
      </section>

      {abilities.editChecklist ? (
        <DecisionSection ctx={ctx} state={state} form={decisionForm} />
      ) : (
        a.status !== 'ineligible' && <p>{t('screening.noDecisionNow', { status })}</p>
      )}
      {a.status === 'ineligible' && <ReopenSection ctx={ctx} state={state} form={reopenForm} />}
      <HistorySection ctx={ctx} state={state} />

      <OrganisationDocumentsList ctx={ctx} documents={view.organisationDocuments} />
      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('application.answers')}</h2>
        <AnswersView
          ctx={ctx}
          form={view.form}
          values={a.answers}
          publics={view.context.publics}
          files={view.files}
          headingLevel={3}
        />
      </section>
    </Layout>
  );
}
