// The ranking of a call's applications from their consensus scores: what the selection starts
// from. Those that miss a threshold come after all those that pass; ties are broken by the call's
// own rules, in order, and the ranking says which rule put an application ahead of its neighbour.
import { weightedTotal, type EvaluationCriterion } from './callCriteria.ts';

export interface RankingCandidate {
  id: string;
  /** The application's reference (BEE-2026-0007): the last tie-break, and how neighbours are named. */
  reference: string;
  /** Consensus scores per criterion id; a missing score counts as zero. */
  scores: Readonly<Record<string, number>>;
}

export interface RankingRules {
  criteria: readonly EvaluationCriterion[];
  /** Minimum weighted total on 100, or none. */
  overallThreshold: number | null;
  /** Criterion ids breaking ties, in order; ids that are not criteria of the call are ignored. */
  tieBreaks: readonly string[];
}

/** Why an application is ranked just ahead of the next one with the same total. */
export type TieBreak =
  | { kind: 'criterion'; over: { id: string; reference: string }; criterionId: string; own: number; theirs: number }
  /** No tie-break criterion told them apart: reference order decided. */
  | { kind: 'reference'; over: { id: string; reference: string } };

export interface RankedApplication {
  id: string;
  reference: string;
  /** 1 for the first; every position is distinct once ties are broken. */
  rank: number;
  total: number;
  passes: boolean;
  /** The criteria scored under their threshold. */
  belowCriteria: { criterionId: string; score: number; threshold: number }[];
  /** Whether the total lies under the call's overall threshold. */
  belowOverall: boolean;
  /** Set when this application has the same total as the next one, and was put ahead of it. */
  tieBreak: TieBreak | null;
}

export function rankApplications(candidates: readonly RankingCandidate[], rules: RankingRules): RankedApplication[] {
  const criteria = [...rules.criteria];
  const known = new Set(criteria.map((c) => c.id));
  const tieBreaks = rules.tieBreaks.filter((id, i, all) => known.has(id) && all.indexOf(id) === i);
  const score = (c: RankingCandidate, id: string) => c.scores[id] ?? 0;

  const assessed = candidates.map((c) => {
    const total = weightedTotal(criteria, { ...c.scores });
    const belowCriteria = criteria
      .filter((k) => k.threshold !== null && score(c, k.id) < k.threshold)
      .map((k) => ({ criterionId: k.id, score: score(c, k.id), threshold: k.threshold! }));
    const belowOverall = rules.overallThreshold !== null && total < rules.overallThreshold;
    return { candidate: c, total, belowCriteria, belowOverall, passes: !belowCriteria.length && !belowOverall };
  });
  type Assessed = (typeof assessed)[number];
  const byReference = (a: Assessed, b: Assessed) =>
    compareText(a.candidate.reference, b.candidate.reference) || compareText(a.candidate.id, b.candidate.id);
  const decidingCriterion = (a: Assessed, b: Assessed) =>
    tieBreaks.find((id) => score(a.candidate, id) !== score(b.candidate, id));

  assessed.sort((a, b) => {
    if (a.passes !== b.passes) return a.passes ? -1 : 1;
    if (a.total !== b.total) return b.total - a.total;
    const id = decidingCriterion(a, b);
    if (id !== undefined) return score(b.candidate, id) - score(a.candidate, id);
    return byReference(a, b);
  });

  return assessed.map((a, i) => {
    const next = assessed[i + 1];
    let tieBreak: TieBreak | null = null;
    if (next && next.passes === a.passes && next.total === a.total) {
      const over = { id: next.candidate.id, reference: next.candidate.reference };
      const id = decidingCriterion(a, next);
      tieBreak =
        id === undefined
          ? { kind: 'reference', over }
          : {
              kind: 'criterion',
              over,
              criterionId: id,
              own: score(a.candidate, id),
              theirs: score(next.candidate, id),
            };
    }
    return {
      id: a.candidate.id,
      reference: a.candidate.reference,
      rank: i + 1,
      total: a.total,
      passes: a.passes,
      belowCriteria: a.belowCriteria,
      belowOverall: a.belowOverall,
      tieBreak,
    };
  });
}

/** Code-point order: references are ASCII (BEE-2026-0007), and the order must not depend on a locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
