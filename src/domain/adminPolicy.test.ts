import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import { funderAbilities, funderRelation, installationAbilities } from './adminPolicy.ts';

const funder = { id: 'f-1' };
const platform: Actor = { userId: 'p', isPlatformAdmin: true, grants: [] };
const administrator: Actor = {
  userId: 'a',
  isPlatformAdmin: false,
  grants: [{ funderId: 'f-1', role: 'administrator' }],
};
const otherAdministrator: Actor = {
  userId: 'b',
  isPlatformAdmin: false,
  grants: [{ funderId: 'f-2', role: 'administrator' }],
};
const officer: Actor = { userId: 'o', isPlatformAdmin: false, grants: [{ funderId: 'f-1', role: 'officer' }] };

test('a funder is administered by the installation’s administrators and its own, nobody else', () => {
  assert.equal(funderRelation(platform, funder), 'installation');
  assert.equal(funderRelation(administrator, funder), 'administrator');
  for (const actor of [otherAdministrator, officer, null]) {
    assert.equal(funderRelation(actor, funder), null);
    assert.deepEqual(funderAbilities(actor, funder), { see: false, edit: false, manageRoles: false, seeAudit: false });
  }
  assert.deepEqual(funderAbilities(administrator, funder), {
    see: true,
    edit: true,
    manageRoles: true,
    seeAudit: true,
  });
});

test('only the installation’s administrators create funders and manage every account', () => {
  assert.deepEqual(installationAbilities(platform), {
    administer: true,
    createFunders: true,
    managePeople: true,
    manageSignInProviders: true,
    manageReferenceData: true,
    runCalls: false,
    curateDirectory: true,
  });
  assert.deepEqual(installationAbilities(administrator), {
    administer: true,
    createFunders: false,
    managePeople: false,
    manageSignInProviders: false,
    manageReferenceData: false,
    runCalls: true, // a funder's administrators may run its calls too
    curateDirectory: true,
  });
  assert.deepEqual(installationAbilities(officer), {
    administer: false,
    createFunders: false,
    managePeople: false,
    manageSignInProviders: false,
    manageReferenceData: false,
    runCalls: true,
    curateDirectory: true,
  });
  assert.deepEqual(installationAbilities(null), {
    administer: false,
    createFunders: false,
    managePeople: false,
    manageSignInProviders: false,
    manageReferenceData: false,
    runCalls: false,
    curateDirectory: false,
  });
});
