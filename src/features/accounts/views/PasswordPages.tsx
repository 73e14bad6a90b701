import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';

export function ForgotPasswordPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: ViewContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={{ email: t('signIn.email') }} />
      <Form ctx={ctx} action="/forgot-password">
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={t('signIn.email')}
          value={values.email}
          required
          autocomplete="email"
          error={errors.email}
        />
        <button type="submit">{t('forgot.submit')}</button>
      </Form>
    </Layout>
  );
}

export function ResetPasswordPage({
  ctx,
  token,
  errors = {},
}: {
  ctx: ViewContext;
  token: string;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const labels = { password: t('reset.password'), passwordConfirm: t('signUp.passwordConfirm') };
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action="/account/reset">
        <input type="hidden" name="token" value={token} />
        <Field
          ctx={ctx}
          name="password"
          type="password"
          label={labels.password}
          hint={t('signUp.passwordHint')}
          required
          autocomplete="new-password"
          error={errors.password}
        />
        <Field
          ctx={ctx}
          name="passwordConfirm"
          type="password"
          label={labels.passwordConfirm}
          required
          autocomplete="new-password"
          error={errors.passwordConfirm}
        />
        <button type="submit">{t('reset.submit')}</button>
      </Form>
    </Layout>
  );
}
