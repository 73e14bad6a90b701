import { colon } from '../../../platform/i18n/i18n.ts';
import { closedEarly, effectiveClosing } from '../../../domain/applicationWindow.ts';
import { formatInstant } from '../../../domain/brusselsTime.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { DashboardRow } from '../service.ts';

/** The next thing to do with an application, in the applicant's words: one for every status, never "—". */
const NEXT_STEP = {
  draft: 'dashboard.next.draft',
  returned: 'dashboard.next.returned',
  submitted: 'dashboard.next.submitted',
  eligible: 'applicants.next.evaluation',
  'under-review': 'applicants.next.evaluation',
  scored: 'applicants.next.decision',
  ineligible: 'applicants.next.ineligible',
  selected: 'applicants.next.selected',
  reserve: 'applicants.next.reserve',
  rejected: 'applicants.next.rejected',
  withdrawn: 'applicants.next.withdrawn',
} as const satisfies Record<DashboardRow['status'], MessageKey>;

export function DashboardPage({ ctx, rows }: { ctx: ViewContext; rows: DashboardRow[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('dashboard.title')}>
      <h1>{t('dashboard.title')}</h1>
      {rows.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.project')}</th>
                <th scope="col">{t('dashboard.call')}</th>
                <th scope="col">{t('call.status')}</th>
                <th scope="col">{t('dashboard.nextStep')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/applications/${r.id}`}>{r.title}</a>
                    <br />
                    {r.organisationName}
                    {r.reference && (
                      <>
                        {' '}
                        · <code>{r.reference}</code>
                      </>
                    )}
                  </td>
                  <td>
                    {inLocale(r.callTitle, locale)}
                    {r.closesAt && (
                      <>
                        <br />
                        {closedEarly(r) ? t('call.closedEarly') : t('call.closes')}
                        {colon(locale)} {formatInstant(effectiveClosing(r)!, locale)}
                      </>
                    )}
                  </td>
                  <td>{t(`application.status.${r.status}` as MessageKey)}</td>
                  <td>{t(NEXT_STEP[r.status])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
