import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chosenIndicators,
  DEFAULT_INDICATOR_CHOICE,
  DEFAULT_INDICATOR_IDS,
  indicatorChoiceProblems,
  type CustomIndicator,
} from './indicatorChoice.ts';
import { defaultIndicatorSet } from './reportIndicators.ts';

const lessons: CustomIndicator = {
  id: 'custom-lessons',
  label: { fr: 'Leçons données', nl: 'Gegeven lessen', en: 'Lessons given' },
  required: true,
};

test('a call that has not chosen asks the whole default set', () => {
  assert.deepEqual(chosenIndicators(DEFAULT_INDICATOR_CHOICE, []), defaultIndicatorSet([]));
  assert.deepEqual(indicatorChoiceProblems(DEFAULT_INDICATOR_CHOICE), []);
});

test('a choice asks the chosen defaults in the set’s order, then the call’s own counts', () => {
  const chosen = chosenIndicators({ defaults: ['narrative', 'sessions'], custom: [lessons] }, []);
  assert.deepEqual(
    chosen.map((d) => [d.id, d.kind]),
    [
      ['sessions', 'count'],
      ['narrative', 'narrative'],
      ['custom-lessons', 'count'],
    ],
  );
});

test('a breakdown needs the participants; labels in the three languages; ids known and unique', () => {
  assert.deepEqual(
    indicatorChoiceProblems({
      defaults: ['participants-by-age', 'walks'],
      custom: [
        { ...lessons, label: { fr: 'Leçons', nl: ' ', en: 'Lessons' } },
        { ...lessons, id: 'sessions' },
      ],
    }),
    [
      { id: 'participants-by-age', code: 'breakdown-without-participants' },
      { id: 'walks', code: 'unknown-indicator' },
      { id: 'custom-lessons', code: 'label', locale: 'nl' },
      { id: 'sessions', code: 'id' },
      { id: 'sessions', code: 'duplicate-id' },
    ],
  );
  assert.deepEqual(indicatorChoiceProblems({ defaults: [], custom: [] }), [{ id: null, code: 'none' }]);
  assert.ok(DEFAULT_INDICATOR_IDS.includes('participants'));
});
