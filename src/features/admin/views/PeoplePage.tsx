import { colon } from '../../../platform/i18n/i18n.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Field } from '../../../platform/views/forms.tsx';
import type { InstallationAbilities } from '../../../domain/adminPolicy.ts';
import type { PersonRow } from '../service.ts';
import { AdminNav } from './AdminNav.tsx';
import { ROLE_NAMES } from './FunderPage.tsx';

/** The people the reader administers: search, roles, last sign-in, and (installation) deactivation. */
export function PeoplePage({
  ctx,
  rows,
  can,
  q,
}: {
  ctx: ViewContext;
  rows: PersonRow[];
  can: InstallationAbilities;
  q: string;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.people.title')}>
      <h1>{t('admin.people.title')}</h1>
      <AdminNav ctx={ctx} />
      <form method="get" action="/admin/people" role="search" class="filters">
        <Field ctx={ctx} name="q" type="search" label={t('admin.people.search')} value={q} />
        <button type="submit">{t('admin.people.searchButton')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('admin.people.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('admin.people.count', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.roles.person')}</th>
                <th scope="col">{t('admin.roles')}</th>
                <th scope="col">{t('admin.people.lastSignIn')}</th>
                <th scope="col">{t('admin.people.status')}</th>
                {can.managePeople && <th scope="col">{t('admin.roles.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr>
                  <td>
                    {p.displayName}
                    <br />
                    {p.email}
                  </td>
                  <td>
                    {p.isPlatformAdmin && <>{t('admin.people.installationAdmin')} </>}
                    {p.roles.map((r) => `${t(ROLE_NAMES[r.role])} (${inLocale(r.funderName, locale)})`).join(', ')}
                  </td>
                  <td>{p.lastSignInAt ? formatInstant(p.lastSignInAt, locale) : t('admin.people.never')}</td>
                  <td>{p.deactivatedAt ? t('admin.people.deactivated') : t('admin.people.active')}</td>
                  {can.managePeople && (
                    <td>
                      <a
                        href={`/admin/people/${p.id}/${p.deactivatedAt ? 'reactivate' : 'deactivate'}`}
                        aria-label={`${p.deactivatedAt ? t('admin.people.reactivate') : t('admin.people.deactivate')}${colon(locale)} ${p.displayName}`}
                      >
                        {p.deactivatedAt ? t('admin.people.reactivate') : t('admin.people.deactivate')}
                      </a>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
