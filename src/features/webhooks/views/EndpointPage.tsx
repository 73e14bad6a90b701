import { formatInstant } from '../../../domain/brusselsTime.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form } from '../../../platform/views/forms.tsx';
import type { WebhookDelivery, WebhookEndpoint } from '../schema.ts';

/** One endpoint: its secret and how to check a signature, pause or resume, and its latest deliveries. */
export function EndpointPage({
  ctx,
  endpoint,
  deliveries,
}: {
  ctx: ViewContext;
  endpoint: WebhookEndpoint;
  deliveries: WebhookDelivery[];
}) {
  const { t, locale } = ctx;
  const when = (d: Date) => <time dateTime={d.toISOString()}>{formatInstant(d, locale)}</time>;
  return (
    <Layout ctx={ctx} title={t('webhooks.endpoint.title')}>
      <p>
        <a href={`/admin/funders/${endpoint.funderId}/webhooks`}>{t('webhooks.back')}</a>
      </p>
      <h1>{t('webhooks.endpoint.title')}</h1>
      <dl>
        <dt>{t('webhooks.col.url')}</dt>
        <dd>
          <code>{endpoint.url}</code>
        </dd>
        <dt>{t('webhooks.col.events')}</dt>
        <dd>{endpoint.events.map((e) => t(`webhooks.event.${e}`)).join(', ')}</dd>
        <dt>{t('webhooks.col.status')}</dt>
        <dd>
          {t(`webhooks.status.${endpoint.status}`)}.{' '}
          {endpoint.status === 'paused' && endpoint.pausedAt
            ? t('webhooks.pausedSince', { date: formatInstant(endpoint.pausedAt, locale) })
            : t('webhooks.failures', { count: endpoint.consecutiveFailures })}
        </dd>
      </dl>
      <Form ctx={ctx} action={`/admin/webhooks/${endpoint.id}/${endpoint.status === 'active' ? 'pause' : 'resume'}`}>
        <button type="submit" class="secondary">
          {t(endpoint.status === 'active' ? 'webhooks.pause' : 'webhooks.resume')}
        </button>
      </Form>

      <div class="field">
        <label for="secret">{t('webhooks.secret')}</label>
        <p class="hint" id="secret-hint">
          {t('webhooks.secretHint')}
        </p>
        <input
          id="secret"
          type="text"
          readOnly
          value={endpoint.secret}
          size={60}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="secret-hint"
        />
      </div>

      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title">{t('webhooks.deliveries')}</h2>
        {deliveries.length === 0 ? (
          <p>{t('webhooks.noDeliveries')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.col.event')}</th>
                  <th scope="col">{t('webhooks.col.created')}</th>
                  <th scope="col">{t('webhooks.col.status')}</th>
                  <th scope="col">{t('webhooks.col.attempts')}</th>
                  <th scope="col">{t('webhooks.col.result')}</th>
                  <th scope="col">{t('webhooks.col.next')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('webhooks.replay')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((d) => (
                  <tr>
                    <td>
                      {t(`webhooks.event.${d.event}`)}
                      <div class="hint">
                        <code>{d.id}</code>
                      </div>
                    </td>
                    <td>{when(d.createdAt)}</td>
                    <td>{t(`webhooks.delivery.${d.status}`)}</td>
                    <td>{d.attempts}</td>
                    <td>{d.lastError ?? (d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : '—')}</td>
                    <td>{d.status === 'pending' ? when(d.nextAttemptAt) : '—'}</td>
                    <td>
                      <Form ctx={ctx} action={`/admin/webhooks/deliveries/${d.id}/replay`} class="inline">
                        <button type="submit" class="secondary" aria-label={t('webhooks.replayLabel', { id: d.id })}>
                          {t('webhooks.replay')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
