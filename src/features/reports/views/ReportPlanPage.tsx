import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Form, RefusalSummary, type FieldErrors } from '../../../platform/views/forms.tsx';
import { RowsTable } from '../../../platform/views/RowsTable.tsx';
import { GrantsNav } from '../../grants/views/GrantsNav.tsx';
import { DUE_CHOICES, planRows, type PlanRows } from '../planForm.ts';
import type { ReportPlanPage as PlanData } from '../service.ts';

export interface ReportPlanPageProps {
  ctx: ViewContext;
  page: PlanData;
  /** The rows as sent, when the form comes back with errors. */
  rows?: PlanRows;
  errors?: FieldErrors;
  refusals?: readonly MessageKey[];
}

/**
 * The call's report plan: the reports its grants owe (kind, when due, how long before they open) and the
 * indicators they ask (the default ones ticked, and counts of the call's own in three languages).
 */
export function ReportPlanPage({ ctx, page, rows, errors = {}, refusals }: ReportPlanPageProps) {
  const { t, locale } = ctx;
  const call = page.call.record;
  const title = `${t('reports.plan.title')} — ${inLocale(call.title, locale)}`;
  const r = rows ?? planRows(page.plan);
  const labels = Object.fromEntries(
    Object.keys(errors).map((name) => [
      name,
      name === 'indicators'
        ? t('reports.plan.indicators')
        : `${t(name.startsWith('report') ? 'reports.plan.reports' : 'reports.plan.custom')} ${Number(name.split('.')[1]) + 1}`,
    ]),
  );
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={call.id} />
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <p>{t('reports.plan.intro')}</p>
      {page.locked && <p class="notice">{t('reports.plan.locked')}</p>}
      <Form ctx={ctx} action={`/manage/calls/${call.id}/report-plan`}>
        <input type="hidden" name="version" value={String(page.version)} />
        <h2>{t('reports.plan.reports')}</h2>
        <p class="hint">{t('reports.plan.reportsHint')}</p>
        <RowsTable
          ctx={ctx}
          prefix="report"
          caption={t('reports.plan.reports')}
          rows={r.report}
          errors={errors}
          columns={[
            {
              key: 'kind',
              label: 'reports.plan.kind',
              options: (['interim', 'final'] as const).map((k) => ({ value: k, label: t(`reports.kind.${k}`) })),
            },
            {
              key: 'due',
              label: 'reports.plan.due',
              options: DUE_CHOICES.map((d) => ({ value: d, label: t(`reports.plan.due.${d}`) })),
            },
            { key: 'on', label: 'reports.plan.on', size: 10 },
            { key: 'months', label: 'reports.plan.months', size: 4 },
            { key: 'opens', label: 'reports.plan.opens', size: 4 },
          ]}
        />
        <fieldset id="field-indicators" class={errors.indicators ? 'field-error' : undefined}>
          <legend>{t('reports.plan.indicators')}</legend>
          {errors.indicators && <p class="error">{t(errors.indicators.key, errors.indicators.values)}</p>}
          {page.defaults.map((d) => (
            <div class="checkbox">
              <input
                type="checkbox"
                id={`indicator-${d.id}`}
                name="indicators"
                value={d.id}
                checked={r.indicators.includes(d.id)}
              />
              <label for={`indicator-${d.id}`}>{inLocale(d.label, locale)}</label>
            </div>
          ))}
        </fieldset>
        <h2>{t('reports.plan.custom')}</h2>
        <p class="hint">{t('reports.plan.customHint')}</p>
        <RowsTable
          ctx={ctx}
          prefix="custom"
          caption={t('reports.plan.custom')}
          rows={r.custom}
          errors={errors}
          columns={[
            { key: 'labelFr', label: 'manage.criteria.labelFr' },
            { key: 'labelNl', label: 'manage.criteria.labelNl' },
            { key: 'labelEn', label: 'manage.criteria.labelEn' },
            {
              key: 'required',
              label: 'reports.plan.required',
              options: [
                { value: 'yes', label: t('reports.plan.required.yes') },
                { value: 'no', label: t('reports.plan.required.no') },
              ],
            },
          ]}
        />
        <button type="submit" disabled={page.locked}>
          {t('reports.plan.save')}
        </button>
      </Form>
    </Layout>
  );
}
