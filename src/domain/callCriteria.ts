import type { Translated } from './translated.ts';

export interface EligibilityCriterion {
  id: string;
  label: Translated;
  explanation: Translated;
}
export interface EvaluationCriterion {
  id: string;
  name: Translated;
  description: Translated;
  maxScore: number;
  weight: number;
  threshold: number | null;
}
export interface RequiredDocument {
  id: string;
  label: Translated;
}
export const TRANCHE_TRIGGERS = ['signature', 'interim-report', 'final-report'] as const;
export interface Tranche {
  percent: number;
  trigger: (typeof TRANCHE_TRIGGERS)[number];
}

export interface CallCriteria {
  eligibilityCriteria: EligibilityCriterion[];
  evaluationCriteria: EvaluationCriterion[];
  overallThreshold: number | null;
  requiredDocuments: RequiredDocument[];
  tranchePlan: Tranche[];
}

/** A problem with the criteria, at a path like `eval.2.threshold`, as a code the view translates. */
export interface CriteriaProblem {
  path: string;
  code: 'max-score' | 'weight' | 'threshold-above-max' | 'overall-threshold' | 'tranches-not-100' | 'tranche-percent';
}

/**
 * The rules a call's criteria must follow: a score scale above zero, positive weights, thresholds
 * within reach, and a payment plan that pays exactly the grant (100 %).
 */
export function criteriaProblems(c: CallCriteria): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  c.evaluationCriteria.forEach((e, i) => {
    if (!(e.maxScore > 0) || !Number.isFinite(e.maxScore)) problems.push({ path: `eval.${i}.max`, code: 'max-score' });
    if (!(e.weight > 0) || !Number.isFinite(e.weight)) problems.push({ path: `eval.${i}.weight`, code: 'weight' });
    if (e.threshold !== null && (e.threshold < 0 || e.threshold > e.maxScore))
      problems.push({ path: `eval.${i}.threshold`, code: 'threshold-above-max' });
  });
  if (
    c.overallThreshold !== null &&
    (!Number.isInteger(c.overallThreshold) || c.overallThreshold < 0 || c.overallThreshold > 100)
  )
    problems.push({ path: 'overallThreshold', code: 'overall-threshold' });
  c.tranchePlan.forEach((t, i) => {
    if (!Number.isInteger(t.percent) || t.percent <= 0 || t.percent > 100)
      problems.push({ path: `tranche.${i}.percent`, code: 'tranche-percent' });
  });
  if (c.tranchePlan.length && c.tranchePlan.reduce((s, t) => s + t.percent, 0) !== 100)
    problems.push({ path: 'tranche.0.percent', code: 'tranches-not-100' });
  return problems;
}

/**
 * An application's weighted total on 100 from scores per criterion: each criterion counts for its
 * weight, its score taken as a share of its maximum. Missing scores count as zero.
 */
export function weightedTotal(criteria: EvaluationCriterion[], scores: Record<string, number>): number {
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (!weights) return 0;
  const total = criteria.reduce((s, c) => s + (c.weight * (scores[c.id] ?? 0)) / c.maxScore, 0);
  return Math.round((total / weights) * 100 * 100) / 100;
}
