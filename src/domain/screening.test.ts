import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplicationStatus } from './applicationLifecycle.ts';
import type { EligibilityCriterion } from './callCriteria.ts';
import {
  canEditChecklist,
  canReopen,
  checklistProgress,
  decisionAllowed,
  funnel,
  reopenRefusal,
  screeningAbilities,
  unmetCriteria,
  type Verdicts,
} from './screening.ts';

const criterion = (id: string): EligibilityCriterion => ({ id, label: { fr: id }, explanation: { fr: '' } });
const CRITERIA = [criterion('brussels'), criterion('asbl'), criterion('public')];
const checklist = (...verdicts: ('met' | 'not-met' | 'to-verify' | null)[]): Verdicts =>
  Object.fromEntries(verdicts.flatMap((v, i) => (v ? [[CRITERIA[i]!.id, { verdict: v, note: '' }]] : [])));

test('decisions the checklist allows, as a table', () => {
  const cases: [Verdicts, 'eligible' | 'ineligible', string][] = [
    [checklist('met', 'met', 'met'), 'eligible', 'ok'],
    [checklist('met', 'met', 'met'), 'ineligible', 'none-unmet'],
    [checklist('met', 'not-met', 'met'), 'eligible', 'not-met'],
    [checklist('met', 'not-met', 'met'), 'ineligible', 'ok'],
    [checklist('met', 'not-met', 'to-verify'), 'ineligible', 'to-verify'],
    [checklist('met', 'met', 'to-verify'), 'eligible', 'to-verify'],
    [checklist('met', 'met', null), 'eligible', 'unassessed'],
    [checklist('not-met', null, null), 'ineligible', 'unassessed'],
    [{}, 'eligible', 'unassessed'],
  ];
  for (const [verdicts, decision, expected] of cases) {
    const result = decisionAllowed(verdicts, CRITERIA, decision);
    assert.equal(result.ok ? 'ok' : result.error, expected, `${JSON.stringify(verdicts)} → ${decision}`);
  }
});

test('an ineligible decision names the unmet criteria, in the call’s order', () => {
  const result = decisionAllowed(checklist('not-met', 'met', 'not-met'), CRITERIA, 'ineligible');
  assert.deepEqual(result, { ok: true, value: { unmet: ['brussels', 'public'] } });
  assert.deepEqual(
    unmetCriteria(CRITERIA, checklist('met', 'not-met', 'met')).map((c) => c.id),
    ['asbl'],
  );
});

test('verdicts on criteria the call no longer has are ignored; a call without criteria is eligible at once', () => {
  const verdicts = { ...checklist('met', 'met', 'met'), removed: { verdict: 'not-met' as const, note: '' } };
  assert.ok(decisionAllowed(verdicts, CRITERIA, 'eligible').ok);
  assert.deepEqual(checklistProgress(CRITERIA, verdicts), { total: 3, assessed: 3, met: 3, notMet: 0, toVerify: 0 });
  assert.ok(decisionAllowed({}, [], 'eligible').ok);
  assert.equal((decisionAllowed({}, [], 'ineligible') as { error: string }).error, 'none-unmet');
  const odd = [criterion('constructor'), criterion('toString')];
  assert.deepEqual(
    checklistProgress(odd, {}),
    { total: 2, assessed: 0, met: 0, notMet: 0, toVerify: 0 },
    'an id like "constructor" is not taken from the prototype',
  );
});

test('checklist progress counts each kind of verdict', () => {
  assert.deepEqual(checklistProgress(CRITERIA, checklist('met', 'to-verify', null)), {
    total: 3,
    assessed: 2,
    met: 1,
    notMet: 0,
    toVerify: 1,
  });
});

test('reopening an ineligible decision: another officer only, and only the standing ineligible decision', () => {
  const by = (kind: 'eligible' | 'ineligible' | 'reopened', decidedBy: string) => ({ kind, decidedBy });
  assert.equal(reopenRefusal(by('ineligible', 'ann'), 'bob'), null);
  assert.equal(reopenRefusal(by('ineligible', 'ann'), 'ann'), 'same-officer');
  assert.equal(reopenRefusal(by('eligible', 'ann'), 'bob'), 'not-ineligible');
  assert.equal(reopenRefusal(by('reopened', 'bob'), 'carl'), 'not-ineligible');
  assert.equal(reopenRefusal(null, 'bob'), 'not-ineligible');
  assert.equal(canReopen(by('ineligible', 'ann'), 'bob'), true);
  assert.equal(canReopen(by('ineligible', 'ann'), 'ann'), false);
});

test('the checklist is open while the application awaits a decision and none stands', () => {
  assert.equal(canEditChecklist('submitted', null), true);
  assert.equal(canEditChecklist('submitted', { kind: 'reopened', decidedBy: 'bob' }), true);
  assert.equal(
    canEditChecklist('submitted', { kind: 'ineligible', decidedBy: 'bob' }),
    false,
    'a decision stands until reopened',
  );
  for (const status of ['draft', 'returned', 'eligible', 'ineligible', 'withdrawn'] as const)
    assert.equal(canEditChecklist(status, null), false, status);
});

test('abilities on the screening page, role × state', () => {
  const base = { actorId: 'bob', criteria: CRITERIA };
  assert.deepEqual(
    screeningAbilities({ ...base, status: 'submitted', last: null, verdicts: checklist('met', 'met', 'met') }),
    { editChecklist: true, declareEligible: true, declareIneligible: false, reopen: false },
  );
  assert.deepEqual(
    screeningAbilities({ ...base, status: 'submitted', last: null, verdicts: checklist('met', 'not-met', 'met') }),
    { editChecklist: true, declareEligible: false, declareIneligible: true, reopen: false },
  );
  assert.deepEqual(
    screeningAbilities({ ...base, status: 'submitted', last: null, verdicts: checklist('met', 'to-verify', 'met') }),
    { editChecklist: true, declareEligible: false, declareIneligible: false, reopen: false },
  );
  assert.deepEqual(
    screeningAbilities({
      ...base,
      status: 'ineligible',
      last: { kind: 'ineligible', decidedBy: 'ann' },
      verdicts: checklist('met', 'not-met', 'met'),
    }),
    { editChecklist: false, declareEligible: false, declareIneligible: false, reopen: true },
  );
  assert.deepEqual(
    screeningAbilities({ ...base, status: 'ineligible', last: { kind: 'ineligible', decidedBy: 'bob' }, verdicts: {} }),
    { editChecklist: false, declareEligible: false, declareIneligible: false, reopen: false },
  );
  assert.deepEqual(
    screeningAbilities({ ...base, status: 'returned', last: null, verdicts: checklist('met', 'met', 'met') }),
    { editChecklist: false, declareEligible: false, declareIneligible: false, reopen: false },
  );
});

test('the funnel is cumulative from submission; withdrawn applications are counted apart', () => {
  const statuses: ApplicationStatus[] = [
    'submitted',
    'returned',
    'eligible',
    'eligible',
    'under-review',
    'scored',
    'selected',
    'reserve',
    'rejected',
    'ineligible',
    'withdrawn',
  ];
  assert.deepEqual(funnel(statuses), {
    submitted: 11,
    toScreen: 2,
    returned: 1,
    eligible: 7,
    ineligible: 1,
    underReview: 5,
    scored: 4,
    selected: 1,
    reserve: 1,
    rejected: 1,
    withdrawn: 1,
  });
  assert.equal(funnel(['draft', 'submitted']).submitted, 1, 'a draft is not in the funnel');
});
