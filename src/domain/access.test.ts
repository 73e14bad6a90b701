import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  canManageFunders,
  canManageRoles,
  canOpenAdministration,
  funderIdsManagedBy,
  type Actor,
  type MaybeActor,
  type Role,
} from './access.ts';

const F1 = 'funder-1';
const F2 = 'funder-2';
const actor = (role: Role | 'platform-admin' | 'public'): MaybeActor =>
  role === 'public'
    ? null
    : {
        userId: 'u',
        isPlatformAdmin: role === 'platform-admin',
        grants: role === 'platform-admin' ? [] : [{ funderId: F1, role }],
      };

// Each row: who, then what they may do at funder F1 and at funder F2.
const MATRIX: [
  Parameters<typeof actor>[0],
  { funders: boolean; rolesF1: boolean; rolesF2: boolean; admin: boolean },
][] = [
  ['public', { funders: false, rolesF1: false, rolesF2: false, admin: false }],
  ['applicant', { funders: false, rolesF1: false, rolesF2: false, admin: false }],
  ['juror', { funders: false, rolesF1: false, rolesF2: false, admin: false }],
  ['officer', { funders: false, rolesF1: false, rolesF2: false, admin: false }],
  ['administrator', { funders: false, rolesF1: true, rolesF2: false, admin: true }],
  ['platform-admin', { funders: true, rolesF1: true, rolesF2: true, admin: true }],
];

for (const [who, may] of MATRIX) {
  test(`access matrix: ${who}`, () => {
    const a = actor(who);
    assert.equal(canManageFunders(a), may.funders, 'manage funders');
    assert.equal(canManageRoles(a, F1), may.rolesF1, 'manage roles at own funder');
    assert.equal(canManageRoles(a, F2), may.rolesF2, 'manage roles at another funder');
    assert.equal(canOpenAdministration(a), may.admin, 'open administration');
  });
}

test('a funder administrator manages exactly the funders they administer', () => {
  const a: Actor = {
    userId: 'u',
    isPlatformAdmin: false,
    grants: [
      { funderId: F1, role: 'administrator' },
      { funderId: F2, role: 'juror' },
    ],
  };
  assert.deepEqual(funderIdsManagedBy(a), [F1]);
  assert.equal(funderIdsManagedBy(actor('platform-admin')), 'all');
  assert.deepEqual(funderIdsManagedBy(null), []);
});
