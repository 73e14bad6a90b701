import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import { API_SCOPES, expiryBounds } from '../../../domain/apiTokenPolicy.ts';
import { inLocale } from '../../../domain/translated.ts';
import { CheckboxGroup } from '../../calls/views/CheckboxGroup.tsx';
import type { ApiTokenRow, TokenFunder } from '../service.ts';

export interface TokenFormState {
  values: { name: string; expiresOn: string; scopes: string[]; funders: string[] };
  errors: FieldErrors;
}

interface Props {
  ctx: ViewContext;
  tokens: ApiTokenRow[];
  /** The funders a token may be limited to: those where the person runs calls. */
  funders: TokenFunder[];
  /** Only on the response to its creation: the one time the token is shown. */
  created?: { name: string; token: string };
  form?: TokenFormState;
}

/** The person's API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokensPage({ ctx, tokens, funders, created, form }: Props) {
  const { t, locale } = ctx;
  const labels = {
    name: t('apiTokens.name'),
    scopes: t('apiTokens.scopes'),
    funders: t('apiTokens.funders'),
    expiresOn: t('apiTokens.expiresOn'),
  };
  const bounds = expiryBounds(new Date());
  const values = form?.values ?? { name: '', expiresOn: bounds.default, scopes: ['read'], funders: [] };
  const funderName = new Map(funders.map((f) => [f.id, inLocale(f.name, locale)]));
  const now = new Date();
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
                  <th scope="col">{t('apiTokens.col.scopes')}</th>
                  <th scope="col">{t('apiTokens.col.funders')}</th>
                  <th scope="col">{t('apiTokens.col.created')}</th>
                  <th scope="col">{t('apiTokens.col.expires')}</th>
                  <th scope="col">{t('apiTokens.col.lastUsed')}</th>
                  <th scope="col">{t('apiTokens.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr>
                    <td>{token.name}</td>
                    <td>{token.scopes.join(', ')}</td>
                    <td>
                      {token.funderIds
                        ? token.funderIds.map((id) => funderName.get(id) ?? id).join(', ')
                        : t('apiTokens.allFunders')}
                    </td>
                    <td>
                      <time dateTime={token.createdAt.toISOString()}>{formatInstant(token.createdAt, locale)}</time>
                    </td>
                    <td>
                      <time dateTime={token.expiresAt.toISOString()}>
                        {formatInstant(token.expiresAt, locale, 'date')}
                      </time>
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
                      ) : token.expiresAt <= now ? (
                        t('apiTokens.expiredOn', { date: formatInstant(token.expiresAt, locale) })
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
            value={values.name}
            required
            maxLength={100}
            error={errors.name}
          />
          <CheckboxGroup
            ctx={ctx}
            name="scopes"
            legend={labels.scopes}
            options={API_SCOPES.map((s) => ({ value: s, label: t(`apiTokens.scope.${s}`) }))}
            checked={values.scopes}
            error={errors.scopes}
          />
          {funders.length > 1 && (
            <>
              <CheckboxGroup
                ctx={ctx}
                name="funders"
                legend={labels.funders}
                options={funders.map((f) => ({ value: f.id, label: inLocale(f.name, locale) }))}
                checked={values.funders}
                error={errors.funders}
              />
              <p class="hint">{t('apiTokens.fundersHint')}</p>
            </>
          )}
          <Field
            ctx={ctx}
            name="expiresOn"
            type="date"
            label={labels.expiresOn}
            hint={t('apiTokens.expiresOnHint', { max: formatCalendarDate(bounds.max, locale) })}
            value={values.expiresOn}
            required
            error={errors.expiresOn}
          />
          <button type="submit">{t('apiTokens.create')}</button>
        </Form>
      </section>
    </Layout>
  );
}
