import { formatInstant } from '../../../../domain/brusselsTime.ts';
import type { GridProblems, GridValues } from '../../../../domain/evaluationGrid.ts';
import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { Form } from '../../../../platform/views/forms.tsx';
import { AnswersView } from '../../../forms/AnswersView.tsx';
import type { JurorApplicationView } from '../jurorQueries.ts';
import { EvaluationTable } from './EvaluationTable.tsx';
import { GridErrorSummary, GridFields, shownFrom, type ShownGrid } from './GridFields.tsx';
import { assetUrl } from '../../../../platform/http/staticAssets.ts';

interface Props {
  ctx: ViewContext;
  view: JurorApplicationView;
  /** After a refused save or submission: what was typed, its problems, and the version to save over. */
  input?: ShownGrid;
  problems?: GridProblems;
  version?: number;
  /** Why the last action was refused, in a sentence. */
  refusal?: MessageKey;
  /** Saved meanwhile in another window: that grid, beside the fields. */
  conflict?: { theirs: GridValues };
}

/**
 * An assigned application as a juror reads and scores it: the answers and attachments, then the
 * grid. Works without JavaScript (save and submit buttons); with it, autosave.js saves as the juror
 * types and scoring.js keeps the weighted total current.
 */
export function JurorApplicationPage({ ctx, view, input, problems, version, refusal, conflict }: Props) {
  const { t, locale } = ctx;
  const a = view.application;
  const e = view.evaluation;
  const base = `/jury/applications/${a.id}`;
  const shownProblems = problems ?? e.problems;
  return (
    <Layout ctx={ctx} title={`${a.reference} — ${a.title}`}>
      <p>
        <a href="/jury/applications">{t('scoring.mine.title')}</a>
      </p>
      <h1>{a.title}</h1>
      <dl class="facts">
        <dt>{t('scoring.reference')}</dt>
        <dd>{a.reference}</dd>
        <dt>{t('scoring.organisation')}</dt>
        <dd>{a.organisationName}</dd>
        <dt>{t('scoring.call')}</dt>
        <dd>{inLocale(view.call.title, locale)}</dd>
        <dt>{t('scoring.evaluationStatus')}</dt>
        <dd>
          {e.status === 'submitted' && e.submittedAt
            ? t('scoring.submittedAt', { at: formatInstant(e.submittedAt, locale) })
            : e.version
              ? t('scoring.status.draft')
              : t('scoring.status.not-started')}
        </dd>
      </dl>
      {refusal && (
        <div class="error-summary" role="alert">
          <p>{t(refusal)}</p>
        </div>
      )}
      {conflict && (
        <div class="error-summary" role="alert">
          <p>{t('scoring.conflict')}</p>
        </div>
      )}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">{t('scoring.answers')}</h2>
        <AnswersView
          ctx={ctx}
          form={view.form}
          values={view.answers}
          publics={view.publics}
          files={view.files}
          headingLevel={3}
        />
      </section>

      <section aria-labelledby="grid-title">
        <h2 id="grid-title">{t('scoring.yourEvaluation')}</h2>
        {view.abilities.edit ? (
          <>
            <GridErrorSummary
              ctx={ctx}
              rules={view.rules}
              problems={shownProblems}
              overallLabel={t('scoring.overallComment')}
            />
            <p>{t('scoring.gridIntro')}</p>
            <Form ctx={ctx} action={base}>
              <input type="hidden" name="version" value={String(version ?? e.version)} data-version />
              <GridFields
                ctx={ctx}
                rules={view.rules}
                shown={input ?? shownFrom(e.values)}
                problems={shownProblems}
                total={e.total}
                below={e.below}
                overallThreshold={view.call.overallThreshold}
                commentPerCriterion
                overallLabel={t('scoring.overallComment')}
                theirs={conflict?.theirs}
              />
              <div class="form-actions" data-autosave-url={`${base}/autosave`}>
                <button type="submit" name="intent" value="save" class="secondary">
                  {t('scoring.save')}
                </button>{' '}
                <button type="submit" name="intent" value="submit">
                  {t('scoring.submit')}
                </button>
                <p class="hint">{t('scoring.submitHint')}</p>
                <p
                  class="save-status"
                  role="status"
                  aria-live="polite"
                  data-saved-text={t('scoring.savedAt', { time: '{time}' })}
                  data-conflict-text={t('scoring.autosaveConflict')}
                  data-error-text={t('scoring.autosaveFailed')}
                />
              </div>
            </Form>
          </>
        ) : (
          <>
            {e.status !== 'submitted' && <p>{t('scoring.closed')}</p>}
            <EvaluationTable ctx={ctx} rules={view.rules} state={e} caption={t('scoring.yourEvaluation')} />
          </>
        )}
      </section>

      <section aria-labelledby="others-title">
        <h2 id="others-title">{t('scoring.others')}</h2>
        {view.others === null ? (
          <p>{t('scoring.othersHidden')}</p>
        ) : view.others.length === 0 ? (
          <p>{t('scoring.othersNone')}</p>
        ) : (
          view.others.map((o) => (
            <EvaluationTable
              ctx={ctx}
              rules={view.rules}
              state={o}
              caption={t('scoring.evaluationBy', { name: o.name })}
            />
          ))
        )}
      </section>
      {view.abilities.edit && (
        <>
          <script src={assetUrl('autosave.js')} defer></script>
          <script src={assetUrl('scoring.js')} defer></script>
        </>
      )}
    </Layout>
  );
}
