import { colon } from '../../../../platform/i18n/i18n.ts';
import {
  commentField,
  MAX_COMMENT_LENGTH,
  scoreField,
  type GridProblem,
  type GridProblems,
  type GridRules,
  type GridValues,
} from '../../../../domain/evaluationGrid.ts';
import { inLocale } from '../../../../domain/translated.ts';
import type { MessageKey } from '../../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../../platform/views/context.ts';
import { formatScore, scoreInput } from './format.ts';

/** What the inputs show: what was saved, or what was just typed after a refused save. */
export interface ShownGrid {
  scores: Record<string, string | undefined>;
  comments: Record<string, string | undefined>;
  overallComment?: string | undefined;
}

export function shownFrom(values: GridValues): ShownGrid {
  return {
    scores: Object.fromEntries(Object.entries(values.scores).map(([id, n]) => [id, scoreInput(n)])),
    comments: values.comments,
    overallComment: values.overallComment,
  };
}

export const problemText = (ctx: Pick<ViewContext, 't'>, problem: GridProblem) =>
  ctx.t(`scoring.problem.${problem.code}` as MessageKey, { max: problem.max ?? 0 });

/** HTML ids: criterion ids are [a-z0-9-], so these need no escaping in links. */
export const scoreId = (criterionId: string) => `field-score-${criterionId}`;
export const commentId = (criterionId: string) => `field-comment-${criterionId}`;
export const OVERALL_ID = 'field-overallComment';

/** The field a problem belongs to, as an anchor for the error summary. */
export function anchorOf(field: string): string {
  if (field.startsWith('score.')) return scoreId(field.slice(6));
  if (field.startsWith('comment.')) return commentId(field.slice(8));
  return OVERALL_ID;
}

