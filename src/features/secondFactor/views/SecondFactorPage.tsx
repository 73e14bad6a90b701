import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import type { SecondStep } from '../service.ts';
import { PasskeyForm } from './SecurityPage.tsx';

/**
 * The sign-in's second step: only the ways the person has, the one they set up first on top (a code
 * from the app, else a passkey), then the others under "or". Nothing to fill in when no sign-in is
 * pending: the refusal says to sign in again.
 */
export function SecondFactorPage({
  ctx,
  next,
  offered,
  passkeyOptions,
  refusals,
}: {
  ctx: ViewContext;
  next: string;
  /** The person's factors; null when no sign-in is pending. */
  offered: SecondStep | null;
  /** Null when the person has no passkey. */
  passkeyOptions: string | null;
  refusals?: readonly MessageKey[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.step.title')}>
      <h1>{t('secondFactor.step.title')}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      {!offered && (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(next)}`}>{t('nav.signIn')}</a>
        </p>
      )}
      {offered?.authenticator && (
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
      )}
      {passkeyOptions && (
        <>
          {offered?.authenticator && <h2>{t('secondFactor.step.orPasskey')}</h2>}
          <PasskeyForm ctx={ctx} action="/sign-in/second-factor/passkey" mode="get" options={passkeyOptions}>
            <input type="hidden" name="next" value={next} />
            <button type="submit">{t('secondFactor.step.usePasskey')}</button>
          </PasskeyForm>
        </>
      )}
      {offered?.recoveryCodes && (
        <>
          <h2>{t('secondFactor.step.orRecovery')}</h2>
          <Form ctx={ctx} action="/sign-in/second-factor">
            <input type="hidden" name="next" value={next} />
            <input type="hidden" name="kind" value="recovery-code" />
            <Field ctx={ctx} name="recovery" label={t('secondFactor.recoveryCode')} autocomplete="off" required />
            <button type="submit" class="secondary">
              {t('secondFactor.step.useRecovery')}
            </button>
          </Form>
        </>
      )}
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
