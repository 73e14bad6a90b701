import { ROLES } from '../../../domain/access.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, RefusalSummary } from '../../../platform/views/forms.tsx';
import type { ScopedFunder } from '../access.ts';
import type { SignInRequirementInput } from '../commands/setSignInRequirement.ts';
import { AdminNav } from './AdminNav.tsx';
import { ROLE_NAMES } from './FunderPage.tsx';
import { RequirementFields } from './RequirementFields.tsx';

/** What the funder requires of the sign-in of each role: one small form per role. */
export function SignInRequirementsPage({
  ctx,
  funder,
  requirements,
  providers,
  refusals,
}: {
  ctx: ViewContext;
  funder: ScopedFunder;
  requirements: SignInRequirementInput[];
  providers: { slug: string; label: string }[];
  refusals?: readonly MessageKey[];
}) {
  const { t, locale } = ctx;
  const id = funder.record.id;
  const title = t('admin.signIn.title', { funder: inLocale(funder.record.name, locale) });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <AdminNav ctx={ctx} />
      <p>{t('admin.signIn.intro')}</p>
      <RefusalSummary ctx={ctx} refusals={refusals} />
      {ROLES.map((role) => {
        const r = requirements.find((x) => x.role === role);
        return (
          <section aria-labelledby={`req-${role}`}>
            <h2 id={`req-${role}`}>{t(ROLE_NAMES[role])}</h2>
            <Form ctx={ctx} action={`/admin/funders/${id}/sign-in-requirements`}>
              <input type="hidden" name="role" value={role} />
              <RequirementFields
                ctx={ctx}
                prefix={`${role}-`}
                requirement={r}
                providers={providers}
                secondFactorLabel={t('admin.signIn.secondFactor')}
              />
              <button type="submit">{t('admin.signIn.save', { role: t(ROLE_NAMES[role]) })}</button>
            </Form>
          </section>
        );
      })}
    </Layout>
  );
}