/** The problems, each linking to its field (GOV.UK pattern), labelled by criterion. */
export function GridErrorSummary({
  ctx,
  rules,
  problems,
  overallLabel,
}: {
  ctx: ViewContext;
  rules: GridRules;
  problems: GridProblems;
  overallLabel: string;
}) {
  const entries = Object.entries(problems);
  if (!entries.length) return null;
  const label = (field: string) => {
    const id = field.slice(field.indexOf('.') + 1);
    const criterion = rules.criteria.find((c) => c.id === id);
    if (!criterion) return overallLabel;
    return ctx.t(field.startsWith('score.') ? 'scoring.scoreOf' : 'scoring.commentOf', {
      criterion: inLocale(criterion.name, ctx.locale),
    });
  };
  return (
    <div class="error-summary" role="alert" aria-labelledby="grid-errors-title" tabIndex={-1}>
      <h2 id="grid-errors-title">{ctx.t('form.errorSummary')}</h2>
      <ul>
        {entries.map(([field, problem]) => (
          <li>
            <a href={`#${anchorOf(field)}`}>
              {label(field)}
              {colon(ctx.locale)} {problemText(ctx, problem)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface Props {
  ctx: ViewContext;
  rules: GridRules;
  shown: ShownGrid;
  problems: GridProblems;
  /** The weighted total as of the last save, and the criteria under their threshold then. */
  total: number;
  below: readonly string[];
  overallThreshold: number | null;
  /** Whether each criterion's comment is required (a juror's grid) or only the overall one (a consensus). */
  commentPerCriterion: boolean;
  overallLabel: string;
  /** After a refused save: what was saved meanwhile, beside each field. */
  theirs?: GridValues | undefined;
}

/**
 * The grid's inputs: per criterion a score on its scale and a comment, the running weighted total,
 * thresholds signalled in words (never by colour alone). Without JavaScript the total is the one
 * of the last save; scoring.js updates it as scores are typed.
 */
export function GridFields({
  ctx,
  rules,
  shown,
  problems,
  total,
  below,
  overallThreshold,
  commentPerCriterion,
  overallLabel,
  theirs,
}: Props) {
  const { t, locale } = ctx;
  const complete = rules.criteria.every((c) => shown.scores[c.id]?.trim());
  const belowOverall = overallThreshold !== null && complete && total < overallThreshold;
  return (
    <div data-grid data-half={rules.halfPoints ? 'true' : 'false'}>
      <p class="hint">{rules.halfPoints ? t('scoring.halfPointsAllowed') : t('scoring.wholePointsOnly')}</p>
      {rules.criteria.map((c) => {
        const name = inLocale(c.name, locale);
        const description = inLocale(c.description, locale);
        const scoreProblem = problems[scoreField(c.id)];
        const commentProblem = problems[commentField(c.id)];
        const sid = scoreId(c.id);
        const cid = commentId(c.id);
        const described = [`${sid}-hint`, scoreProblem && `${sid}-error`, below.includes(c.id) && `${sid}-below`]
          .filter(Boolean)
          .join(' ');
        return (
          <fieldset class="card">
            <legend>
              <strong>{name}</strong>
            </legend>
            {description.trim() && <p>{description}</p>}
            <div class={scoreProblem ? 'field field-error' : 'field'}>
              <label for={sid}>
                {t('scoring.scoreLabel', { criterion: name, max: formatScore(c.maxScore, locale) })}
              </label>
              <p class="hint" id={`${sid}-hint`}>
                {t('scoring.criterionFacts', { weight: formatScore(c.weight, locale) })}
                {c.threshold !== null && (
                  <> {t('scoring.criterionThreshold', { threshold: formatScore(c.threshold, locale) })}</>
                )}
              </p>
              {scoreProblem && (
                <p class="error" id={`${sid}-error`}>
                  {problemText(ctx, scoreProblem)}
                </p>
              )}
              <input
                id={sid}
                name={`score.${c.id}`}
                type="text"
                inputMode="decimal"
                autocomplete="off"
                value={shown.scores[c.id] ?? ''}
                aria-invalid={scoreProblem ? 'true' : undefined}
                aria-describedby={described}
                data-score
                data-criterion={c.id}
                data-max={String(c.maxScore)}
                data-weight={String(c.weight)}
                data-threshold={c.threshold === null ? undefined : String(c.threshold)}
              />
              {c.threshold !== null && (
                <p class="error" id={`${sid}-below`} data-below-for={c.id} hidden={!below.includes(c.id)}>
                  {t('scoring.belowThreshold', { threshold: formatScore(c.threshold, locale) })}
                </p>
              )}
              {theirs && (
                <p class="hint">
                  {t('scoring.savedMeanwhile', {
                    value: theirs.scores[c.id] === undefined ? '—' : formatScore(theirs.scores[c.id]!, locale),
                  })}
                </p>
              )}
            </div>
            <div class={commentProblem ? 'field field-error' : 'field'}>
              <label for={cid}>
                {t('scoring.commentOf', { criterion: name })}
                {commentPerCriterion && <span class="required"> ({t('form.required')})</span>}
              </label>
              {commentProblem && (
                <p class="error" id={`${cid}-error`}>
                  {problemText(ctx, commentProblem)}
                </p>
              )}
              <textarea
                id={cid}
                name={`comment.${c.id}`}
                rows={4}
                maxLength={MAX_COMMENT_LENGTH}
                aria-required={commentPerCriterion ? 'true' : undefined}
                aria-invalid={commentProblem ? 'true' : undefined}
                aria-describedby={commentProblem ? `${cid}-error` : undefined}
              >
                {shown.comments[c.id] ?? ''}
              </textarea>
              {theirs?.comments[c.id] && (
                <p class="hint">{t('scoring.savedMeanwhile', { value: theirs.comments[c.id]! })}</p>
              )}
            </div>
          </fieldset>
        );
      })}
      <div
        class="card"
        data-total-card
        data-overall-threshold={overallThreshold === null ? undefined : String(overallThreshold)}
      >
        <p>
          <span data-total-label data-live-text={t('scoring.total.live')}>
            {t('scoring.total.saved')}
          </span>{' '}
          <output data-total aria-live="polite">
            {formatScore(total, locale)}
          </output>{' '}
          / 100
        </p>
        {overallThreshold !== null && (
          <p class="hint">{t('scoring.total.threshold', { threshold: formatScore(overallThreshold, locale) })}</p>
        )}
        {overallThreshold !== null && (
          <p class="error" data-below-overall hidden={!belowOverall}>
            {t('scoring.total.below', { threshold: formatScore(overallThreshold, locale) })}
          </p>
        )}
      </div>
      <div class={problems.overallComment ? 'field field-error' : 'field'}>
        <label for={OVERALL_ID}>
          {overallLabel}
          {!commentPerCriterion && <span class="required"> ({t('form.required')})</span>}
        </label>
        {problems.overallComment && (
          <p class="error" id={`${OVERALL_ID}-error`}>
            {problemText(ctx, problems.overallComment)}
          </p>
        )}
        <textarea
          id={OVERALL_ID}
          name="overallComment"
          rows={5}
          maxLength={MAX_COMMENT_LENGTH}
          aria-required={!commentPerCriterion ? 'true' : undefined}
          aria-invalid={problems.overallComment ? 'true' : undefined}
          aria-describedby={problems.overallComment ? `${OVERALL_ID}-error` : undefined}
        >
          {shown.overallComment ?? ''}
        </textarea>
      </div>
    </div>
  );
}
