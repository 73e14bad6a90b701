import type { Requirement } from '../../../domain/signInAssurance.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import { AdminNav } from './AdminNav.tsx';
import { RequirementFields } from './RequirementFields.tsx';

/** What the installation requires of its administrators' sign-in: a second factor, a provider, a level of assurance. */
export function InstallationSignInPage({
  ctx,
  requirement,
  providers,
  ownSecondFactor,
  refusals,
}: {
  ctx: ViewContext;
  requirement: Requirement;
  providers: { slug: string; label: string }[];
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
        <RequirementFields
          ctx={ctx}
          requirement={requirement}
          providers={providers}
          secondFactorLabel={t('admin.installationSignIn.secondFactor')}
        />
        <button type="submit">{t('admin.installationSignIn.save')}</button>
      </Form>
    </Layout>
  );
}
