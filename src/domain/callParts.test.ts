import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedParts, changeRefusals, isCorrection, type GeneralFields } from './callParts.ts';

const call: GeneralFields = {
  title: { fr: 'Appel', nl: 'Oproep' },
  summary: { fr: 'Résumé' },
  description: { fr: 'Texte' },
  budgetCents: 60_000_000,
  grantMinCents: null,
  grantMaxCents: 6_000_000,
  coFundingMaxPercent: null,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2027-01-15T11:00:00Z'),
  targetPublics: ['seniors'],
  activityTypes: [],
};

test('nothing changed, whatever the form left empty or the instant object', () => {
  assert.deepEqual(
    changedParts(call, {
      ...call,
      summary: { fr: 'Résumé', nl: undefined, en: '' },
      closesAt: new Date(call.closesAt as Date),
    }),
    [],
  );
});

test('each changed field names its part, once, in a fixed order', () => {
  assert.deepEqual(changedParts(call, { ...call, budgetCents: 1, grantMaxCents: 2 }), ['budget']);
  assert.deepEqual(
    changedParts(call, { ...call, targetPublics: ['seniors', 'youth'], title: { fr: 'Appel 2', nl: 'Oproep' } }),
    ['texts', 'publics'],
  );
  assert.deepEqual(changedParts(call, { ...call, closesAt: new Date('2027-01-16T11:00:00Z') }), ['dates']);
});

test('a draft changes freely; a published call only with a note; a decided one keeps its money, dates and rules', () => {
  assert.deepEqual(changeRefusals('draft', ['budget', 'texts'], false), []);
  assert.deepEqual(changeRefusals('published', ['budget'], false), ['note-required']);
  assert.deepEqual(changeRefusals('evaluation', ['budget', 'dates'], true), []);
  assert.deepEqual(changeRefusals('decided', ['budget', 'texts'], true), ['locked-budget']);
  assert.deepEqual(changeRefusals('results-published', ['texts'], false), ['note-required']);
  assert.deepEqual(changeRefusals('archived', ['texts'], true), ['locked-texts']);
  assert.deepEqual(changeRefusals('published', ['form'], false), [], 'the form builder explains its own changes');
  assert.deepEqual(changeRefusals('decided', ['form'], false), ['locked-form']);
  assert.equal(isCorrection('draft', ['budget']), false);
  assert.equal(isCorrection('screening', ['form']), true);
});
