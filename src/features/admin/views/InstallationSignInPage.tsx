import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import { AdminNav } from './AdminNav.tsx';

/** What the installation requires of its administrators' sign-in: a second factor, or not. */
export function InstallationSignInPage({
  ctx,
  secondFactor,
  ownSecondFactor,
  refusals,
}: {
  ctx: ViewContext;
  secondFactor: boolean;
  /** Whether the administrator reading has a second factor: without one, they cannot require it. */
  ownSecondFactor: boolean;
  refusals?: readonly MessageKey[] | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.installationSignIn.title')}>
      <h1>{t('admin.installationSignIn.title')}</h1>
      <AdminNav ctx={ctx} />
      <p>{t('admin.installationSignIn.intro')}</p>
      {!ownSecondFactor && (
        <p>
          {t('admin.installationSignIn.ownFirst')} <a href="/account/security">{t('secondFactor.accountLink')}</a>
        </p>
      )}
      <RefusalSummary ctx={ctx} refusals={refusals} />
      <Form ctx={ctx} action="/admin/installation-sign-in">
        <div class="field">
          <input type="checkbox" id="field-secondFactor" name="secondFactor" value="yes" checked={secondFactor} />{' '}
          <label for="field-secondFactor">{t('admin.installationSignIn.secondFactor')}</label>
        </div>
        <button type="submit">{t('admin.installationSignIn.save')}</button>
      </Form>
    </Layout>
  );
}
