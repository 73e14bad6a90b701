import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { CallManagementBar } from '../../../calls/views/CallEditorPage.tsx';
import type { ConsensusIndexView } from '../panelQueries.ts';
import { formatScore } from './format.ts';
import { Pagination } from '../../../../platform/views/Pagination.tsx';
import { LIST_PAGE_SIZE } from '../../../applications/service.ts';

/** Each eligible application of the call: evaluations submitted out of assigned, and its consensus. */
export function ConsensusIndexPage({
  ctx,
  view,
  page,
  query,
}: {
  ctx: ViewContext;
  view: ConsensusIndexView;
  page: number;
  query: Record<string, string | undefined>;
}) {
  const { t, locale } = ctx;
  const title = inLocale(view.managed.call.title, locale);
  return (
    <Layout ctx={ctx} title={`${t('scoring.consensus.index')} — ${title}`} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${view.managed.call.id}`}>{inLocale(view.managed.call.title, ctx.locale)}</a>
      </p>
      <h1>{t('scoring.consensus.index')}</h1>
      <CallManagementBar ctx={ctx} managed={view.managed} />
      {view.rows.length === 0 ? (
        <p>{t('scoring.noApplications')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scoring.reference')}</th>
                <th scope="col">{t('scoring.project')}</th>
                <th scope="col">{t('scoring.applicationStatus')}</th>
                <th scope="col">{t('scoring.evaluationsSubmitted')}</th>
                <th scope="col">{t('scoring.consensus')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr>
                  <td>{r.reference}</td>
                  <td>
                    <a href={`/manage/applications/${r.id}/consensus`}>{r.title}</a>
                  </td>
                  <td>{t(`application.status.${r.status}` as MessageKey)}</td>
                  <td>{t('scoring.submittedOf', { submitted: r.submitted, assigned: r.assigned })}</td>
                  <td>
                    {r.consensusTotal === null
                      ? t('scoring.consensus.toRecord')
                      : t('scoring.outOf', { score: formatScore(r.consensusTotal, locale), max: '100' })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination ctx={ctx} page={page} total={view.total} pageSize={LIST_PAGE_SIZE} query={query} />
    </Layout>
  );
}
