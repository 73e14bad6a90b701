import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chairMustSubmitFirst, consensusRole, mayEditEvaluation, mayRecordConsensus } from './policy.ts';

test('consensus is recorded by officers, and by the active chair without conflict, on a submitted application', () => {
  const chair = { status: 'active' as const, isChair: true };
  const rows: [Parameters<typeof consensusRole>[0], ReturnType<typeof consensusRole>][] = [
    [{ managesCall: true, seat: null, conflicted: false, everSubmitted: true }, 'officer'],
    [{ managesCall: false, seat: chair, conflicted: false, everSubmitted: true }, 'chair'],
    [{ managesCall: false, seat: chair, conflicted: true, everSubmitted: true }, null],
    [{ managesCall: false, seat: { ...chair, status: 'invited' }, conflicted: false, everSubmitted: true }, null],
    [{ managesCall: false, seat: { ...chair, status: 'withdrawn' }, conflicted: false, everSubmitted: true }, null],
    [{ managesCall: false, seat: { status: 'active', isChair: false }, conflicted: false, everSubmitted: true }, null],
    [{ managesCall: false, seat: null, conflicted: false, everSubmitted: true }, null],
    [{ managesCall: true, seat: null, conflicted: false, everSubmitted: false }, null],
    [{ managesCall: false, seat: chair, conflicted: false, everSubmitted: false }, null],
  ];
  for (const [input, expected] of rows) assert.equal(consensusRole(input), expected, JSON.stringify(input));
});

test('an evaluation is edited while a draft of an application under review', () => {
  assert.equal(mayEditEvaluation({ evaluationStatus: 'draft', applicationStatus: 'under-review' }), true);
  assert.equal(mayEditEvaluation({ evaluationStatus: 'submitted', applicationStatus: 'under-review' }), false);
  for (const status of ['eligible', 'scored', 'selected', 'withdrawn'] as const)
    assert.equal(mayEditEvaluation({ evaluationStatus: 'draft', applicationStatus: status }), false, status);
});

test('a consensus needs a role, an application in review or scored, and a submitted evaluation', () => {
  assert.equal(
    mayRecordConsensus({ role: 'officer', applicationStatus: 'under-review', submittedEvaluations: 1 }),
    true,
  );
  assert.equal(mayRecordConsensus({ role: 'chair', applicationStatus: 'scored', submittedEvaluations: 2 }), true);
  assert.equal(mayRecordConsensus({ role: null, applicationStatus: 'under-review', submittedEvaluations: 1 }), false);
  assert.equal(
    mayRecordConsensus({ role: 'officer', applicationStatus: 'under-review', submittedEvaluations: 0 }),
    false,
  );
  assert.equal(mayRecordConsensus({ role: 'officer', applicationStatus: 'selected', submittedEvaluations: 3 }), false);
  assert.equal(mayRecordConsensus({ role: 'officer', applicationStatus: 'withdrawn', submittedEvaluations: 3 }), false);
});

test('a chair assigned to the application submits their own evaluation before seeing the others’, when the call hides them', () => {
  const rows: [Parameters<typeof chairMustSubmitFirst>[0], boolean][] = [
    [{ role: 'chair', ownEvaluation: 'draft', hideOthersUntilSubmitted: true }, true],
    [{ role: 'chair', ownEvaluation: 'not-started', hideOthersUntilSubmitted: true }, true],
    [{ role: 'chair', ownEvaluation: 'submitted', hideOthersUntilSubmitted: true }, false],
    [{ role: 'chair', ownEvaluation: 'not-assigned', hideOthersUntilSubmitted: true }, false],
    [{ role: 'chair', ownEvaluation: 'draft', hideOthersUntilSubmitted: false }, false],
    [{ role: 'officer', ownEvaluation: 'not-assigned', hideOthersUntilSubmitted: true }, false],
  ];
  for (const [input, expected] of rows) assert.equal(chairMustSubmitFirst(input), expected, JSON.stringify(input));
});
