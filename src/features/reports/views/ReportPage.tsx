import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { IndicatorValues } from '../../../domain/grants/reportIndicators.ts';
import { assetUrl } from '../../../platform/http/staticAssets.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary, Textarea, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { ReportPage as Data } from '../service.ts';
import { ExpensesSection } from './ExpensesSection.tsx';
import { Indicators } from './IndicatorsForm.tsx';
import { REPORT_KIND, REPORT_STATUS } from './labels.ts';

export interface ReportPageProps {
  ctx: ViewContext;
  page: Data;
  refusals?: readonly MessageKey[];
  /** The values sent back with their errors, when a save or a submission was refused or has problems. */
  sent?: { values: IndicatorValues; errors: FieldErrors };
  expense?: FieldErrors;
  decision?: FieldErrors;
  plan?: FieldErrors;
}

/**
 * One report, for the organisation's members (fill, add expenses, submit) and the funder's officers (approve or
 * return, move, skip, and read what the expenses justify). Each action as the reader's abilities allow.
 */
export function ReportPage({ ctx, page, refusals, sent, expense, decision, plan }: ReportPageProps) {
  const { t, locale } = ctx;
  const { row, grant } = page.scoped.record;
  const { can } = page.scoped;
  const base = `/reports/${row.id}`;
  const title = t('reports.page.title', { kind: t(REPORT_KIND[row.kind]), reference: grant.row.reference });
  const version = <input type="hidden" name="version" value={String(row.version)} />;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/grants/${grant.row.id}/reports`}>{t('reports.list.title', { reference: grant.row.reference })}</a>
      </p>
      <h1>{title}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <dl class="facts">
        <dt>{t('grants.organisation')}</dt>
        <dd>{grant.row.organisationName}</dd>
        <dt>{t('reports.status')}</dt>
        <dd>
          {t(REPORT_STATUS[row.status])}
          {page.overdue && (
            <>
              {' '}
              <strong class="badge">{t('reports.overdue')}</strong>
            </>
          )}
        </dd>
        <dt>{t('reports.opensAt')}</dt>
        <dd>{formatInstant(row.opensAt, locale, 'date')}</dd>
        <dt>{t('reports.dueAt')}</dt>
        <dd>{formatInstant(row.dueAt, locale)}</dd>
        {row.returnDueAt && (
          <>
            <dt>{t('reports.returnDueAt')}</dt>
            <dd>{formatInstant(row.returnDueAt, locale)}</dd>
          </>
        )}
        {row.submittedAt && (
          <>
            <dt>{t('reports.submittedAt')}</dt>
            <dd>{formatInstant(row.submittedAt, locale)}</dd>
          </>
        )}
        {row.skipReason && (
          <>
            <dt>{t('reports.skipReason')}</dt>
            <dd>{row.skipReason}</dd>
          </>
        )}
      </dl>
      {row.remarks && (
        <div class="card" role="note">
          <h2>{t('reports.remarks')}</h2>
          <p class="prose">{row.remarks}</p>
        </div>
      )}

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">{t('reports.indicators.title')}</h2>
        {row.status === 'not-due' && <p>{t('reports.notOpenYet')}</p>}
        {can.edit ? (
          <Form ctx={ctx} action={base} class="report-form">
            <input type="hidden" name="version" value={String(row.version)} data-version />
            <Indicators
              ctx={ctx}
              definitions={page.definitions}
              values={sent?.values ?? row.values}
              errors={sent?.errors}
              editable
            />
            <div class="form-actions" data-autosave-url={`${base}/autosave`}>
              <button type="submit" name="intent" value="save" class="secondary">
                {t('reports.save')}
              </button>{' '}
              <button type="submit" name="intent" value="submit">
                {t('reports.submit')}
              </button>
              <p
                class="save-status"
                role="status"
                aria-live="polite"
                data-saved-text={t('application.savedAt', { time: '{time}' })}
                data-conflict-text={t('reports.autosaveConflict')}
                data-error-text={t('application.autosaveFailed')}
              />
            </div>
          </Form>
        ) : (
          <Indicators ctx={ctx} definitions={page.definitions} values={row.values} editable={false} />
        )}
      </section>

      <ExpensesSection ctx={ctx} page={page} errors={expense} />

      {can.decide && (
        <Form ctx={ctx} action={`${base}/decision`} class="card">
          <h2>{t('reports.decide.title')}</h2>
          {version}
          <Textarea
            ctx={ctx}
            name="remarks"
            label={t('reports.decide.remarks')}
            hint={t('reports.decide.remarksHint')}
            error={decision?.remarks}
          />
          <Field
            ctx={ctx}
            type="date"
            name="returnDueOn"
            label={t('reports.decide.returnDueOn')}
            error={decision?.returnDueOn}
          />
          <p class="actions">
            <button type="submit" name="decision" value="approve">
              {t('reports.decide.approve')}
            </button>{' '}
            <button type="submit" name="decision" value="return" class="secondary">
              {t('reports.decide.return')}
            </button>
          </p>
        </Form>
      )}
      {can.move && (
        <Form ctx={ctx} action={`${base}/move`} class="card">
          <h2>{t('reports.move.title')}</h2>
          {version}
          <Field ctx={ctx} type="date" name="dueOn" label={t('reports.move.dueOn')} required error={plan?.dueOn} />
          <button type="submit">{t('reports.move.submit')}</button>
        </Form>
      )}
      {can.skip && (
        <Form ctx={ctx} action={`${base}/skip`} class="card">
          <h2>{t('reports.skip.title')}</h2>
          {version}
          <Textarea ctx={ctx} name="reason" label={t('reports.skip.reason')} required error={plan?.reason} rows={3} />
          <button type="submit" class="secondary">
            {t('reports.skip.submit')}
          </button>
        </Form>
      )}
      {can.reinstate && (
        <Form ctx={ctx} action={`${base}/reinstate`} class="card">
          {version}
          <button type="submit">{t('reports.reinstate')}</button>
        </Form>
      )}
      {can.edit && <script src={assetUrl('autosave.js')} defer></script>}
    </Layout>
  );
}
