import type { GridRules } from '../../../../domain/evaluationGrid.ts';
import { inLocale } from '../../../../domain/translated.ts';
import type { ViewContext } from '../../../../platform/views/context.ts';
import type { GridState } from '../jurorQueries.ts';
import { formatScore } from './format.ts';

/** A grid, read-only: a submitted evaluation, another juror's, or a recorded consensus. */
export function EvaluationTable({
  ctx,
  rules,
  state,
  caption,
}: {
  ctx: ViewContext;
  rules: GridRules;
  state: GridState;
  caption: string;
}) {
  const { t, locale } = ctx;
  return (
    <div class="table-scroll">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scoring.criterion')}</th>
            <th scope="col">{t('scoring.score')}</th>
            <th scope="col">{t('scoring.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.criteria.map((c) => {
            const score = state.values.scores[c.id];
            return (
              <tr>
                <th scope="row">{inLocale(c.name, locale)}</th>
                <td>
                  {score === undefined
                    ? '—'
                    : t('scoring.outOf', { score: formatScore(score, locale), max: formatScore(c.maxScore, locale) })}
                  {state.below.includes(c.id) && <strong class="error"> {t('scoring.belowThresholdShort')}</strong>}
                </td>
                <td>{state.values.comments[c.id] ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('scoring.total')}</th>
            <td>{t('scoring.outOf', { score: formatScore(state.total, locale), max: '100' })}</td>
            <td>{state.values.overallComment}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
