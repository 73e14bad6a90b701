import { colon } from '../../../platform/i18n/i18n.ts';
import { CallPageNav } from '../../calls/views/CallNav.tsx';
import { formatEnterpriseNumber } from '../../../domain/enterpriseNumber.ts';
import type { ChecklistProgress, Funnel } from '../../../domain/screening.ts';
import { inLocale } from '../../../domain/translated.ts';
import type { MessageKey } from '../../../platform/i18n/i18n.ts';
import { Layout } from '../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../platform/views/context.ts';
import type { CallScreening } from '../service.ts';
import { StatusFilter } from '../../applications/views/StatusFilter.tsx';
import { Pagination } from '../../../platform/views/Pagination.tsx';
import { LIST_PAGE_SIZE } from '../../applications/service.ts';

/** How far a checklist is, in words: "2 of 3 criteria assessed, 1 not met". */
export function progressText(ctx: ViewContext, p: ChecklistProgress): string {
  const parts = [ctx.t('screening.progress', { assessed: p.assessed, total: p.total })];
  if (p.notMet) parts.push(ctx.t('screening.progress.notMet', { count: p.notMet }));
  if (p.toVerify) parts.push(ctx.t('screening.progress.toVerify', { count: p.toVerify }));
  return parts.join(', ');
}

/** The funnel's steps, each counting the applications that reached it, then those that left or wait. */
function FunnelView({ ctx, funnel }: { ctx: ViewContext; funnel: Funnel }) {
  const { t, locale } = ctx;
  const steps: [MessageKey, number][] = [
    ['screening.funnel.received', funnel.submitted],
    ['application.status.eligible', funnel.eligible],
    ['application.status.under-review', funnel.underReview],
    ['application.status.scored', funnel.scored],
    ['application.status.selected', funnel.selected],
  ];
  const aside: [MessageKey, number][] = [
    ['screening.funnel.toScreen', funnel.toScreen],
    ['application.status.returned', funnel.returned],
    ['application.status.ineligible', funnel.ineligible],
    ['application.status.reserve', funnel.reserve],
    ['application.status.rejected', funnel.rejected],
    ['application.status.withdrawn', funnel.withdrawn],
  ];
  return (
    <section aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('screening.funnel')}</h2>
      <p class="hint">{t('screening.funnel.hint')}</p>
      <ol class="funnel" data-funnel="steps">
        {steps.map(([key, n]) => (
          <li>
            {t(key)}
            {colon(locale)} <strong>{n}</strong>
          </li>
        ))}
      </ol>
      <ul class="funnel" data-funnel="aside">
        {aside.map(([key, n]) => (
          <li>
            {t(key)}
            {colon(locale)} <strong>{n}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The call's screening: its funnel, then every application received with its status and checklist. */
export function CallScreeningPage({
  ctx,
  screening,
  page,
  query,
}: {
  ctx: ViewContext;
  screening: CallScreening;
  page: number;
  query: Record<string, string | undefined>;
}) {
  const { t, locale } = ctx;
  const { managed, rows, criteria, funnel, total } = screening;
  const call = managed.call;
  const base = `/manage/calls/${call.id}/screening`;
  return (
    <Layout ctx={ctx} title={`${t('screening.title')} — ${inLocale(call.title, locale)}`} wide>
      <CallPageNav ctx={ctx} call={call} />
      <h1>{t('screening.title')}</h1>
      <FunnelView ctx={ctx} funnel={funnel} />
      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('manage.criteria.eligibility')}</h2>
        {criteria.length === 0 ? (
          <p>{t('screening.noCriteria')}</p>
        ) : (
          <ol>
            {criteria.map((c) => (
              <li>{inLocale(c.label, locale)}</li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('screening.list')}</h2>
        <form method="get" action={base} class="filters" aria-label={t('inbox.filters')}>
          <StatusFilter ctx={ctx} value={query.status} />
          <button type="submit">{t('inbox.apply')}</button>
        </form>
        <p>{t('inbox.count', { count: total })}</p>
        {rows.length === 0 ? (
          <p>{t('screening.none')}</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('receipt.reference')}</th>
                  <th scope="col">{t('dashboard.project')}</th>
                  <th scope="col">{t('apply.organisation')}</th>
                  <th scope="col">{t('call.status')}</th>
                  <th scope="col">{t('screening.checklist')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>
                      <code>{r.reference}</code>
                    </td>
                    <td>
                      <a href={`/manage/applications/${r.id}/screening`}>{r.title}</a>
                    </td>
                    <td>
                      {r.organisationName}
                      {r.organisation && (
                        <>
                          <br />
                          <small>
                            {t(`organisation.legalForm.${r.organisation.legalForm}`)} ·{' '}
                            <span class="nowrap">{enterpriseNumberText(r.organisation.enterpriseNumber)}</span>
                          </small>
                        </>
                      )}
                    </td>
                    <td>{t(`application.status.${r.status}` as MessageKey)}</td>
                    <td>{progressText(ctx, r.progress)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination ctx={ctx} page={page} total={total} pageSize={LIST_PAGE_SIZE} query={query} />
      </section>
    </Layout>
  );
}

/** An enterprise number as people write it (0403.019.261); an unreadable stored value is shown as it is. */
export function enterpriseNumberText(tenDigits: string): string {
  return /^[0-9]{10}$/.test(tenDigits) ? formatEnterpriseNumber(tenDigits) : tenDigits;
}
