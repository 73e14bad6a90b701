import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Form, type FieldErrors } from '../../../platform/views/forms.tsx';
import type { Organisation } from '../service.ts';
import { OrganisationFields } from './OrganisationFields.tsx';

export function OrganisationsListPage({
  ctx,
  organisations,
}: {
  ctx: ViewContext;
  organisations: (Organisation & { role: 'owner' | 'member' })[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organisation.listTitle')}>
      <h1>{t('organisation.listTitle')}</h1>
      {organisations.length === 0 ? (
        <p>{t('organisation.none')}</p>
      ) : (
        <ul>
          {organisations.map((o) => (
            <li>
              <a href={`/organisations/${o.id}`}>{o.name}</a> — {t(`organisation.role.${o.role}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a class="button" href="/organisations/new">
          {t('organisation.register')}
        </a>
      </p>
    </Layout>
  );
}

export function NewOrganisationPage({
  ctx,
  values = {},
  errors = {},
}: {
  ctx: ViewContext;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('organisation.register')}>
      <h1>{t('organisation.register')}</h1>
      <p>{t('organisation.registerIntro')}</p>
      <Form ctx={ctx} action="/organisations">
        <OrganisationFields ctx={ctx} values={values} errors={errors} />
        <button type="submit">{t('organisation.create')}</button>
      </Form>
    </Layout>
  );
}
