import { acceptsApplications } from '../../../domain/callLifecycle.ts';
import { MAX_TITLE_LENGTH } from '../../../domain/forms/answers.ts';
import { ApplicationWindowNotice } from '../../calls/views/ApplicationWindowNotice.tsx';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { PublicCall } from '../../calls/service.ts';

/** Starting an application: for which organisation, and the project's title. */
export function ApplyPage({
  ctx,
  call,
  organisations,
  values = {},
  errors = {},
  now = new Date(),
}: {
  ctx: ViewContext;
  call: PublicCall;
  now?: Date;
  organisations: { id: string; name: string }[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, locale } = ctx;
  const title = inLocale(call.title, locale);
  return (
    <Layout ctx={ctx} title={t('apply.title')}>
      <p>
        <a href={`/calls/${call.id}`}>{title}</a>
      </p>
      <h1>{t('apply.title')}</h1>
      {!acceptsApplications(call, now) ? (
        // A call that is not open (yet, or any more) says so and offers no form.
        <ApplicationWindowNotice ctx={ctx} call={call} now={now} withResults />
      ) : organisations.length === 0 ? (
        <>
          <p>{t('apply.noOrganisation')}</p>
          <p>
            <a class="button" href="/organisations/new">
              {t('organisation.register')}
            </a>
          </p>
        </>
      ) : (
        <>
          <ErrorSummary
            ctx={ctx}
            errors={errors}
            labels={{ organisationId: t('apply.organisation'), title: t('apply.projectTitle') }}
          />
          <Form ctx={ctx} action={`/calls/${call.id}/apply`}>
            <Select
              ctx={ctx}
              name="organisationId"
              label={t('apply.organisation')}
              value={values.organisationId}
              error={errors.organisationId}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <Field
              ctx={ctx}
              name="title"
              label={t('apply.projectTitle')}
              value={values.title}
              error={errors.title}
              required
              maxLength={MAX_TITLE_LENGTH}
            />
            <button type="submit">{t('apply.start')}</button>
          </Form>
        </>
      )}
    </Layout>
  );
}
