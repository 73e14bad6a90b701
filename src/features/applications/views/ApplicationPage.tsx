import type { ApplicationStatus } from '../../../domain/applicationLifecycle.ts';
import { closedEarly, effectiveClosing } from '../../../domain/applicationWindow.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { ApplicantOutcome } from '../../decisions/applicantOutcome.ts';
import { OutcomeSection } from './OutcomeSection.tsx';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import { answerErrorText } from '../../forms/AnswerFields.tsx';
import { AnswersView } from '../../forms/AnswersView.tsx';
import type { ApplicationNote, ApplicationView } from '../service.ts';
import { NotesSection } from './NotesSection.tsx';
import { OrganisationDocumentsList } from '../../organisations/views/OrganisationDocumentsList.tsx';

interface Props {
  ctx: ViewContext;
  view: ApplicationView;
  /** Why the last action was refused (a submission after the deadline, an incomplete application…). */
  problem?: MessageKey | undefined;
  returnForm?: { values: Record<string, string | string[]>; errors: FieldErrors };
  /** The call's decision on it, once decided: outcome, amount, what comes next. */
  outcome?: ApplicantOutcome | null | undefined;
  /** The grant the application became, when the reader may see it (its officers, the organisation's members). */
  grantId?: string | null | undefined;
  /** The officers' internal notes (given to officers only), and why the last one was refused. */
  notes?: ApplicationNote[] | undefined;
  noteForm?: { value: string; error: MessageKey } | undefined;
}

/** An application's home: where it stands, what is missing, its sections, and what can be done next. */
/** Statuses a call's decision gives: the decision letter is with the application from then on. */
const DECIDED: readonly ApplicationStatus[] = ['selected', 'reserve', 'rejected'];

