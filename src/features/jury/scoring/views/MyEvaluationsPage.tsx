import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import type { MyJury } from '../jurorQueries.ts';

/** The juror's applications to score, call by call; for the chair, the consensus still to record. */
export function MyEvaluationsPage({ ctx, juries }: { ctx: ViewContext; juries: MyJury[] }) {
  const { t, locale } = ctx;
  return (
    <Layout ctx={ctx} title={t('scoring.mine.title')}>
      <h1>{t('scoring.mine.title')}</h1>
      {juries.length === 0 && <p>{t('scoring.mine.none')}</p>}
      {juries.map((jury) => (
        <section aria-labelledby={`jury-${jury.callId}`}>
          <h2 id={`jury-${jury.callId}`}>{inLocale(jury.title, locale)}</h2>
          {jury.assigned.length === 0 ? (
            <p>{t('scoring.mine.noneAssigned')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{t('scoring.mine.assigned')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('scoring.reference')}</th>
                    <th scope="col">{t('scoring.project')}</th>
                    <th scope="col">{t('scoring.evaluationStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {jury.assigned.map((a) => (
                    <tr>
                      <td>{a.reference}</td>
                      <td>
                        <a href={`/jury/applications/${a.id}`}>{a.title}</a>
                      </td>
                      <td>{t(`scoring.status.${a.evaluation}` as MessageKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {jury.isChair && (
            <div class="table-scroll">
              <table>
                <caption>{t('scoring.mine.asChair')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('scoring.reference')}</th>
                    <th scope="col">{t('scoring.project')}</th>
                    <th scope="col">{t('scoring.consensus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {jury.consensus.map((a) => (
                    <tr>
                      <td>{a.reference}</td>
                      <td>
                        <a href={`/manage/applications/${a.id}/consensus`}>{a.title}</a>
                      </td>
                      <td>{a.recorded ? t('scoring.consensus.recorded') : t('scoring.consensus.toRecord')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </Layout>
  );
}
