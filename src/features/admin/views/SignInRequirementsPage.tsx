import { ROLES } from '../../../domain/access.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field, Form, RefusalSummary, Select } from '../../../platform/views/forms.tsx';
import type { ScopedFunder } from '../access.ts';
import type { SignInRequirementInput } from '../commands/setSignInRequirement.ts';
import { AdminNav } from './AdminNav.tsx';
import { ROLE_NAMES } from './FunderPage.tsx';

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
              <div class="field">
                <input
                  type="checkbox"
                  id={`field-${role}-secondFactor`}
                  name="secondFactor"
                  value="yes"
                  checked={!!r?.secondFactor}
                />{' '}
                <label for={`field-${role}-secondFactor`}>{t('admin.signIn.secondFactor')}</label>
              </div>
              <Select
                ctx={ctx}
                name={`${role}-provider`}
                label={t('admin.signIn.provider')}
                value={r?.provider ?? ''}
                options={[
                  { value: '', label: t('admin.signIn.anyProvider') },
                  ...providers.map((p) => ({ value: p.slug, label: p.label })),
                ]}
              />
              <Field
                ctx={ctx}
                name={`${role}-minimumAcr`}
                label={t('admin.signIn.minimumAcr')}
                hint={t('admin.signIn.minimumAcrHint')}
                value={r?.minimumAcr ?? ''}
              />
              <button type="submit">{t('admin.signIn.save', { role: t(ROLE_NAMES[role]) })}</button>
            </Form>
          </section>
        );
      })}
    </Layout>
  );
}
