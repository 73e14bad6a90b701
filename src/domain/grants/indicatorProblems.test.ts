import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TARGET_PUBLICS } from '../referenceData.ts';
import { indicatorProblems } from './indicatorProblems.ts';
import { defaultIndicatorSet, RESIDENCE_CATEGORIES, type IndicatorValues } from './reportIndicators.ts';

const publics = DEFAULT_TARGET_PUBLICS.filter((p) => ['newcomers', 'women', 'job-seekers'].includes(p.key));
const set = defaultIndicatorSet(publics);

// 120 participants, each breakdown adding up to them.
const consistent: IndicatorValues = {
  participants: 120,
  'participants-by-public': { newcomers: 70, women: 30, other: 20 },
  'participants-by-commune': { '21015': 60, '21012': 40, 'outside-brussels': 5, 'not-given': 15 },
  'participants-by-age': { '16-24': 20, '25-54': 80, '55-74': 15, '75-plus': 5 },
  'participants-by-gender': { woman: 65, man: 50, 'not-given': 5 },
  sessions: 48,
  'support-hours': 310,
  'digcomp-areas': ['1', '2', '4'],
  'devices-lent': 12,
  narrative: 'Quarante-huit séances à Schaerbeek et Molenbeek.',
};

test('the default set: the counts, four breakdowns of the participants, areas and a narrative', () => {
  assert.deepEqual(
    set.map((d) => d.id),
    [
      'participants',
      'participants-by-public',
      'participants-by-commune',
      'participants-by-age',
      'participants-by-gender',
      'sessions',
      'support-hours',
      'digcomp-areas',
      'devices-lent',
      'devices-refurbished',
      'narrative',
    ],
  );
  assert.equal(RESIDENCE_CATEGORIES.length, 21, '19 communes, outside Brussels, not given');
  const byPublic = set.find((d) => d.id === 'participants-by-public');
  assert.ok(byPublic?.kind === 'breakdown');
  assert.deepEqual(
    byPublic.categories.map((c) => c.key),
    ['job-seekers', 'women', 'newcomers', 'other'],
  );
});

test('a consistent report has no problem', () => {
  assert.deepEqual(indicatorProblems(set, consistent), []);
});

test('a breakdown that does not add up to the participants says by how much', () => {
  const problems = indicatorProblems(set, {
    ...consistent,
    'participants-by-age': { '16-24': 20, '25-54': 80 },
    'participants-by-gender': undefined,
  });
  assert.deepEqual(problems, [
    { field: 'participants-by-age', code: 'breakdown-mismatch', values: { total: 120, sum: 100 } },
    { field: 'participants-by-gender', code: 'breakdown-mismatch', values: { total: 120, sum: 0 } },
  ]);
});

test('negative, fractional and unknown entries are reported per field and category', () => {
  const problems = indicatorProblems(set, {
    ...consistent,
    sessions: -1,
    'support-hours': 12.5,
    'participants-by-commune': { '21015': 120.5, '99999': 0 },
    'participants-by-public': { newcomers: -10, women: 130 },
    'digcomp-areas': ['1', '6'],
  });
  assert.deepEqual(problems, [
    { field: 'participants-by-public', category: 'newcomers', code: 'negative' },
    { field: 'participants-by-commune', category: '21015', code: 'not-an-integer' },
    { field: 'participants-by-commune', category: '99999', code: 'unknown-category' },
    { field: 'sessions', code: 'negative' },
    { field: 'support-hours', code: 'not-an-integer' },
    { field: 'digcomp-areas', category: '6', code: 'invalid-area' },
  ]);
});

test('required counts and the narrative must be there; optional ones may be left out', () => {
  const problems = indicatorProblems(set, {
    ...consistent,
    sessions: null,
    narrative: '   ',
    'devices-lent': undefined,
  });
  assert.deepEqual(problems, [
    { field: 'sessions', code: 'required' },
    { field: 'narrative', code: 'required' },
  ]);
});

test('without a valid total, the breakdowns are not compared to it (the total itself is reported)', () => {
  const problems = indicatorProblems(set, { ...consistent, participants: -3 });
  assert.deepEqual(problems, [{ field: 'participants', code: 'negative' }]);
});

test('values of the wrong shape, and a narrative too long in characters', () => {
  const narrative = set.find((d) => d.id === 'narrative');
  assert.ok(narrative?.kind === 'narrative');
  const problems = indicatorProblems(set, {
    ...consistent,
    sessions: '48',
    'participants-by-age': ['16-24'],
    narrative: 'é'.repeat(narrative.maxLength + 1),
  } as unknown as IndicatorValues);
  assert.deepEqual(problems, [
    { field: 'participants-by-age', code: 'invalid-value' },
    { field: 'sessions', code: 'invalid-value' },
    { field: 'narrative', code: 'too-long', values: { max: 10_000 } },
  ]);
});
