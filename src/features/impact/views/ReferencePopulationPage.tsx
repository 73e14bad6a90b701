import type { ReferencePopulation } from '../../../domain/impact/referencePopulation.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, RefusalSummary, type FieldErrors } from '../../../platform/views/forms.tsx';
import { AdminNav } from '../../admin/views/AdminNav.tsx';

/** The form's values as stored: the share as a percentage, written the reader's way. */
export function referenceValues(population: ReferencePopulation, version: number): Record<string, string> {
  return {
    people: String(population.digitallyVulnerablePeople),
    sharePercent: String(Math.round(population.digitallyVulnerableShare * 10_000) / 100),
    source: population.source,
    version: String(version),
  };
}

/** The population the impact pages set the participants aged 16 to 74 against, for the installation's administrators. */
export function ReferencePopulationPage({
  ctx,
  values,
  errors = {},
  refusals,
}: {
  ctx: ViewContext;
  values: Record<string, string>;
  errors?: FieldErrors;
  refusals?: readonly MessageKey[];
}) {
  const { t } = ctx;
  const labels = {
    people: t('impact.reference.people'),
    sharePercent: t('impact.reference.share'),
    source: t('impact.reference.source'),
  };
  return (
    <Layout ctx={ctx} title={t('impact.reference.title')}>
      <h1>{t('impact.reference.title')}</h1>
      <AdminNav ctx={ctx} />
      <p>{t('impact.reference.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <Form ctx={ctx} action="/admin/reference-population">
        <input type="hidden" name="version" value={values.version} />
        <Field
          ctx={ctx}
          name="people"
          label={labels.people}
          hint={t('impact.reference.peopleHint')}
          value={values.people}
          error={errors.people}
          required
        />
        <Field
          ctx={ctx}
          name="sharePercent"
          label={labels.sharePercent}
          hint={t('impact.reference.shareHint')}
          value={values.sharePercent}
          error={errors.sharePercent}
          required
        />
        <Field
          ctx={ctx}
          name="source"
          label={labels.source}
          value={values.source}
          error={errors.source}
          maxLength={500}
          required
        />
        <button type="submit">{t('impact.reference.save')}</button>
      </Form>
    </Layout>
  );
}
