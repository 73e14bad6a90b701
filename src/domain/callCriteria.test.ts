import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criteriaProblems, weightedTotal, type CallCriteria, type EvaluationCriterion } from './callCriteria.ts';

const relevance: EvaluationCriterion = {
  id: 'relevance',
  name: { fr: 'Pertinence' },
  description: { fr: '' },
  maxScore: 20,
  weight: 2,
  threshold: 10,
};
const feasibility: EvaluationCriterion = {
  id: 'feasibility',
  name: { fr: 'Faisabilité' },
  description: { fr: '' },
  maxScore: 10,
  weight: 1,
  threshold: null,
};
const valid: CallCriteria = {
  eligibilityCriteria: [],
  evaluationCriteria: [relevance, feasibility],
  overallThreshold: 60,
  requiredDocuments: [],
  tranchePlan: [
    { percent: 80, trigger: 'signature' },
    { percent: 20, trigger: 'final-report' },
  ],
};

test('valid criteria have no problem', () => {
  assert.deepEqual(criteriaProblems(valid), []);
});

test('each rule is named where it breaks', () => {
  const problems = criteriaProblems({
    ...valid,
    evaluationCriteria: [
      { ...relevance, maxScore: 0, threshold: 5 },
      { ...feasibility, weight: -1, threshold: 11 },
    ],
    overallThreshold: 120,
    tranchePlan: [{ percent: 80, trigger: 'signature' }],
  });
  assert.deepEqual(
    problems.map((p) => `${p.path}:${p.code}`),
    [
      'eval.0.max:max-score',
      'eval.0.threshold:threshold-above-max',
      'eval.1.weight:weight',
      'eval.1.threshold:threshold-above-max',
      'overallThreshold:overall-threshold',
      'tranche.0.percent:tranches-not-100',
    ],
  );
});

test('the weighted total counts each criterion for its weight, on 100', () => {
  assert.equal(weightedTotal([relevance, feasibility], { relevance: 20, feasibility: 10 }), 100);
  assert.equal(weightedTotal([relevance, feasibility], { relevance: 10, feasibility: 10 }), 66.67);
  assert.equal(weightedTotal([relevance, feasibility], { relevance: 15 }), 50);
  assert.equal(weightedTotal([], {}), 0);
});
