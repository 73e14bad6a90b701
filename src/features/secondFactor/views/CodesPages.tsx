import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary } from '../../../platform/views/forms.tsx';

/** The new secret, as a QR code and as text, and the first code that proves the app holds it. */
export function SetUpAuthenticatorPage({
  ctx,
  secret,
  qrSvg,
  refusals,
}: {
  ctx: ViewContext;
  secret: string;
  qrSvg: string;
  refusals?: readonly MessageKey[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.setUp.title')}>
      <h1>{t('secondFactor.setUp.title')}</h1>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <ol>
        <li>
          <p>{t('secondFactor.setUp.scan')}</p>
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`}
            width={200}
            height={200}
            alt={t('secondFactor.setUp.qrAlt')}
          />
          <p>
            {t('secondFactor.setUp.orType')} <code class="secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
        </li>
        <li>
          <Form ctx={ctx} action="/account/security/authenticator/confirm">
            <Field
              ctx={ctx}
              name="code"
              label={t('secondFactor.code')}
              hint={t('secondFactor.codeHint')}
              autocomplete="one-time-code"
              required
              error={refusals?.length ? { key: 'secondFactor.refusal.code-wrong' } : undefined}
            />
            <button type="submit">{t('secondFactor.setUp.confirm')}</button>
          </Form>
        </li>
      </ol>
    </Layout>
  );
}

/** Recovery codes, shown this once. */
export function RecoveryCodesPage({ ctx, codes }: { ctx: ViewContext; codes: readonly string[] }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.codes.title')}>
      <h1>{t('secondFactor.codes.title')}</h1>
      <p>{t('secondFactor.codes.intro')}</p>
      <ul class="recovery-codes">
        {codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>
        <a href="/account/security">{t('secondFactor.codes.done')}</a>
      </p>
    </Layout>
  );
}
