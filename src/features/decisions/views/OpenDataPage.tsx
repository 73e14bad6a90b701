import { formatCalendarDate } from '../../../domain/brusselsTime.ts';
import { formatMoney } from '../../../domain/money.ts';
import { inLocale } from '../../../domain/translated.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CallResults } from '../publicResults.ts';

/** The programme's open data: every published result, and the feed of all its grants in 360Giving format. */
export function OpenDataPage({ ctx, calls }: { ctx: ViewContext; calls: CallResults[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('openData.title')}>
      <h1>{t('openData.title')}</h1>
      <p>{t('openData.intro')}</p>
      <ul>
        <li>
          <a href="/open-data/360giving.json">{t('openData.feed.json')}</a>
        </li>
        <li>
          <a href="/open-data/360giving.csv">{t('openData.feed.csv')}</a>
        </li>
      </ul>
      <h2>{t('openData.calls')}</h2>
      {calls.length === 0 ? (
        <p>{t('openData.none')}</p>
      ) : (
        <ul>
          {calls.map((r) => (
            <li>
              <a href={`/calls/${r.call.id}/results`}>{inLocale(r.call.title, locale)}</a> —{' '}
              {inLocale(r.call.funderName, locale)},{' '}
              {t('openData.callLine', {
                date: formatCalendarDate(r.decision.decidedOn, locale),
                count: r.projects.length,
                total: formatMoney(r.totalCents, locale),
              })}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
