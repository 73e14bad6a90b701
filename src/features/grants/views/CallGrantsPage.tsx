import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { ScopedCall } from '../../calls/service.ts';
import type { GrantSummary } from '../service.ts';
import { GrantsNav } from './GrantsNav.tsx';
import { GRANT_STATUS } from './labels.ts';

/** A call's grants for its officers: each with its state and its ledger, and the totals. */
export function CallGrantsPage({ ctx, call, grants }: { ctx: ViewContext; call: ScopedCall; grants: GrantSummary[] }) {
  const { t, locale } = ctx;
  const money = (c: number) => formatMoney(c, locale);
  const sum = (f: (g: GrantSummary) => number) => grants.reduce((s, g) => s + f(g), 0);
  const title = `${t('grants.list.title')} — ${inLocale(call.record.title, locale)}`;
  return (
    <Layout ctx={ctx} title={title} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a>
      </p>
      <h1>{title}</h1>
      <GrantsNav ctx={ctx} callId={call.record.id} />
      {grants.length === 0 ? (
        <p>{t('grants.list.none')}</p>
      ) : (
        <table>
          <caption>{t('grants.list.caption', { count: grants.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('grants.reference')}</th>
              <th scope="col">{t('grants.organisation')}</th>
              <th scope="col">{t('grants.status')}</th>
              <th scope="col" class="num">
                {t('grants.ledger.entitlement')}
              </th>
              <th scope="col" class="num">
                {t('grants.ledger.paid')}
              </th>
              <th scope="col" class="num">
                {t('grants.ledger.toPay')}
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr>
                <th scope="row">
                  <a href={`/grants/${g.id}`}>{g.reference}</a>
                </th>
                <td>
                  {g.organisationName}
                  <br />
                  <span class="hint">{g.title}</span>
                </td>
                <td>{t(GRANT_STATUS[g.status])}</td>
                <td class="num">{money(g.ledger.entitlementCents)}</td>
                <td class="num">{money(g.ledger.paidCents)}</td>
                <td class="num">{money(g.ledger.toPayCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('grants.list.total')}
              </th>
              <td class="num">{money(sum((g) => g.ledger.entitlementCents))}</td>
              <td class="num">{money(sum((g) => g.ledger.paidCents))}</td>
              <td class="num">{money(sum((g) => g.ledger.toPayCents))}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </Layout>
  );
}
