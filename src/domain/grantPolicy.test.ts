import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import {
  BATCH_POLICY,
  batchRelation,
  GRANT_POLICY,
  grantAbilities,
  grantRelation,
  type GrantAction,
  type GrantSubject,
} from './grantPolicy.ts';
import { GRANT_STATUSES, type GrantStatus } from './grants/grantLifecycle.ts';
import { verdictOf } from './policy.ts';

const FUNDER = 'f-1';
const officer: Actor = { userId: 'o', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'officer' }] };
const funderAdmin: Actor = {
  userId: 'a',
  isPlatformAdmin: false,
  grants: [{ funderId: FUNDER, role: 'administrator' }],
};
const otherOfficer: Actor = { userId: 'x', isPlatformAdmin: false, grants: [{ funderId: 'f-2', role: 'officer' }] };
const juror: Actor = { userId: 'j', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'juror' }] };
const member: Actor = { userId: 'm', isPlatformAdmin: false, grants: [] };

const AGREEMENT: Record<GrantStatus, GrantSubject['agreement']> = {
  offered: null,
  'agreement-sent': 'sent',
  accepted: 'accepted',
  countersigned: 'countersigned',
  active: 'countersigned',
  'final-report-approved': 'countersigned',
  closed: 'countersigned',
  declined: 'declined',
  suspended: 'countersigned',
  recovered: 'countersigned',
};
const grant = (status: GrantStatus): GrantSubject => ({ funderId: FUNDER, status, agreement: AGREEMENT[status] });

test('relations: the funder’s officers and administrators, then the organisation’s members; nobody else', () => {
  assert.equal(grantRelation(officer, grant('offered'), false), 'officer');
  assert.equal(grantRelation(funderAdmin, grant('offered'), false), 'officer');
  assert.equal(grantRelation(member, grant('offered'), true), 'member');
  for (const actor of [otherOfficer, juror, member, null])
    assert.equal(grantRelation(actor, grant('offered'), false), null);
  assert.equal(grantRelation(null, grant('offered'), true), null, 'membership needs an account');
});

// The matrix: for each status, what an officer and a member may do there.
const OFFICER: Record<GrantStatus, GrantAction[]> = {
  offered: ['manage', 'sendAgreement'],
  'agreement-sent': ['manage', 'readAgreement', 'uploadSignedCopy'],
  accepted: ['manage', 'readAgreement', 'countersign'],
  countersigned: ['manage', 'readAgreement', 'approveTranches', 'amend'],
  active: ['manage', 'readAgreement', 'approveTranches', 'amend', 'recordRecovery', 'suspend'],
  'final-report-approved': ['manage', 'readAgreement', 'approveTranches', 'recordRecovery', 'close'],
  closed: ['manage', 'readAgreement'],
  declined: ['manage', 'readAgreement'],
  suspended: ['manage', 'readAgreement', 'amend', 'recordRecovery', 'resume'],
  recovered: ['manage', 'readAgreement', 'recordRecovery'],
};
const MEMBER: Record<GrantStatus, GrantAction[]> = {
  offered: ['decline'],
  'agreement-sent': ['readAgreement', 'accept', 'decline'],
  accepted: ['readAgreement'],
  countersigned: ['readAgreement'],
  active: ['readAgreement'],
  'final-report-approved': ['readAgreement'],
  closed: ['readAgreement'],
  declined: ['readAgreement'],
  suspended: ['readAgreement'],
  recovered: ['readAgreement'],
};

test('the matrix of abilities per status', () => {
  const actions = Object.keys(GRANT_POLICY).filter((a) => a !== 'see') as GrantAction[];
  for (const status of GRANT_STATUSES) {
    const asOfficer = grantAbilities(officer, grant(status), false);
    const asMember = grantAbilities(member, grant(status), true);
    assert.deepEqual(actions.filter((a) => asOfficer[a]).sort(), [...OFFICER[status]].sort(), `officer, ${status}`);
    assert.deepEqual(actions.filter((a) => asMember[a]).sort(), [...MEMBER[status]].sort(), `member, ${status}`);
    assert.ok(asOfficer.see && asMember.see);
    for (const stranger of [otherOfficer, juror, member]) {
      const can = grantAbilities(stranger, grant(status), false);
      assert.ok(
        Object.values(can).every((v) => !v),
        `${stranger.userId} may do nothing, ${status}`,
      );
    }
  }
});

test('verdicts: strangers get not found, the public sign in, a member forbidden officer actions', () => {
  const subject = grant('agreement-sent');
  const verdict = (actor: Actor | null, isMember: boolean, action: GrantAction | 'see') =>
    verdictOf(GRANT_POLICY, { actor, relation: grantRelation(actor, subject, isMember), subject, action });
  assert.equal(verdict(null, false, 'see'), 'sign-in');
  for (const stranger of [otherOfficer, juror, member]) assert.equal(verdict(stranger, false, 'see'), 'not-found');
  assert.equal(verdict(member, true, 'countersign'), 'forbidden');
  assert.equal(verdict(officer, false, 'accept'), 'forbidden', 'an officer never accepts for the grantee');
  assert.equal(verdict(member, true, 'accept'), 'allowed');
  assert.equal(verdict(officer, false, 'countersign'), 'not-now');
});

test('an amendment in progress: the grantee accepts or declines it, the officer countersigns what was accepted', () => {
  const amending = (agreement: GrantSubject['agreement']): GrantSubject => ({
    funderId: FUNDER,
    status: 'active',
    agreement,
  });
  const sent = grantAbilities(member, amending('sent'), true);
  assert.ok(sent.accept && sent.decline && sent.readAgreement);
  assert.ok(!grantAbilities(officer, amending('sent'), false).amend, 'one amendment at a time');
  assert.ok(grantAbilities(officer, amending('sent'), false).uploadSignedCopy);
  assert.ok(grantAbilities(officer, amending('accepted'), false).countersign);
  assert.ok(!grantAbilities(member, amending('accepted'), true).decline);
});

test('payment batches are their funder’s officers’ alone', () => {
  const batch = { funderId: FUNDER, status: 'created' as const };
  assert.equal(batchRelation(officer, batch), 'officer');
  for (const actor of [otherOfficer, juror, member, null]) assert.equal(batchRelation(actor, batch), null);
  const v = (status: 'created' | 'paid', action: 'recordOutcome' | 'recordReturn') =>
    verdictOf(BATCH_POLICY, { actor: officer, relation: 'officer', subject: { ...batch, status }, action });
  assert.equal(v('created', 'recordOutcome'), 'allowed');
  assert.equal(v('paid', 'recordOutcome'), 'not-now');
  assert.equal(v('paid', 'recordReturn'), 'allowed');
});
