import { formatInstant } from '../../../domain/brusselsTime.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { ApiTokenRow } from '../service.ts';

interface Props {
  ctx: ViewContext;
  tokens: ApiTokenRow[];
  /** Only on the response to its creation: the one time the token is shown. */
  created?: { name: string; token: string };
  form?: { values: Record<string, string>; errors: FieldErrors };
}

/** The person's API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokensPage({ ctx, tokens, created, form }: Props) {
  const { t, locale } = ctx;
  const labels = { name: t('apiTokens.name') };
  const errors = form?.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('apiTokens.title')}>
      <h1>{t('apiTokens.title')}</h1>
      <p>{t('apiTokens.intro')}</p>
      <p>
        <a href="/api/openapi.json">{t('apiTokens.openApi')}</a>
      </p>

      {created && (
        <section class="card" aria-labelledby="new-token-title">
          <h2 id="new-token-title">{t('apiTokens.created.title', { name: created.name })}</h2>
          <p>{t('apiTokens.created.body')}</p>
          <div class="field">
            <label for="new-token">{t('apiTokens.created.label')}</label>
            <input
              id="new-token"
              type="text"
              readOnly
              value={created.token}
              size={60}
              spellcheck={false}
              autocomplete="off"
            />
          </div>
          <p>{t('apiTokens.created.usage')}</p>
          <pre>
            <code>Authorization: Bearer {created.token}</code>
          </pre>
        </section>
      )}

      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('apiTokens.list')}</h2>
        {tokens.length === 0 ? (
          <p>{t('apiTokens.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('apiTokens.name')}</th>
                  <th scope="col">{t('apiTokens.col.created')}</th>
                  <th scope="col">{t('apiTokens.col.lastUsed')}</th>
                  <th scope="col">{t('apiTokens.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr>
                    <td>{token.name}</td>
                    <td>
                      <time dateTime={token.createdAt.toISOString()}>{formatInstant(token.createdAt, locale)}</time>
                    </td>
                    <td>
                      {token.lastUsedAt ? (
                        <time dateTime={token.lastUsedAt.toISOString()}>{formatInstant(token.lastUsedAt, locale)}</time>
                      ) : (
                        t('apiTokens.never')
                      )}
                    </td>
                    <td>
                      {token.revokedAt ? (
                        t('apiTokens.revokedOn', { date: formatInstant(token.revokedAt, locale) })
                      ) : (
                        <Form ctx={ctx} action={`/account/api-tokens/${token.id}/revoke`} class="inline">
                          {t('apiTokens.active')}{' '}
                          <button
                            type="submit"
                            class="secondary"
                            aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                          >
                            {t('apiTokens.revoke')}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="create-title">
        <h2 id="create-title">{t('apiTokens.create')}</h2>
        <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
        <Form ctx={ctx} action="/account/api-tokens">
          <Field
            ctx={ctx}
            name="name"
            label={labels.name}
            hint={t('apiTokens.nameHint')}
            value={form?.values.name}
            required
            maxLength={100}
            error={errors.name}
          />
          <button type="submit">{t('apiTokens.create')}</button>
        </Form>
      </section>
    </Layout>
  );
}
