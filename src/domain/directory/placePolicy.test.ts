import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../access.ts';
import { verdictOf } from '../policy.ts';
import { PLACE_STATES, type PlaceState } from './placeLifecycle.ts';
import {
  curatesSomeDirectory,
  PLACE_POLICY,
  placeAbilities,
  placeRelation,
  policyRelation,
  type PlaceAction,
  type PlaceSubject,
} from './placePolicy.ts';
import type { Membership } from '../organisationAccess.ts';

const FUNDER = 'f-1';
const ORG = 'o-1';
const officer: Actor = { userId: 'o', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'officer' }] };
const funderAdmin: Actor = {
  userId: 'a',
  isPlatformAdmin: false,
  grants: [{ funderId: FUNDER, role: 'administrator' }],
};
const installationAdmin: Actor = { userId: 'i', isPlatformAdmin: true, grants: [] };
const otherOfficer: Actor = { userId: 'x', isPlatformAdmin: false, grants: [{ funderId: 'f-2', role: 'officer' }] };
const juror: Actor = { userId: 'j', isPlatformAdmin: false, grants: [{ funderId: FUNDER, role: 'juror' }] };
const member: Actor = { userId: 'm', isPlatformAdmin: false, grants: [] };
const stranger: Actor = { userId: 's', isPlatformAdmin: false, grants: [] };

const place = (state: PlaceState, organisationId: string | null = ORG): PlaceSubject => ({
  funderId: FUNDER,
  organisationId,
  state,
});
const membershipOf = (actor: Actor | null): Membership => (actor === member ? 'member' : null);
const allowed = (actor: Actor | null, subject: PlaceSubject) => {
  const can = placeAbilities(actor, subject, membershipOf(actor));
  return (Object.keys(can) as (keyof typeof can)[]).filter((a) => can[a]).sort();
};

test('relations: the funder’s officers and administrators and the installation’s administrators curate; members own', () => {
  for (const actor of [officer, funderAdmin, installationAdmin])
    assert.equal(placeRelation(actor, place('draft'), null), 'officer');
  assert.equal(placeRelation(member, place('draft'), 'member'), 'member');
  assert.equal(placeRelation(member, place('draft', null), 'member'), 'public', 'no owner organisation');
  for (const actor of [otherOfficer, juror, stranger, null])
    assert.equal(placeRelation(actor, place('draft'), null), 'public');
  assert.equal(curatesSomeDirectory(installationAdmin), true);
  assert.equal(curatesSomeDirectory(officer), true);
  assert.equal(curatesSomeDirectory(juror), false);
  assert.equal(curatesSomeDirectory(null), false);
});

// The matrix: relation × state → the actions allowed.
const EXPECTED: Record<'officer' | 'member' | 'public', Record<PlaceState, (PlaceAction | 'see')[]>> = {
  officer: {
    draft: ['see', 'manage', 'edit', 'submit', 'publish'],
    submitted: ['see', 'manage', 'edit', 'return', 'publish'],
    published: ['see', 'manage', 'withdraw', 'correct', 'markChecked'],
    withdrawn: ['see', 'manage', 'publish', 'correct'],
  },
  member: {
    draft: ['see', 'manage', 'edit', 'submit'],
    submitted: ['see', 'manage', 'edit'],
    published: ['see', 'manage'],
    withdrawn: ['see', 'manage'],
  },
  public: { draft: [], submitted: [], published: ['see'], withdrawn: [] },
};

test('what each relation may do, state by state', () => {
  for (const state of PLACE_STATES) {
    for (const actor of [officer, funderAdmin, installationAdmin])
      assert.deepEqual(allowed(actor, place(state)), [...EXPECTED.officer[state]].sort(), `officer ${state}`);
    assert.deepEqual(allowed(member, place(state)), [...EXPECTED.member[state]].sort(), `member ${state}`);
    for (const actor of [otherOfficer, juror, stranger, null])
      assert.deepEqual(allowed(actor, place(state)), [...EXPECTED.public[state]].sort(), `public ${state}`);
  }
});

test('verdicts: the public reads published places only, a draft does not exist for strangers, owners’ actions are forbidden to others', () => {
  const verdict = (actor: Actor | null, state: PlaceState, action: PlaceAction | 'see') => {
    const subject = place(state);
    return verdictOf(PLACE_POLICY, {
      actor,
      relation: policyRelation(placeRelation(actor, subject, membershipOf(actor)), subject),
      subject,
      action,
      anonymous: 'public',
    });
  };
  assert.equal(verdict(null, 'published', 'see'), 'allowed');
  assert.equal(verdict(null, 'draft', 'see'), 'not-found');
  assert.equal(verdict(null, 'published', 'manage'), 'sign-in');
  assert.equal(verdict(stranger, 'draft', 'manage'), 'not-found');
  assert.equal(verdict(stranger, 'published', 'manage'), 'forbidden');
  assert.equal(verdict(otherOfficer, 'submitted', 'publish'), 'not-found');
  assert.equal(verdict(otherOfficer, 'published', 'publish'), 'forbidden');
  assert.equal(verdict(member, 'draft', 'publish'), 'forbidden');
  assert.equal(verdict(member, 'published', 'edit'), 'not-now');
  assert.equal(verdict(member, 'draft', 'submit'), 'allowed');
  assert.equal(verdict(officer, 'published', 'publish'), 'not-now');
  assert.equal(verdict(officer, 'submitted', 'publish'), 'allowed');
});
