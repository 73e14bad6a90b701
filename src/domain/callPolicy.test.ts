import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import { CALL_STATUSES, type CallStatus } from './callLifecycle.ts';
import { CALL_POLICY, callAbilities, callRelation, type CallAction, type CallSubject } from './callPolicy.ts';
import { verdictOf } from './policy.ts';

const FUNDER = 'f-1';
const NOW = new Date('2026-12-01T10:00:00Z');
const officer: Actor = { userId: 'o', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'officer' }] };
const funderAdmin: Actor = {
  userId: 'a',
  isPlatformAdmin: false,
  grants: [{ funderId: FUNDER, role: 'administrator' }],
};
const otherOfficer: Actor = { userId: 'x', isPlatformAdmin: false, grants: [{ funderId: 'f-2', role: 'officer' }] };
const juror: Actor = { userId: 'j', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'juror' }] };
const visitor: Actor = { userId: 'v', isPlatformAdmin: false, grants: [] };

const call = (status: CallStatus, closesAt = new Date('2027-01-15T11:00:00Z')): CallSubject => ({
  funderId: FUNDER,
  status,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt,
  now: NOW,
});

test('relations: the funder’s officers and administrators run it; anyone else reads it once public', () => {
  assert.equal(callRelation(officer, call('draft')), 'officer');
  assert.equal(callRelation(funderAdmin, call('draft')), 'officer');
  for (const actor of [otherOfficer, juror, visitor, null]) assert.equal(callRelation(actor, call('draft')), null);
  assert.equal(callRelation(otherOfficer, call('published')), 'visitor');
  assert.equal(callRelation(null, call('published')), 'anonymous');
});

// The matrix: for each state, the actions an officer may take there. Everyone else may take none
// of the officer actions in any state.
const OFFICER_ACTIONS: Record<CallStatus, CallAction[]> = {
  draft: [
    'manage',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
    'publish',
  ],
  published: [
    'manage',
    'ask',
    'apply',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
    'closeEarly',
  ],
  closed: [
    'manage',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
  ],
  screening: [
    'manage',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
  ],
  evaluation: [
    'manage',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
  ],
  deliberation: [
    'manage',
    'editTexts',
    'editDates',
    'editBudget',
    'editPublics',
    'editCriteria',
    'editForm',
    'editDocuments',
    'editJury',
    'answerQuestions',
  ],
  decided: ['manage', 'editTexts', 'answerQuestions'],
  'results-published': ['manage', 'seeResults', 'editTexts', 'answerQuestions', 'archive'],
  'follow-up': ['manage', 'seeResults', 'editTexts', 'answerQuestions', 'archive'],
  archived: ['manage', 'seeResults'],
};

test('what an officer may do, state by state', () => {
  for (const status of CALL_STATUSES) {
    const can = callAbilities(officer, call(status));
    const allowed = (Object.keys(can) as (keyof typeof can)[]).filter((a) => a !== 'see' && can[a]);
    assert.deepEqual(allowed.sort(), [...OFFICER_ACTIONS[status]].sort(), status);
    assert.equal(can.see, true);
  }
});

test('the public reads, asks and applies while open, reads results once published, and manages nothing', () => {
  for (const status of CALL_STATUSES) {
    for (const actor of [visitor, otherOfficer, juror, null]) {
      const can = callAbilities(actor, call(status));
      assert.equal(can.see, status !== 'draft', `${status} seen by ${actor?.userId ?? 'anonymous'}`);
      assert.equal(can.manage || can.publish || can.editBudget || can.closeEarly, false);
      assert.equal(can.ask, actor !== null && status === 'published');
      assert.equal(can.seeResults, ['results-published', 'follow-up', 'archived'].includes(status));
    }
  }
  assert.equal(
    callAbilities(visitor, call('published', new Date('2026-12-01T09:59:59Z'))).apply,
    false,
    'past its deadline',
  );
});

test('verdicts: sign in first, a draft does not exist for strangers, a public call is forbidden to manage, a wrong state is not now', () => {
  const verdict = (actor: Actor | null, status: CallStatus, action: CallAction | 'see') =>
    verdictOf(CALL_POLICY, {
      actor,
      relation: callRelation(actor, call(status)),
      subject: call(status),
      action,
      anonymous: 'anonymous',
    });
  assert.equal(verdict(null, 'draft', 'manage'), 'sign-in');
  assert.equal(verdict(null, 'published', 'manage'), 'sign-in');
  assert.equal(verdict(null, 'draft', 'see'), 'not-found', 'the public is not told a draft exists');
  assert.equal(verdict(null, 'published', 'see'), 'allowed');
  assert.equal(verdict(null, 'published', 'ask'), 'sign-in');
  assert.equal(verdict(visitor, 'draft', 'manage'), 'not-found');
  assert.equal(verdict(visitor, 'published', 'manage'), 'forbidden');
  assert.equal(verdict(otherOfficer, 'decided', 'publish'), 'forbidden');
  assert.equal(verdict(officer, 'decided', 'editBudget'), 'not-now');
  assert.equal(verdict(officer, 'published', 'publish'), 'not-now');
  assert.equal(verdict(officer, 'draft', 'publish'), 'allowed');
});
