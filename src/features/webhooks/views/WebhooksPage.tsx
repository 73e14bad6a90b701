import { inLocale, type Translated } from '../../../domain/translated.ts';
import { WEBHOOK_EVENT_TYPES } from '../../../domain/webhooks.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, RefusalSummary, type FieldErrors } from '../../../platform/views/forms.tsx';
import { CheckboxGroup } from '../../calls/views/CheckboxGroup.tsx';
import type { EndpointRow } from '../service.ts';

export interface EndpointFormState {
  values: { url: string; description: string; events: string[] };
  errors: FieldErrors;
  refusals?: readonly MessageKey[];
}

/** A funder's webhook endpoints, with their backlog, and the form that registers one. */
export function WebhooksPage({
  ctx,
  funder,
  endpoints,
  form,
}: {
  ctx: ViewContext;
  funder: { id: string; name: Translated };
  endpoints: EndpointRow[];
  form?: EndpointFormState;
}) {
  const { t, locale } = ctx;
  const labels = { url: t('webhooks.url'), description: t('webhooks.description'), events: t('webhooks.events') };
  const values = form?.values ?? { url: '', description: '', events: [] };
  const errors = form?.errors ?? {};
  const title = t('webhooks.titleOf', { funder: inLocale(funder.name, locale) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('webhooks.intro')}</p>
      <section aria-labelledby="endpoints-title">
        <h2 id="endpoints-title">{t('webhooks.title')}</h2>
        {endpoints.length === 0 ? (
          <p>{t('webhooks.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.col.url')}</th>
                  <th scope="col">{t('webhooks.col.events')}</th>
                  <th scope="col">{t('webhooks.col.status')}</th>
                  <th scope="col">{t('webhooks.col.pending')}</th>
                  <th scope="col">{t('webhooks.col.failed')}</th>
                </tr>
              </thead>
              <tbody>
                {endpoints.map((e) => (
                  <tr>
                    <td>
                      <a href={`/admin/webhooks/${e.id}`} aria-label={t('webhooks.details', { url: e.url })}>
                        {e.url}
                      </a>
                      {e.description && <div class="hint">{e.description}</div>}
                    </td>
                    <td>{e.events.map((ev) => t(`webhooks.event.${ev}`)).join(', ')}</td>
                    <td>{t(`webhooks.status.${e.status}`)}</td>
                    <td>{e.pending}</td>
                    <td>{e.failed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t('webhooks.register')}</h2>
        <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
        <RefusalSummary ctx={ctx} refusals={form?.refusals} />
        <Form ctx={ctx} action={`/admin/funders/${funder.id}/webhooks`}>
          <Field
            ctx={ctx}
            name="url"
            type="url"
            label={labels.url}
            hint={t('webhooks.urlHint')}
            value={values.url}
            required
            maxLength={2000}
            error={errors.url}
          />
          <Field
            ctx={ctx}
            name="description"
            label={labels.description}
            value={values.description}
            maxLength={200}
            error={errors.description}
          />
          <CheckboxGroup
            ctx={ctx}
            name="events"
            legend={labels.events}
            options={WEBHOOK_EVENT_TYPES.map((e) => ({ value: e, label: t(`webhooks.event.${e}`) }))}
            checked={values.events}
            error={errors.events}
          />
          <button type="submit">{t('webhooks.register')}</button>
        </Form>
      </section>
    </Layout>
  );
}
