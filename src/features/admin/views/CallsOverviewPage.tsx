import type { CallAbilities } from '../../../domain/callPolicy.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { ClosingTime } from '../../../platform/views/ClosingTime.tsx';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { PublicCall } from '../../calls/service.ts';
import { AdminNav } from './AdminNav.tsx';

/** Every call of the funders the reader administers, whatever its state. */
export function CallsOverviewPage({
  ctx,
  calls,
}: {
  ctx: ViewContext;
  calls: { call: PublicCall; can: CallAbilities }[];
}) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('admin.calls.title')} wide>
      <h1>{t('admin.calls.title')}</h1>
      <AdminNav ctx={ctx} />
      {calls.length === 0 ? (
        <p>{t('admin.calls.none')}</p>
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
              {calls.map(({ call, can }) => {
                const title = inLocale(call.title, locale);
                const href = can.manage ? `/manage/calls/${call.id}` : can.see ? `/calls/${call.id}` : null;
                return (
                  <tr>
                    <td>
                      {href ? <a href={href}>{title}</a> : title} <code>{call.code}</code>
                    </td>
                    <td>{inLocale(call.funderName, locale)}</td>
                    <td>{t(`call.status.${call.status}` as MessageKey)}</td>
                    <td>{formatMoney(call.budgetCents, locale)}</td>
                    <td>
                      <ClosingTime ctx={ctx} call={call} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
