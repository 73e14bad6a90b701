// A call's evaluation grid as a juror (or the panel, for the consensus) fills it: a score per
// criterion on its own scale, a comment per criterion, an overall comment. A draft keeps whatever
// was typed and says what is wrong with it; only a submission must be complete and valid.
import { weightedTotal, type EvaluationCriterion } from './callCriteria.ts';
import { parseNumber } from './forms/answers.ts';

export const GRID_PROBLEMS = [
  'not-a-number',
  'below-zero',
  'above-max',
  'whole-points',
  'half-points',
  'score-required',
  'comment-required',
  'too-long',
] as const;
export type GridProblemCode = (typeof GRID_PROBLEMS)[number];
export interface GridProblem {
  code: GridProblemCode;
  /** The criterion's maximum (above-max) or the longest comment (too-long). */
  max?: number;
}

/** Comments are read by the panel, not essays: a generous bound keeps pages and exports sane. */
export const MAX_COMMENT_LENGTH = 5000;

export interface GridRules {
  criteria: readonly EvaluationCriterion[];
  /** Scores may end in .5; otherwise whole points only. */
  halfPoints: boolean;
}

/** A grid as the form sends it: text per criterion id. */
export interface RawGrid {
  scores: Record<string, string | undefined>;
  comments: Record<string, string | undefined>;
  overallComment?: string | undefined;
}

/** A grid as stored: numbers where a number was typed, comments as typed. */
export interface GridValues {
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
}

export interface GridCheck {
  /** Whether the grid is being submitted (complete and valid) or saved as a draft (anything goes). */
  forSubmission: boolean;
  /** Whether each criterion needs a comment at submission. Default true; a consensus asks only for its overall comment. */
  commentPerCriterion?: boolean;
}

/** Problems by field: `score.<criterion id>`, `comment.<criterion id>`, `overallComment`. */
export type GridProblems = Record<string, GridProblem>;

export const scoreField = (criterionId: string) => `score.${criterionId}`;
export const commentField = (criterionId: string) => `comment.${criterionId}`;

/** What is wrong with a score on a criterion's scale, if anything. */
export function scoreProblem(score: number, criterion: EvaluationCriterion, halfPoints: boolean): GridProblem | null {
  if (!Number.isFinite(score)) return { code: 'not-a-number' };
  if (score < 0) return { code: 'below-zero' };
  if (score > criterion.maxScore) return { code: 'above-max', max: criterion.maxScore };
  if (halfPoints ? !Number.isInteger(score * 2) : !Number.isInteger(score))
    return { code: halfPoints ? 'half-points' : 'whole-points' };
  return null;
}

/**
 * Reads a typed grid. Every number is kept, even out of range (a draft loses nothing that can be
 * stored); what cannot be stored (text that is no number, a comment over MAX_COMMENT_LENGTH) is
 * left out of `values`, reported, and returned as typed in `unreadable` by field name, so that
 * every way of saving refuses it the same way and the page can show it again.
 */
export function readGrid(
  raw: RawGrid,
  rules: GridRules,
  check: GridCheck,
): { values: GridValues; problems: GridProblems; unreadable: Record<string, string> } {
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  const unreadable: Record<string, string> = {};
  for (const criterion of rules.criteria) {
    const typed = (raw.scores[criterion.id] ?? '').trim();
    if (typed) {
      const n = parseNumber(typed);
      if (n === null) unreadable[scoreField(criterion.id)] = typed;
      else scores[criterion.id] = n;
    }
    const comment = (raw.comments[criterion.id] ?? '').trim();
    if (comment.length > MAX_COMMENT_LENGTH) unreadable[commentField(criterion.id)] = comment;
    else if (comment) comments[criterion.id] = comment;
  }
  const overall = (raw.overallComment ?? '').trim();
  if (overall.length > MAX_COMMENT_LENGTH) unreadable.overallComment = overall;
  const values = { scores, comments, overallComment: overall.length > MAX_COMMENT_LENGTH ? '' : overall };
  const problems = gridProblems(values, rules, check);
  for (const field of Object.keys(unreadable))
    problems[field] = field.startsWith('score.')
      ? { code: 'not-a-number' }
      : { code: 'too-long', max: MAX_COMMENT_LENGTH };
  return { values, problems, unreadable };
}

/** What is wrong with a stored grid: range and step always, completeness only for a submission. */
export function gridProblems(values: GridValues, rules: GridRules, check: GridCheck): GridProblems {
  const problems: GridProblems = {};
  const perCriterion = check.commentPerCriterion ?? true;
  for (const criterion of rules.criteria) {
    const score = values.scores[criterion.id];
    const problem =
      score === undefined
        ? check.forSubmission
          ? { code: 'score-required' as const }
          : null
        : scoreProblem(score, criterion, rules.halfPoints);
    if (problem) problems[scoreField(criterion.id)] = problem;
    const comment = values.comments[criterion.id] ?? '';
    if (comment.length > MAX_COMMENT_LENGTH)
      problems[commentField(criterion.id)] = { code: 'too-long', max: MAX_COMMENT_LENGTH };
    else if (check.forSubmission && perCriterion && !comment.trim())
      problems[commentField(criterion.id)] = { code: 'comment-required' };
  }
  if (values.overallComment.length > MAX_COMMENT_LENGTH)
    problems.overallComment = { code: 'too-long', max: MAX_COMMENT_LENGTH };
  else if (check.forSubmission && !perCriterion && !values.overallComment.trim())
    problems.overallComment = { code: 'comment-required' };
  return problems;
}

/** The scores that are valid on their criterion's scale; the others count as not given. */
export function validScores(values: Pick<GridValues, 'scores'>, rules: GridRules): Record<string, number> {
  return Object.fromEntries(
    rules.criteria.flatMap((c) => {
      const score = values.scores[c.id];
      return score !== undefined && !scoreProblem(score, c, rules.halfPoints) ? [[c.id, score] as const] : [];
    }),
  );
}

/** The running weighted total on 100 of what is valid so far: what the juror sees while scoring. */
export function runningTotal(values: Pick<GridValues, 'scores'>, rules: GridRules): number {
  return weightedTotal([...rules.criteria], validScores(values, rules));
}

/** The criteria whose (valid) score lies under their threshold. */
export function criteriaBelowThreshold(
  scores: Record<string, number>,
  criteria: readonly EvaluationCriterion[],
): string[] {
  return criteria
    .filter((c) => c.threshold !== null && scores[c.id] !== undefined && scores[c.id]! < c.threshold)
    .map((c) => c.id);
}

export interface Spread {
  mean: number;
  min: number;
  max: number;
  /** max − min, in points of the criterion. */
  spread: number;
  /** The jurors disagree enough to discuss: a spread above a quarter of the criterion's scale. */
  wide: boolean;
}

/** How far apart the jurors' scores on one criterion are; null when nobody scored it. */
export function spreadOf(scores: readonly number[], criterion: Pick<EvaluationCriterion, 'maxScore'>): Spread | null {
  if (!scores.length) return null;
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  const mean = Math.round((scores.reduce((s, x) => s + x, 0) / scores.length) * 100) / 100;
  return { mean, min, max, spread: max - min, wide: max - min > criterion.maxScore / 4 };
}
