import { ROLES } from '../../../domain/access.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { ErrorSummary, Field, Form, Select, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { AdminOverview } from '../service.ts';

interface Props {
  ctx: ViewContext;
  overview: AdminOverview;
  /** Errors and values of whichever form was sent, so it comes back as it was typed. */
  funderForm?: { values: Record<string, string>; errors: FieldErrors };
  grantForm?: { values: Record<string, string>; errors: FieldErrors };
}

export function AdminPage({ ctx, overview, funderForm, grantForm }: Props) {
  const { t, locale } = ctx;
  const funderName = new Map(overview.funders.map((f) => [f.id, inLocale(f.name, locale)]));
  const funderLabels = {
    slug: t('admin.funder.slug'),
    nameFr: t('admin.funder.nameFr'),
    nameNl: t('admin.funder.nameNl'),
    nameEn: t('admin.funder.nameEn'),
  };
  const grantLabels = { email: t('admin.roles.email'), funderId: t('admin.roles.funder'), role: t('admin.roles.role') };
  const fv = funderForm?.values ?? {};
  const fe = funderForm?.errors ?? {};
  const gv = grantForm?.values ?? {};
  const ge = grantForm?.errors ?? {};
  return (
    <Layout ctx={ctx} title={t('admin.title')}>
      <h1>{t('admin.title')}</h1>

      <section aria-labelledby="funders-title">
        <h2 id="funders-title">{t('admin.funders')}</h2>
        <ul>
          {overview.funders.map((f) => (
            <li>
              {funderName.get(f.id)} <code>{f.slug}</code>
            </li>
          ))}
        </ul>
        {overview.canCreateFunders && (
          <>
            <ErrorSummary ctx={ctx} errors={fe} labels={funderLabels} />
            <Form ctx={ctx} action="/admin/funders">
              <Field
                ctx={ctx}
                name="slug"
                label={funderLabels.slug}
                value={fv.slug}
                required
                maxLength={40}
                error={fe.slug}
              />
              <Field ctx={ctx} name="nameFr" label={funderLabels.nameFr} value={fv.nameFr} required error={fe.nameFr} />
              <Field ctx={ctx} name="nameNl" label={funderLabels.nameNl} value={fv.nameNl} error={fe.nameNl} />
              <Field ctx={ctx} name="nameEn" label={funderLabels.nameEn} value={fv.nameEn} error={fe.nameEn} />
              <button type="submit">{t('admin.funder.create')}</button>
            </Form>
          </>
        )}
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t('admin.roles')}</h2>
        <p>{t('admin.roles.intro')}</p>
        {overview.grants.length === 0 ? (
          <p>{t('admin.roles.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('admin.roles.person')}</th>
                  <th scope="col">{t('admin.roles.funder')}</th>
                  <th scope="col">{t('admin.roles.role')}</th>
                  <th scope="col">{t('admin.roles.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.grants.map((g) => {
                  const role = t(`role.${g.role}` as MessageKey);
                  return (
                    <tr>
                      <td>
                        {g.displayName} &lt;{g.email}&gt;
                      </td>
                      <td>{funderName.get(g.funderId)}</td>
                      <td>{role}</td>
                      <td>
                        <Form ctx={ctx} action={`/admin/roles/${g.id}/revoke`} class="inline">
                          <button
                            type="submit"
                            class="secondary"
                            aria-label={t('admin.roles.revoke', {
                              role,
                              funder: funderName.get(g.funderId) ?? '',
                              person: g.displayName,
                            })}
                          >
                            ×
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {overview.funders.length > 0 && (
          <>
            <ErrorSummary ctx={ctx} errors={ge} labels={grantLabels} />
            <Form ctx={ctx} action="/admin/roles">
              <Field
                ctx={ctx}
                name="email"
                type="email"
                label={grantLabels.email}
                value={gv.email}
                required
                error={ge.email}
              />
              <Select
                ctx={ctx}
                name="funderId"
                label={grantLabels.funderId}
                value={gv.funderId}
                error={ge.funderId}
                options={overview.funders.map((f) => ({ value: f.id, label: funderName.get(f.id) ?? f.slug }))}
              />
              <Select
                ctx={ctx}
                name="role"
                label={grantLabels.role}
                value={gv.role}
                error={ge.role}
                options={ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
              />
              <button type="submit">{t('admin.roles.grant')}</button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}
