import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationCriterion } from './callCriteria.ts';
import {
  MAX_COMMENT_LENGTH,
  criteriaBelowThreshold,
  gridProblems,
  readGrid,
  runningTotal,
  scoreProblem,
  spreadOf,
  validScores,
  type GridRules,
} from './evaluationGrid.ts';

const pertinence: EvaluationCriterion = {
  id: 'pertinence',
  name: { fr: 'Pertinence' },
  description: { fr: '' },
  maxScore: 20,
  weight: 2,
  threshold: 10,
};
const budget: EvaluationCriterion = {
  id: 'budget',
  name: { fr: 'Budget' },
  description: { fr: '' },
  maxScore: 10,
  weight: 1,
  threshold: null,
};
const whole: GridRules = { criteria: [pertinence, budget], halfPoints: false };
const halves: GridRules = { ...whole, halfPoints: true };

test('a score lies between 0 and the criterion’s maximum', () => {
  assert.equal(scoreProblem(0, pertinence, false), null);
  assert.equal(scoreProblem(20, pertinence, false), null);
  assert.deepEqual(scoreProblem(21, pertinence, false), { code: 'above-max', max: 20 });
  assert.deepEqual(scoreProblem(-1, pertinence, false), { code: 'below-zero' });
  assert.deepEqual(scoreProblem(Number.NaN, pertinence, false), { code: 'not-a-number' });
});

test('half points only when the call allows them, and never quarters', () => {
  assert.deepEqual(scoreProblem(14.5, pertinence, false), { code: 'whole-points' });
  assert.equal(scoreProblem(14.5, pertinence, true), null);
  assert.deepEqual(scoreProblem(14.25, pertinence, true), { code: 'half-points' });
});

test('scores are read as people type them, with a decimal comma or point', () => {
  const { values, problems } = readGrid({ scores: { pertinence: '14,5', budget: ' 8 ' }, comments: {} }, halves, {
    forSubmission: false,
  });
  assert.deepEqual(values.scores, { pertinence: 14.5, budget: 8 });
  assert.deepEqual(problems, {});
});

test('a draft keeps every number typed, even out of range, and reports it; text that is no number is reported and kept apart', () => {
  const { values, problems, unreadable } = readGrid(
    {
      scores: { pertinence: '25', budget: 'huit' },
      comments: { pertinence: '  Très pertinent  ' },
      overallComment: '',
    },
    whole,
    { forSubmission: false },
  );
  assert.deepEqual(values, {
    scores: { pertinence: 25 },
    comments: { pertinence: 'Très pertinent' },
    overallComment: '',
  });
  assert.deepEqual(problems, {
    'score.pertinence': { code: 'above-max', max: 20 },
    'score.budget': { code: 'not-a-number' },
  });
  assert.deepEqual(unreadable, { 'score.budget': 'huit' });
});

test('a draft may be incomplete; a submission needs every score and a comment per criterion', () => {
  const draft = { scores: { pertinence: 15 }, comments: {}, overallComment: '' };
  assert.deepEqual(gridProblems(draft, whole, { forSubmission: false }), {});
  assert.deepEqual(gridProblems(draft, whole, { forSubmission: true }), {
    'comment.pertinence': { code: 'comment-required' },
    'score.budget': { code: 'score-required' },
    'comment.budget': { code: 'comment-required' },
  });
  const complete = {
    scores: { pertinence: 15, budget: 7 },
    comments: { pertinence: 'Clair.', budget: 'Réaliste.' },
    overallComment: '',
  };
  assert.deepEqual(
    gridProblems(complete, whole, { forSubmission: true }),
    {},
    'the overall comment is optional for a juror',
  );
});

test('a consensus needs its overall comment instead of one per criterion', () => {
  const consensus = { scores: { pertinence: 15, budget: 7 }, comments: {}, overallComment: ' ' };
  assert.deepEqual(gridProblems(consensus, whole, { forSubmission: true, commentPerCriterion: false }), {
    overallComment: { code: 'comment-required' },
  });
});

test('comments have a length limit', () => {
  const long = 'x'.repeat(5001);
  assert.deepEqual(
    gridProblems({ scores: {}, comments: { budget: long }, overallComment: long }, whole, { forSubmission: false }),
    {
      'comment.budget': { code: 'too-long', max: 5000 },
      overallComment: { code: 'too-long', max: 5000 },
    },
  );
});

test('the running total counts only valid scores, weighted, on 100', () => {
  // (2 × 15/20 + 1 × 5/10) / 3 = 2/3 → 66.67
  assert.equal(runningTotal({ scores: { pertinence: 15, budget: 5 } }, whole), 66.67);
  assert.equal(
    runningTotal({ scores: { pertinence: 15, budget: 50 } }, whole),
    50,
    'an out-of-range score counts as not given',
  );
  assert.deepEqual(validScores({ scores: { pertinence: 14.5, budget: 5 } }, whole), { budget: 5 });
  assert.equal(runningTotal({ scores: {} }, whole), 0);
});

test('criteria under their threshold are signalled', () => {
  assert.deepEqual(criteriaBelowThreshold({ pertinence: 9.5, budget: 0 }, [pertinence, budget]), ['pertinence']);
  assert.deepEqual(criteriaBelowThreshold({ pertinence: 10 }, [pertinence, budget]), []);
  assert.deepEqual(criteriaBelowThreshold({}, [pertinence, budget]), [], 'nothing scored, nothing signalled');
});

test('the spread of the jurors’ scores is flagged above a quarter of the scale', () => {
  assert.deepEqual(spreadOf([12, 16, 14], pertinence), { mean: 14, min: 12, max: 16, spread: 4, wide: false });
  assert.deepEqual(
    spreadOf([10, 15], pertinence),
    { mean: 12.5, min: 10, max: 15, spread: 5, wide: false },
    'exactly a quarter is not flagged',
  );
  assert.deepEqual(spreadOf([8, 15.5], pertinence), { mean: 11.75, min: 8, max: 15.5, spread: 7.5, wide: true });
  assert.equal(spreadOf([], pertinence), null);
});

test('a comment over the limit is never stored, in a draft either: it is reported and kept apart to be shown again', () => {
  const long = 'x'.repeat(MAX_COMMENT_LENGTH + 1);
  const { values, problems, unreadable } = readGrid(
    { scores: { pertinence: '12' }, comments: { pertinence: long, budget: 'Correct' }, overallComment: long },
    whole,
    { forSubmission: false },
  );
  assert.deepEqual(values, { scores: { pertinence: 12 }, comments: { budget: 'Correct' }, overallComment: '' });
  assert.deepEqual(problems, {
    'comment.pertinence': { code: 'too-long', max: MAX_COMMENT_LENGTH },
    overallComment: { code: 'too-long', max: MAX_COMMENT_LENGTH },
  });
  assert.deepEqual(unreadable, { 'comment.pertinence': long, overallComment: long });
});
