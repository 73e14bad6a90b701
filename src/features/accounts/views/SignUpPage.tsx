import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, type FieldErrors } from '../../../platform/views/forms.tsx';

export function SignUpPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: ViewContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const labels = {
    displayName: t('signUp.displayName'),
    email: t('signUp.email'),
    password: t('signUp.password'),
    passwordConfirm: t('signUp.passwordConfirm'),
  };
  return (
    <Layout ctx={ctx} title={t('signUp.title')}>
      <h1>{t('signUp.title')}</h1>
      <p>{t('signUp.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action="/sign-up">
        <Field
          ctx={ctx}
          name="displayName"
          label={labels.displayName}
          value={values.displayName}
          required
          autocomplete="name"
          maxLength={120}
          error={errors.displayName}
        />
        <Field
          ctx={ctx}
          name="email"
          type="email"
          label={labels.email}
          value={values.email}
          required
          autocomplete="email"
          error={errors.email}
        />
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
        <button type="submit">{t('signUp.submit')}</button>
      </Form>
      <p>
        <a href="/sign-in">{t('signUp.haveAccount')}</a>
      </p>
    </Layout>
  );
}
