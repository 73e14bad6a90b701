import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import { PasskeyForm } from './SecurityPage.tsx';

/** The sign-in's second step: a code from the app, a passkey, or a recovery code. */
export function SecondFactorPage({
  ctx,
  next,
  passkeyOptions,
  refusals,
}: {
  ctx: ViewContext;
  next: string;
  /** Null when the person has no passkey. */
  passkeyOptions: string | null;
  refusals?: readonly MessageKey[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.step.title')}>
      <h1>{t('secondFactor.step.title')}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <Form ctx={ctx} action="/sign-in/second-factor">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="kind" value="totp" />
        <Field
          ctx={ctx}
          name="code"
          label={t('secondFactor.code')}
          hint={t('secondFactor.codeHint')}
          autocomplete="one-time-code"
          required
        />
        <button type="submit">{t('secondFactor.step.submit')}</button>
      </Form>
      {passkeyOptions && (
        <>
          <h2>{t('secondFactor.step.orPasskey')}</h2>
          <PasskeyForm ctx={ctx} action="/sign-in/second-factor/passkey" mode="get" options={passkeyOptions}>
            <input type="hidden" name="next" value={next} />
            <button type="submit">{t('secondFactor.step.usePasskey')}</button>
          </PasskeyForm>
        </>
      )}
      <h2>{t('secondFactor.step.orRecovery')}</h2>
      <Form ctx={ctx} action="/sign-in/second-factor">
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="kind" value="recovery-code" />
        <Field ctx={ctx} name="recovery" label={t('secondFactor.recoveryCode')} autocomplete="off" required />
        <button type="submit" class="secondary">
          {t('secondFactor.step.useRecovery')}
        </button>
      </Form>
    </Layout>
  );
}

/** Password-less sign-in with a passkey that verifies its user. */
export function PasskeySignInPage({
  ctx,
  next,
  passkeyOptions,
  refusals,
}: {
  ctx: ViewContext;
  next: string;
  passkeyOptions: string;
  refusals?: readonly MessageKey[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.passwordless.title')}>
      <h1>{t('secondFactor.passwordless.title')}</h1>
      <p>{t('secondFactor.passwordless.intro')}</p>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <PasskeyForm ctx={ctx} action="/sign-in/passkey" mode="get" options={passkeyOptions}>
        <input type="hidden" name="next" value={next} />
        <button type="submit">{t('secondFactor.step.usePasskey')}</button>
      </PasskeyForm>
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(next)}`}>{t('secondFactor.passwordless.back')}</a>
      </p>
    </Layout>
  );
}
