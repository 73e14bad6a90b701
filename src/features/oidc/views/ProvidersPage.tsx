import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  ErrorSummary,
  Field,
  Form,
  RefusalSummary,
  Select,
  Textarea,
  type FieldErrors,
} from '../../../platform/views/forms.tsx';
import { CLIENT_AUTH_METHODS, ID_TOKEN_ENCRYPTION_ALGS, ID_TOKEN_ENCRYPTION_ENCS } from '../keys.ts';
import type { ProviderRow } from '../service.ts';

/** The OpenID Connect providers of the installation: listed, enabled or disabled, added and edited. */
export function ProvidersPage({
  ctx,
  providers,
  editing,
  values = {},
  errors = {},
  refusals,
  addresses,
}: {
  ctx: ViewContext;
  providers: ProviderRow[];
  /** The provider whose settings the form shows, if one is being edited. */
  editing?: ProviderRow | undefined;
  values?: Record<string, string>;
  errors?: FieldErrors;
  refusals?: readonly MessageKey[];
  /** What to register at the provider for the provider shown in the form. */
  addresses: { redirectUri: string; jwksUri: string };
}) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    slug: t('admin.providers.slug'),
    label: t('admin.providers.label'),
    issuer: t('admin.providers.issuer'),
    clientId: t('admin.providers.clientId'),
    clientSecret: t('admin.providers.clientSecret'),
    scopes: t('admin.providers.scopes'),
    acrValues: t('admin.providers.acrValues'),
    claimSubject: t('admin.providers.claimSubject'),
    claimName: t('admin.providers.claimName'),
    claimEmail: t('admin.providers.claimEmail'),
    claimLocale: t('admin.providers.claimLocale'),
    claimNationalNumber: t('admin.providers.claimNationalNumber'),
    tokenEndpointAuthMethod: t('admin.providers.authMethod'),
    clientPrivateKey: t('admin.providers.privateKey'),
    idTokenEncryptionAlg: t('admin.providers.encryptionAlg'),
    idTokenEncryptionEnc: t('admin.providers.encryptionEnc'),
    idTokenDecryptionKey: t('admin.providers.decryptionKey'),
  };
  const select = (name: string, options: { value: string; label: string }[], hint?: string) => (
    <Select
      ctx={ctx}
      name={name}
      label={labels[name]!}
      value={values[name]}
      error={errors[name]}
      hint={hint}
      options={options}
    />
  );
  // A key is never shown back: the box stays empty, and its hint says whether one is stored.
  const key = (name: string, stored: boolean | undefined) => (
    <Textarea
      ctx={ctx}
      name={name}
      label={labels[name]!}
      error={errors[name]}
      rows={4}
      hint={[t('admin.providers.keyHint'), stored ? t('admin.providers.keyKept') : ''].join(' ').trim()}
    />
  );
  const none = { value: '', label: t('admin.providers.notEncrypted') };
  const field = (name: string, extra: { hint?: string; required?: boolean; type?: 'url' | 'password' } = {}) => (
    <Field ctx={ctx} name={name} label={labels[name]!} value={values[name]} error={errors[name]} {...extra} />
  );
  return (
    <Layout ctx={ctx} title={t('admin.providers.title')}>
      <h1>{t('admin.providers.title')}</h1>
      <p>{t('admin.providers.intro')}</p>
      {providers.length === 0 ? (
        <p>{t('admin.providers.none')}</p>
      ) : (
        <table>
          <caption>{t('admin.providers.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.label}</th>
              <th scope="col">{labels.issuer}</th>
              <th scope="col">{t('admin.providers.state')}</th>
              <th scope="col">{t('admin.roles.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {providers.map((p) => (
              <tr>
                <td>
                  {p.label} (<code>{p.slug}</code>)
                </td>
                <td>{p.issuer}</td>
                <td>{t(p.enabled ? 'admin.providers.enabled' : 'admin.providers.disabled')}</td>
                <td>
                  <a
                    href={`/admin/sign-in-providers/${p.slug}`}
                    aria-label={t('admin.providers.editLabel', { provider: p.label })}
                  >
                    {t('admin.providers.edit')}
                  </a>{' '}
                  <Form
                    ctx={ctx}
                    action={`/admin/sign-in-providers/${p.slug}/${p.enabled ? 'disable' : 'enable'}`}
                    class="inline"
                  >
                    <button type="submit" class="secondary">
                      {t(p.enabled ? 'admin.providers.disable' : 'admin.providers.enable', { provider: p.label })}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{editing ? t('admin.providers.editTitle', { provider: editing.label }) : t('admin.providers.add')}</h2>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} />
      <Form ctx={ctx} action="/admin/sign-in-providers">
        {editing ? (
          <input type="hidden" name="slug" value={editing.slug} />
        ) : (
          field('slug', { required: true, hint: t('admin.providers.slugHint') })
        )}
        {field('label', { required: true })}
        {field('issuer', { required: true, type: 'url', hint: t('admin.providers.issuerHint') })}
        {field('clientId', { required: true })}
        {field('clientSecret', {
          type: 'password',
          hint: editing?.hasSecret ? t('admin.providers.secretKept') : undefined,
        })}
        {field('scopes', { required: true, hint: t('admin.providers.scopesHint') })}
        {field('acrValues', { hint: t('admin.providers.acrValuesHint') })}
        <fieldset>
          <legend>{t('admin.providers.claims')}</legend>
          {field('claimSubject', { hint: t('admin.providers.claimSubjectHint') })}
          {field('claimName')}
          {field('claimEmail')}
          {field('claimLocale')}
          {field('claimNationalNumber', { hint: t('admin.providers.claimNationalNumberHint') })}
        </fieldset>
        <fieldset>
          <legend>{t('admin.providers.keys')}</legend>
          <p>{t('admin.providers.register')}</p>
          <dl>
            <dt>redirect_uri</dt>
            <dd>
              <code>{addresses.redirectUri}</code>
            </dd>
            <dt>jwks_uri</dt>
            <dd>
              <code>{addresses.jwksUri}</code>
            </dd>
          </dl>
          {select(
            'tokenEndpointAuthMethod',
            CLIENT_AUTH_METHODS.map((m) => ({ value: m, label: m })),
            t('admin.providers.authMethodHint'),
          )}
          {key('clientPrivateKey', editing?.hasPrivateKey)}
          {select('idTokenEncryptionAlg', [none, ...ID_TOKEN_ENCRYPTION_ALGS.map((a) => ({ value: a, label: a }))])}
          {select('idTokenEncryptionEnc', [
            { value: '', label: t('admin.providers.anyEnc') },
            ...ID_TOKEN_ENCRYPTION_ENCS.map((e) => ({ value: e, label: e })),
          ])}
          {key('idTokenDecryptionKey', editing?.hasDecryptionKey)}
        </fieldset>
        <button type="submit">{t('admin.providers.save')}</button>
      </Form>
    </Layout>
  );
}
