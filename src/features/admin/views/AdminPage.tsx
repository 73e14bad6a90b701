import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { AdminOverview } from '../service.ts';
import { AdminNav } from './AdminNav.tsx';

interface Props {
  ctx: ViewContext;
  overview: AdminOverview;
  /** The new funder's form as it was typed, when refused. */
  funderForm?: { values: Record<string, string>; errors: FieldErrors };
}

/** The funders the reader administers, each with its settings and roles, and (for the installation) a new funder. */
export function AdminPage({ ctx, overview, funderForm }: Props) {
  const { t, locale } = ctx;
  const labels = {
    slug: t('admin.funder.slug'),
    nameFr: t('admin.funder.nameFr'),
    nameNl: t('admin.funder.nameNl'),
    nameEn: t('admin.funder.nameEn'),
  };
  const values = funderForm?.values ?? {};
  const errors = funderForm?.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>
      <AdminNav ctx={ctx} />
      <section aria-labelledby="funders-title">
        <h2 id="funders-title">{t('admin.funders')}</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.funder.name')}</th>
                <th scope="col">{t('admin.funder.slug')}</th>
                <th scope="col">{t('admin.funder.requiredLanguages')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.funders.map(({ record: f }) => (
                <tr>
                  <td>
                    <a href={`/admin/funders/${f.id}`}>{inLocale(f.name, locale)}</a>
                  </td>
                  <td>
                    <code>{f.slug}</code>
                  </td>
                  <td>{f.requiredLanguages.map((l) => l.toUpperCase()).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {overview.can.createFunders && (
        <section aria-labelledby="new-funder-title">
          <h2 id="new-funder-title">{t('admin.funder.create')}</h2>
          <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
          <Form ctx={ctx} action="/admin/funders">
            <Field
              ctx={ctx}
              name="slug"
              label={labels.slug}
              value={values.slug}
              required
              maxLength={40}
              error={errors.slug}
            />
            <Field ctx={ctx} name="nameFr" label={labels.nameFr} value={values.nameFr} required error={errors.nameFr} />
            <Field ctx={ctx} name="nameNl" label={labels.nameNl} value={values.nameNl} error={errors.nameNl} />
            <Field ctx={ctx} name="nameEn" label={labels.nameEn} value={values.nameEn} error={errors.nameEn} />
            <button type="submit">{t('admin.funder.create')}</button>
          </Form>
        </section>
      )}
    </Layout>
  );
}
