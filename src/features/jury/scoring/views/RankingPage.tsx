import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import { Layout } from '../../../../platform/views/Layout.tsx';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { CallManagementBar } from '../../../calls/views/CallEditorPage.tsx';
import type { RankingView } from '../panelQueries.ts';
import { formatScore } from './format.ts';

/**
 * The ranking by consensus total: those under a threshold marked and placed after those that pass,
 * each tie-break said in a sentence ("ahead of BEE-2026-0007 on Relevance: 18 against 16").
 */
export function RankingPage({ ctx, view }: { ctx: ViewContext; view: RankingView }) {
  const { t, locale } = ctx;
  const n = (x: number) => formatScore(x, locale);
  const name = (id: string) => inLocale(view.rules.criteria.find((c) => c.id === id)?.name ?? { fr: id }, locale);
  const threshold = view.managed.call.overallThreshold;
  return (
    <Layout ctx={ctx} title={`${t('scoring.ranking.title')} — ${inLocale(view.managed.call.title, locale)}`} wide>
      <p>
        <a href="/manage/calls">{t('manage.calls.title')}</a> ›{' '}
        <a href={`/manage/calls/${view.managed.call.id}`}>{inLocale(view.managed.call.title, ctx.locale)}</a>
      </p>
      <h1>{t('scoring.ranking.title')}</h1>
      <CallManagementBar ctx={ctx} managed={view.managed} />
      <p>{t('scoring.ranking.intro')}</p>
      <ul>
        <li>
          {threshold === null
            ? t('scoring.ranking.noOverallThreshold')
            : t('scoring.total.threshold', { threshold: n(threshold) })}
        </li>
        <li>
          {view.tieBreaks.length
            ? t('scoring.ranking.tieBreaks', { rules: view.tieBreaks.map(name).join(', ') })
            : t('scoring.ranking.noTieBreaks')}
        </li>
      </ul>
      {view.ranked.length === 0 ? (
        <p>{t('scoring.ranking.empty')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>{t('scoring.ranking.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('scoring.ranking.rank')}</th>
                <th scope="col">{t('scoring.reference')}</th>
                <th scope="col">{t('scoring.project')}</th>
                <th scope="col">{t('scoring.ranking.total')}</th>
                <th scope="col">{t('scoring.ranking.thresholds')}</th>
                <th scope="col">{t('scoring.ranking.tieBreak')}</th>
              </tr>
            </thead>
            <tbody>
              {view.ranked.map((r) => (
                <tr>
                  <td>{r.rank}</td>
                  <td>
                    <a href={`/manage/applications/${r.id}/consensus`}>{r.reference}</a>
                  </td>
                  <td>
                    {r.title} <span class="hint">({t(`application.status.${r.status}` as MessageKey)})</span>
                  </td>
                  <td>{n(r.total)}</td>
                  <td>
                    {r.passes ? (
                      t('scoring.passes')
                    ) : (
                      <>
                        <strong class="error">{t('scoring.belowThresholds')}</strong>
                        <ul>
                          {r.belowCriteria.map((b) => (
                            <li>
                              {t('scoring.ranking.belowCriterion', {
                                criterion: name(b.criterionId),
                                score: n(b.score),
                                threshold: n(b.threshold),
                              })}
                            </li>
                          ))}
                          {r.belowOverall && threshold !== null && (
                            <li>{t('scoring.ranking.belowOverall', { total: n(r.total), threshold: n(threshold) })}</li>
                          )}
                        </ul>
                      </>
                    )}
                  </td>
                  <td>
                    {r.tieBreak?.kind === 'criterion' &&
                      t('scoring.ranking.aheadOn', {
                        reference: r.tieBreak.over.reference,
                        criterion: name(r.tieBreak.criterionId),
                        own: n(r.tieBreak.own),
                        theirs: n(r.tieBreak.theirs),
                      })}
                    {r.tieBreak?.kind === 'reference' &&
                      t('scoring.ranking.aheadByReference', { reference: r.tieBreak.over.reference })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.awaiting.length > 0 && (
        <section aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">{t('scoring.ranking.awaiting')}</h2>
          <ul>
            {view.awaiting.map((a) => (
              <li>
                <a href={`/manage/applications/${a.id}/consensus`}>{a.reference}</a> — {a.title} (
                {t(`application.status.${a.status}` as MessageKey)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </Layout>
  );
}
