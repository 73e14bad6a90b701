import { formatMoney } from '../../../domain/money.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { GrantSummary } from '../service.ts';
import { GRANT_STATUS } from './labels.ts';

/** The grants of the organisations a person belongs to. */
export function MyGrantsPage({ ctx, grants }: { ctx: ViewContext; grants: GrantSummary[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('grants.mine.title')}>
      <h1>{t('grants.mine.title')}</h1>
      {grants.length === 0 ? (
        <p>{t('grants.mine.none')}</p>
      ) : (
        <ul class="card-list">
          {grants.map((g) => (
            <li class="card">
              <h2>
                <a href={`/grants/${g.id}`}>
                  {g.reference} — {g.title}
                </a>
              </h2>
              <p>
                {g.organisationName} · {t(GRANT_STATUS[g.status])} · {formatMoney(g.ledger.entitlementCents, locale)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
