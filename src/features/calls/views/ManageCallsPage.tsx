import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { ClosingTime } from '../../../platform/views/ClosingTime.tsx';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ScopedCall } from '../service.ts';

export function ManageCallsPage({
  ctx,
  calls,
  canCreate,
}: {
  ctx: ViewContext;
  calls: ScopedCall[];
  canCreate: boolean;
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('manage.calls.title')}>
      <h1>{t('manage.calls.title')}</h1>
      {canCreate && (
        <p>
          <a class="button" href="/manage/calls/new">
            {t('manage.calls.new')}
          </a>
        </p>
      )}
      {calls.length === 0 ? (
        <p>{t('manage.calls.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('manage.calls.call')}</th>
                <th scope="col">{t('call.funder')}</th>
                <th scope="col">{t('call.status')}</th>
                <th scope="col">{t('call.budget')}</th>
                <th scope="col">{t('call.closes')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map(({ record: c }) => (
                <tr>
                  <td>
                    <a href={`/manage/calls/${c.id}`}>{inLocale(c.title, locale)}</a> <code>{c.code}</code>
                  </td>
                  <td>{inLocale(c.funderName, locale)}</td>
                  <td>{t(`call.status.${c.status}` as MessageKey)}</td>
                  <td>{formatMoney(c.budgetCents, locale)}</td>
                  <td>
                    <ClosingTime ctx={ctx} call={c} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
