import { TRANCHE_TRIGGERS, type CallCriteria } from '../../../domain/callCriteria.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary, type FieldErrors } from '../../../platform/views/forms.tsx';
import { RowsTable } from '../../../platform/views/RowsTable.tsx';
import type { CriteriaRows } from '../criteriaForm.ts';
import type { CallForManagement } from '../service.ts';
import { CallManagementBar } from './CallEditorPage.tsx';
import { CorrectionNote } from './CorrectionNote.tsx';

/** The rows of each table as the form shows them, from saved criteria. */
export function criteriaRows(c: CallCriteria): CriteriaRows {
  const tr = (x: { fr: string; nl?: string; en?: string }, key: string) => ({
    [`${key}Fr`]: x.fr,
    [`${key}Nl`]: x.nl ?? '',
    [`${key}En`]: x.en ?? '',
  });
  return {
    elig: c.eligibilityCriteria.map((e) => ({ id: e.id, ...tr(e.label, 'label'), ...tr(e.explanation, 'expl') })),
    eval: c.evaluationCriteria.map((e) => ({
      id: e.id,
      ...tr(e.name, 'name'),
      ...tr(e.description, 'desc'),
      max: String(e.maxScore),
      weight: String(e.weight),
      threshold: e.threshold === null ? '' : String(e.threshold),
    })),
    doc: c.requiredDocuments.map((d) => ({ id: d.id, ...tr(d.label, 'label') })),
    tranche: c.tranchePlan.map((t) => ({ percent: String(t.percent), trigger: t.trigger })),
    overallThreshold: c.overallThreshold === null ? '' : String(c.overallThreshold),
  };
}

export function CriteriaPage({
  ctx,
  managed,
  rows,
  errors = {},
  refusals,
  note,
}: {
  ctx: ViewContext;
  managed: CallForManagement;
  rows?: CriteriaRows;
  errors?: FieldErrors;
  refusals?: MessageKey[];
  /** The correction note as typed, when the page is shown again. */
  note?: Record<string, unknown>;
}) {
  const { t, locale } = ctx;
  const r = rows ?? criteriaRows(managed.call);
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <Layout ctx={ctx} title={t('manage.criteria.title')}>
      <p>
        <a href={`/manage/calls/${managed.call.id}`}>{inLocale(managed.call.title, locale)}</a>
      </p>
      <h1>{t('manage.criteria.title')}</h1>
      <CallManagementBar ctx={ctx} managed={managed} />
      <RefusalSummary ctx={ctx} refusals={refusals?.length ? refusals : hasErrors ? ['manage.criteria.invalid'] : []} />
      <Form ctx={ctx} action={`/manage/calls/${managed.call.id}/criteria`}>
        <input type="hidden" name="version" value={String(managed.call.version)} />
        <h2>{t('manage.criteria.eligibility')}</h2>
        <p class="hint">{t('manage.criteria.eligibilityHint')}</p>
        <RowsTable
          ctx={ctx}
          prefix="elig"
          caption={t('manage.criteria.eligibility')}
          rows={r.elig}
          errors={errors}
          columns={[
            { key: 'labelFr', label: 'manage.criteria.labelFr' },
            { key: 'labelNl', label: 'manage.criteria.labelNl' },
            { key: 'labelEn', label: 'manage.criteria.labelEn' },
            { key: 'explFr', label: 'manage.criteria.explFr' },
            { key: 'explNl', label: 'manage.criteria.explNl' },
            { key: 'explEn', label: 'manage.criteria.explEn' },
          ]}
        />
        <h2>{t('manage.criteria.evaluation')}</h2>
        <RowsTable
          ctx={ctx}
          prefix="eval"
          caption={t('manage.criteria.evaluation')}
          rows={r.eval}
          errors={errors}
          columns={[
            { key: 'nameFr', label: 'manage.criteria.nameFr' },
            { key: 'nameNl', label: 'manage.criteria.nameNl' },
            { key: 'nameEn', label: 'manage.criteria.nameEn' },
            { key: 'descFr', label: 'manage.criteria.descFr' },
            { key: 'max', label: 'manage.criteria.max', size: 5 },
            { key: 'weight', label: 'manage.criteria.weight', size: 5 },
            { key: 'threshold', label: 'manage.criteria.threshold', size: 5 },
          ]}
        />
        <Field
          ctx={ctx}
          name="overallThreshold"
          label={t('manage.criteria.overallThreshold')}
          value={r.overallThreshold}
          error={errors.overallThreshold}
          hint={t('manage.criteria.overallThresholdHint')}
        />
        <h2>{t('manage.criteria.documents')}</h2>
        <RowsTable
          ctx={ctx}
          prefix="doc"
          caption={t('manage.criteria.documents')}
          rows={r.doc}
          errors={errors}
          columns={[
            { key: 'labelFr', label: 'manage.criteria.labelFr' },
            { key: 'labelNl', label: 'manage.criteria.labelNl' },
            { key: 'labelEn', label: 'manage.criteria.labelEn' },
          ]}
        />
        <h2>{t('manage.criteria.tranches')}</h2>
        <p class="hint">{t('manage.criteria.tranchesHint')}</p>
        <RowsTable
          ctx={ctx}
          prefix="tranche"
          caption={t('manage.criteria.tranches')}
          rows={r.tranche}
          errors={errors}
          columns={[
            { key: 'percent', label: 'manage.criteria.percent', size: 5 },
            {
              key: 'trigger',
              label: 'manage.criteria.trigger',
              options: TRANCHE_TRIGGERS.map((tr) => ({
                value: tr,
                label: t(`manage.criteria.trigger.${tr}` as MessageKey),
              })),
            },
          ]}
        />
        <CorrectionNote ctx={ctx} managed={managed} values={note} errors={errors} />
        <button type="submit">{t('manage.criteria.save')}</button>
      </Form>
    </Layout>
  );
}
