import { formatInstant } from '../../../domain/brusselsTime.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { assetUrl } from '../../../platform/http/staticAssets.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import type { MySecondFactors } from '../service.ts';

/**
 * One's second factors: the authenticator app (set up without JavaScript), the recovery codes, and
 * passkeys (their registration needs the browser's WebAuthn, so its form shows only with scripts).
 */
export function SecurityPage({
  ctx,
  factors,
  passkeyOptions,
  refusals,
}: {
  ctx: ViewContext;
  factors: MySecondFactors;
  /** The WebAuthn creation options (JSON) for a new passkey. */
  passkeyOptions: string;
  refusals?: readonly MessageKey[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('secondFactor.title')}>
      <h1>{t('secondFactor.title')}</h1>
      <p>{t('secondFactor.intro')}</p>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <section aria-labelledby="authenticator-title">
        <h2 id="authenticator-title">{t('secondFactor.authenticator')}</h2>
        {factors.authenticator ? (
          <>
            <p>{t('secondFactor.authenticatorOn')}</p>
            <Form ctx={ctx} action="/account/security/authenticator/remove">
              <button type="submit" class="secondary">
                {t('secondFactor.authenticatorRemove')}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t('secondFactor.authenticatorOff')}</p>
            <Form ctx={ctx} action="/account/security/authenticator">
              <button type="submit">{t('secondFactor.authenticatorSetUp')}</button>
            </Form>
          </>
        )}
      </section>
      <section aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">{t('secondFactor.passkeys')}</h2>
        {factors.passkeys.length === 0 ? (
          <p>{t('secondFactor.passkeysNone')}</p>
        ) : (
          <ul>
            {factors.passkeys.map((p) => (
              <li>
                {p.name} — {t('secondFactor.passkeyAdded', { date: formatInstant(p.createdAt, locale) })}{' '}
                <Form ctx={ctx} action={`/account/security/passkeys/${encodeURIComponent(p.id)}/remove`} class="inline">
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t('secondFactor.passkeyRemoveLabel', { name: p.name })}
                  >
                    {t('secondFactor.passkeyRemove')}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <PasskeyForm ctx={ctx} action="/account/security/passkeys" mode="create" options={passkeyOptions}>
          <Field ctx={ctx} name="name" label={t('secondFactor.passkeyName')} hint={t('secondFactor.passkeyNameHint')} />
          <button type="submit">{t('secondFactor.passkeyAdd')}</button>
        </PasskeyForm>
      </section>
      {(factors.authenticator || factors.passkeys.length > 0) && (
        <section aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('secondFactor.recovery')}</h2>
          <p>{t('secondFactor.recoveryLeft', { count: factors.recoveryCodesLeft })}</p>
          <Form ctx={ctx} action="/account/security/recovery-codes">
            <button type="submit" class="secondary">
              {t('secondFactor.recoveryRenew')}
            </button>
          </Form>
        </section>
      )}
    </Layout>
  );
}

/**
 * A form that a passkey completes (passkeys.js): hidden until the script shows it, it asks the
 * browser for a credential with the options given and sends the answer in the field `credential`.
 */
export function PasskeyForm({
  ctx,
  action,
  mode,
  options,
  children,
}: {
  ctx: ViewContext;
  action: string;
  mode: 'create' | 'get';
  options: string;
  children: preact.ComponentChildren;
}) {
  return (
    <>
      <div hidden data-passkey-form>
        <Form ctx={ctx} action={action}>
          <input type="hidden" name="credential" value="" data-passkey={mode} data-passkey-options={options} />
          {children}
          <p role="status" data-passkey-status data-passkey-failed={ctx.t('secondFactor.passkeyFailed')}></p>
        </Form>
      </div>
      <noscript>
        <p>{ctx.t('secondFactor.passkeyNeedsScript')}</p>
      </noscript>
      <script src={assetUrl('passkeys.js')} defer></script>
    </>
  );
}
