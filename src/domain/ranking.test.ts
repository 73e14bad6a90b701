import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationCriterion } from './callCriteria.ts';
import { rankApplications, type RankingCandidate, type RankingRules } from './ranking.ts';

const criterion = (
  id: string,
  maxScore: number,
  weight: number,
  threshold: number | null = null,
): EvaluationCriterion => ({ id, name: { fr: id }, description: { fr: '' }, maxScore, weight, threshold });
const pertinence = criterion('pertinence', 20, 1);
const impact = criterion('impact', 20, 1);
const rules: RankingRules = { criteria: [pertinence, impact], overallThreshold: null, tieBreaks: [] };
const app = (reference: string, pertinenceScore: number, impactScore: number): RankingCandidate => ({
  id: `id-${reference}`,
  reference,
  scores: { pertinence: pertinenceScore, impact: impactScore },
});

test('applications are ordered by consensus total, highest first, with distinct ranks', () => {
  const ranked = rankApplications(
    [app('BEE-2026-0001', 10, 10), app('BEE-2026-0002', 18, 16), app('BEE-2026-0003', 14, 12)],
    rules,
  );
  assert.deepEqual(
    ranked.map((r) => [r.rank, r.reference, r.total]),
    [
      [1, 'BEE-2026-0002', 85],
      [2, 'BEE-2026-0003', 65],
      [3, 'BEE-2026-0001', 50],
    ],
  );
  assert.ok(ranked.every((r) => r.passes && r.tieBreak === null));
});

test('a criterion under its threshold marks the application and ranks it after all that pass', () => {
  const strict = { ...rules, criteria: [{ ...pertinence, threshold: 10 }, impact] };
  const ranked = rankApplications([app('BEE-2026-0001', 9, 20), app('BEE-2026-0002', 10, 4)], strict);
  assert.deepEqual(
    ranked.map((r) => r.reference),
    ['BEE-2026-0002', 'BEE-2026-0001'],
    'a higher total does not lift it above one that passes',
  );
  assert.equal(ranked[1]!.passes, false);
  assert.deepEqual(ranked[1]!.belowCriteria, [{ criterionId: 'pertinence', score: 9, threshold: 10 }]);
  assert.equal(ranked[1]!.belowOverall, false);
  assert.equal(ranked[0]!.passes, true, 'exactly at the threshold passes');
});

test('a total under the overall threshold marks the application, which keeps its order among those below', () => {
  const ranked = rankApplications([app('A', 12, 12), app('B', 6, 6), app('C', 20, 20), app('D', 11, 11)], {
    ...rules,
    overallThreshold: 60,
  });
  assert.deepEqual(
    ranked.map((r) => [r.reference, r.passes, r.belowOverall]),
    [
      ['C', true, false],
      ['A', true, false],
      ['D', false, true],
      ['B', false, true],
    ],
  );
});

test('a tie is broken by the first tie-break criterion that tells the two apart, and reported', () => {
  const ranked = rankApplications([app('BEE-2026-0007', 16, 18), app('BEE-2026-0009', 18, 16)], {
    ...rules,
    tieBreaks: ['pertinence', 'impact'],
  });
  assert.deepEqual(
    ranked.map((r) => r.reference),
    ['BEE-2026-0009', 'BEE-2026-0007'],
  );
  assert.deepEqual(ranked[0]!.tieBreak, {
    kind: 'criterion',
    over: { id: 'id-BEE-2026-0007', reference: 'BEE-2026-0007' },
    criterionId: 'pertinence',
    own: 18,
    theirs: 16,
  });
  assert.equal(ranked[1]!.tieBreak, null, 'the last of a tie has no one after it to be ahead of');
});

test('the tie-break rules are applied in their order: an equal first rule passes to the second', () => {
  const feasibility = criterion('feasibility', 10, 1);
  const three = {
    criteria: [pertinence, impact, feasibility],
    overallThreshold: null,
    tieBreaks: ['pertinence', 'feasibility'],
  };
  const a = { id: 'a', reference: 'X-1', scores: { pertinence: 15, impact: 15, feasibility: 5 } };
  const b = { id: 'b', reference: 'X-2', scores: { pertinence: 15, impact: 10, feasibility: 7.5 } };
  // Totals: a = (15/20 + 15/20 + 5/10)/3 → 66.67; b = (15/20 + 10/20 + 7.5/10)/3 → 66.67.
  const ranked = rankApplications([a, b], three);
  assert.equal(ranked[0]!.total, ranked[1]!.total);
  assert.deepEqual(
    ranked.map((r) => r.reference),
    ['X-2', 'X-1'],
  );
  assert.deepEqual(ranked[0]!.tieBreak, {
    kind: 'criterion',
    over: { id: 'a', reference: 'X-1' },
    criterionId: 'feasibility',
    own: 7.5,
    theirs: 5,
  });
});

test('when no rule tells them apart, reference order decides, and says so', () => {
  const ranked = rankApplications(
    [app('BEE-2026-0012', 15, 15), app('BEE-2026-0003', 15, 15), app('BEE-2026-0008', 15, 15)],
    { ...rules, tieBreaks: ['pertinence'] },
  );
  assert.deepEqual(
    ranked.map((r) => r.reference),
    ['BEE-2026-0003', 'BEE-2026-0008', 'BEE-2026-0012'],
  );
  assert.deepEqual(
    ranked.map((r) => r.tieBreak?.kind ?? null),
    ['reference', 'reference', null],
  );
});

test('ties are broken only within the same side of the threshold', () => {
  const strict = { ...rules, criteria: [{ ...pertinence, threshold: 10 }, impact], tieBreaks: ['impact'] };
  const ranked = rankApplications([app('A', 9, 15), app('B', 12, 12)], strict);
  assert.deepEqual(
    ranked.map((r) => r.reference),
    ['B', 'A'],
  );
  assert.equal(ranked[0]!.tieBreak, null, 'B is ahead because A is below a threshold, not by a tie-break');
});

test('unknown tie-break ids are ignored; missing scores count as zero', () => {
  const ranked = rankApplications(
    [
      { id: 'a', reference: 'A', scores: { pertinence: 20 } },
      { id: 'b', reference: 'B', scores: { impact: 20 } },
    ],
    { ...rules, tieBreaks: ['gone', 'impact'] },
  );
  assert.deepEqual(
    ranked.map((r) => [r.reference, r.total]),
    [
      ['B', 50],
      ['A', 50],
    ],
  );
  assert.deepEqual(ranked[0]!.tieBreak, {
    kind: 'criterion',
    over: { id: 'a', reference: 'A' },
    criterionId: 'impact',
    own: 20,
    theirs: 0,
  });
});

test('no candidates, no ranking', () => {
  assert.deepEqual(rankApplications([], rules), []);
});
