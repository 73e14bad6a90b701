import { formatInstant } from '../../../domain/brusselsTime.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';

interface Props {
  ctx: ViewContext;
  next: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** A message about the whole form, such as wrong credentials. */
  problem?: 'signIn.failed' | 'signIn.unconfirmed' | 'signIn.deactivated' | 'error.signInRequired' | undefined;
  /** Sign-in with this address is paused after too many failures, until then. */
  pausedUntil?: Date | undefined;
  /** OpenID Connect providers offered beside the password (CSAM, itsme…). */
  providers?: { slug: string; label: string }[];
}

export function SignInPage({ ctx, next, values = {}, errors = {}, problem, pausedUntil, providers = [] }: Props) {
  const { t } = ctx;
  const labels = { email: t('signIn.email'), password: t('signIn.password') };
  return (
    <Layout ctx={ctx} title={t('signIn.title')}>
      <h1>{t('signIn.title')}</h1>
      {pausedUntil && (
        <p class="error-summary" role="alert">
          {t('signIn.paused', { until: formatInstant(pausedUntil, ctx.locale, 'time') })}
        </p>
      )}
      {problem && (
        <p
          class={problem === 'signIn.failed' || problem === 'signIn.deactivated' ? 'error-summary' : 'flash'}
          role="alert"
        >
          {t(problem)}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action="/sign-in">
        <input type="hidden" name="next" value={next} />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={values.email}
          required
          autocomplete="username"
          error={errors.email}
        />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={labels.password}
          required
          autocomplete="current-password"
          error={errors.password}
        />
        <button type="submit">{t('signIn.submit')}</button>
      </Form>
      {providers.length > 0 && (
        <section aria-labelledby="providers-title">
          <h2 id="providers-title">{t('oidc.orProviders')}</h2>
          <ul>
            {providers.map((p) => (
              <li>
                <a class="button secondary" href={`/sign-in/oidc/${p.slug}?next=${encodeURIComponent(next)}`}>
                  {t('oidc.signInWith', { provider: p.label })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <a href={`/sign-in/passkey?next=${encodeURIComponent(next)}`}>{t('secondFactor.passwordless.link')}</a>
      </p>
      <p>
        <a href="/forgot-password">{t('signIn.forgot')}</a>
      </p>
      <p>
        <a href="/sign-up">{t('signIn.noAccount')}</a>
      </p>
    </Layout>
  );
}