export function ApplicationPage({ ctx, view, problem, returnForm, outcome, notes, noteForm, grantId }: Props) {
  const { t, locale } = ctx;
  const { application: a, context, abilities } = view;
  const base = `/applications/${a.id}`;
  const missing = view.checklist.reduce((n, s) => n + s.fields.length, 0);
  return (
    <Layout ctx={ctx} title={a.title}>
      <p>
        <a href={view.viewer === 'officer' ? `/manage/calls/${context.call.id}/applications` : '/applications'}>
          {view.viewer === 'officer' ? t('inbox.title') : t('dashboard.title')}
        </a>
      </p>
      <h1>{a.title}</h1>
      <dl class="facts">
        <dt>{t('dashboard.call')}</dt>
        <dd>{inLocale(context.call.title, locale)}</dd>
        <dt>{t('apply.organisation')}</dt>
        <dd>{view.organisationName}</dd>
        <dt>{t('call.status')}</dt>
        <dd>
          <span class="status">{t(`application.status.${a.status}` as MessageKey)}</span>
        </dd>
        {a.reference && (
          <>
            <dt>{t('receipt.reference')}</dt>
            <dd>
              <code>{a.reference}</code>
            </dd>
          </>
        )}
        {context.call.closesAt && (
          <>
            {/* An early closing is what is shown, never the deadline the call did not reach. */}
            <dt>{closedEarly(context.call) ? t('call.closedEarly') : t('call.closes')}</dt>
            <dd>{formatInstant(effectiveClosing(context.call)!, locale)}</dd>
          </>
        )}
      </dl>
      {outcome && <OutcomeSection ctx={ctx} applicationId={a.id} outcome={outcome} />}
      {grantId && (
        <p>
          <a href={`/grants/${grantId}`}>{ctx.t('grants.fromApplication')}</a>
        </p>
      )}
      {!outcome && DECIDED.includes(a.status) && (
        <p class="card">
          <a href={`/applications/${a.id}/letter`}>{t('application.decisionLetter')}</a>
        </p>
      )}
      {problem && (
        <div class="error-summary" role="alert">
          <p>{t(problem)}</p>
        </div>
      )}
      {view.openReturn && (
        <section class="card" aria-labelledby="return-title">
          <h2 id="return-title">{t('application.returned.title')}</h2>
          <p>{t('application.returned.due', { due: formatInstant(view.openReturn.dueAt, locale) })}</p>
          <blockquote>{view.openReturn.message}</blockquote>
        </section>
      )}

      {view.viewer === 'member' && (abilities.edit || a.status === 'draft') && (
        <section aria-labelledby="sections-title">
          <h2 id="sections-title">{t('application.sections')}</h2>
          <ol>
            {view.form.sections.map((s) => {
              const open = view.checklist.find((c) => c.sectionId === s.id)?.fields.length ?? 0;
              return (
                <li>
                  <a href={`${base}/sections/${s.id}`}>{inLocale(s.title, locale)}</a> —{' '}
                  {open ? t('application.sectionMissing', { count: open }) : t('application.sectionComplete')}
                </li>
              );
            })}
          </ol>
          {!abilities.edit && <p>{t('application.closedForEditing')}</p>}
        </section>
      )}

      {abilities.edit && (
        <section aria-labelledby="checklist-title">
          <h2 id="checklist-title">{t('application.checklist')}</h2>
          {missing === 0 ? (
            <p>{t('application.readyToSubmit')}</p>
          ) : (
            <ul>
              {view.checklist.flatMap((section) =>
                section.fields.map((f) => (
                  <li>
                    <a href={`${base}/sections/${section.sectionId}#answer-${f.fieldId}`}>
                      {inLocale(f.label, locale)}
                    </a>
                    : {answerErrorText(ctx, f.error)}
                  </li>
                )),
              )}
            </ul>
          )}
          {abilities.submit && missing === 0 && (
            <Form ctx={ctx} action={`${base}/submit`}>
              <p>{t('application.submitWarning')}</p>
              <button type="submit">{t('application.submit')}</button>
            </Form>
          )}
        </section>
      )}

      {view.viewer === 'officer' && <OrganisationDocumentsList ctx={ctx} documents={view.organisationDocuments} />}

      {(view.viewer === 'officer' || !abilities.edit) && a.submittedAt && (
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{t('application.answers')}</h2>
          <AnswersView
            ctx={ctx}
            form={view.form}
            values={a.answers}
            publics={context.publics}
            files={view.files}
            headingLevel={3}
          />
        </section>
      )}

      {view.submissions.length > 0 && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('application.history')}</h2>
          <p>
            <a href={`${base}/pdf`}>{t('applicants.pdf.download')}</a>
          </p>
          <ol>
            {view.submissions.map((s, i) => (
              <li>
                {t('application.submittedBy', { at: formatInstant(s.submittedAt, locale), name: s.submittedBy })} —
                SHA-256 <code class="hash">{s.sha256}</code>
                {view.viewer === 'officer' && view.submissions.length > 1 && (
                  <details>
                    <summary>{t('application.showVersion', { n: i + 1 })}</summary>
                    <AnswersView
                      ctx={ctx}
                      form={view.form}
                      values={s.answers as typeof a.answers}
                      publics={context.publics}
                      headingLevel={3}
                    />
                  </details>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {abilities.returnForCompletion && (
        <section aria-labelledby="return-form-title">
          <h2 id="return-form-title">{t('application.return.title')}</h2>
          <ErrorSummary
            ctx={ctx}
            errors={returnForm?.errors ?? {}}
            labels={{
              message: t('application.return.message'),
              openFields: t('application.return.fields'),
              dueDate: t('application.return.dueDate'),
            }}
          />
          <Form ctx={ctx} action={`/manage/applications/${a.id}/return`}>
            <Textarea
              ctx={ctx}
              name="message"
              label={t('application.return.message')}
              value={String(returnForm?.values.message ?? '')}
              error={returnForm?.errors.message}
              required
              rows={4}
            />
            <fieldset class={returnForm?.errors.openFields ? 'field field-error' : 'field'}>
              <legend>{t('application.return.fields')}</legend>
              {returnForm?.errors.openFields && <p class="error">{t(returnForm.errors.openFields.key)}</p>}
              {view.form.sections
                .flatMap((s) => s.fields)
                .map((f, i) => (
                  <div class="choice">
                    <input type="checkbox" id={`open-${i}`} name="openFields" value={f.id} />
                    <label for={`open-${i}`}>{inLocale(f.label, locale)}</label>
                  </div>
                ))}
            </fieldset>
            <Field
              ctx={ctx}
              name="dueDate"
              type="date"
              label={t('application.return.dueDate')}
              value={String(returnForm?.values.dueDate ?? '')}
              error={returnForm?.errors.dueDate}
              required
            />
            <Field
              ctx={ctx}
              name="dueTime"
              type="time"
              label={t('application.return.dueTime')}
              value={String(returnForm?.values.dueTime ?? '12:00')}
              error={returnForm?.errors.dueTime}
            />
            <button type="submit">{t('application.return.submit')}</button>
          </Form>
        </section>
      )}

      {view.viewer === 'officer' && notes && (
        <NotesSection ctx={ctx} applicationId={a.id} notes={notes} form={noteForm} />
      )}

      {abilities.withdraw && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('application.withdraw.title')}</h2>
          <Form ctx={ctx} action={`${base}/withdraw`}>
            <Field ctx={ctx} name="reason" label={t('application.withdraw.reason')} required />
            <button type="submit" class="secondary">
              {t('application.withdraw.submit')}
            </button>
          </Form>
        </section>
      )}
    </Layout>
  );
}
