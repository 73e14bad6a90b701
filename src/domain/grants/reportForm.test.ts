import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorProblems } from './indicatorProblems.ts';
import { readReportForm } from './reportForm.ts';
import { defaultIndicatorSet } from './reportIndicators.ts';

const defs = defaultIndicatorSet([{ key: 'newcomers', label: { fr: 'Primo', nl: 'Nieuw', en: 'Newcomers' } }]);

test('the form is read into values keyed by indicator id, empty boxes left out', () => {
  const { values, problems } = readReportForm(defs, {
    'i.participants': '1 200',
    'i.participants-by-age.16-24': '200',
    'i.participants-by-age.25-54': '1000',
    'i.participants-by-age.55-74': '',
    'i.digcomp-areas': ['3', '1', '1'],
    'i.narrative': 'Bien.\r\nTrès bien.',
    'i.sessions': '',
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(values, {
    participants: 1200,
    'participants-by-age': { '16-24': 200, '25-54': 1000 },
    'digcomp-areas': ['1', '3'],
    narrative: 'Bien.\nTrès bien.',
  });
});

test('what is not a whole number is said at its field and not stored', () => {
  const { values, problems } = readReportForm(defs, { 'i.sessions': '12,5', 'i.participants-by-gender.woman': 'x' });
  assert.deepEqual(values, {});
  assert.deepEqual(problems, [
    { field: 'participants-by-gender', category: 'woman', code: 'not-an-integer' },
    { field: 'sessions', code: 'not-an-integer' },
  ]);
});

test('breakdowns that do not add up are caught by indicatorProblems on the values read', () => {
  const { values } = readReportForm(defs, { 'i.participants': '10', 'i.participants-by-age.16-24': '9' });
  const mismatch = indicatorProblems(defs, values).find((p) => p.field === 'participants-by-age');
  assert.deepEqual(mismatch, {
    field: 'participants-by-age',
    code: 'breakdown-mismatch',
    values: { total: 10, sum: 9 },
  });
});
