import { formatCalendarDate, formatInstant } from '../../../domain/brusselsTime.ts';
import { dueDayOf } from '../../../domain/grants/reportSchedule.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { GrantReportsPage as Data } from '../service.ts';
import { REPORT_KIND, REPORT_STATUS } from './labels.ts';

/** A grant's reports with their days and states, for its officers and the organisation's members. */
export function GrantReportsPage({ ctx, page }: { ctx: ViewContext; page: Data }) {
  const { t, locale } = ctx;
  const { row } = page.grant.record;
  const title = t('reports.list.title', { reference: row.reference });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/grants/${row.id}`}>
          {row.reference} — {row.title}
        </a>
      </p>
      <h1>{title}</h1>
      {page.reports.length === 0 ? (
        <p>{t('reports.list.none')}</p>
      ) : (
        <table>
          <caption>{t('reports.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.report')}</th>
              <th scope="col">{t('reports.opensAt')}</th>
              <th scope="col">{t('reports.dueAt')}</th>
              <th scope="col">{t('reports.status')}</th>
            </tr>
          </thead>
          <tbody>
            {page.reports.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/reports/${r.id}`}>{t(REPORT_KIND[r.kind])}</a>
                </th>
                <td>{formatInstant(r.opensAt, locale, 'date')}</td>
                <td>
                  {formatCalendarDate(dueDayOf(r.dueAt), locale)}
                  {r.moved && <> ({t('reports.moved')})</>}
                </td>
                <td>
                  {t(REPORT_STATUS[r.status])}
                  {r.overdue && (
                    <>
                      {' '}
                      <strong class="badge">{t('reports.overdue')}</strong>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
