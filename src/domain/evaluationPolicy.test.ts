import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVALUATION_POLICY, evaluationAbilities, evaluationRelation } from './evaluationPolicy.ts';
import { ORGANISATION_POLICY, organisationAbilities } from './organisationPolicy.ts';
import { verdictOf } from './policy.ts';

const juror = { userId: 'j', isPlatformAdmin: false, grants: [] };

test('a juror opens and scores only what is assigned to them, active and free of conflict', () => {
  const cases: [{ active: boolean } | null, { assigned: boolean; conflicted: boolean }, string][] = [
    [{ active: true }, { assigned: true, conflicted: false }, 'allowed'],
    [{ active: true }, { assigned: false, conflicted: false }, 'forbidden'],
    [{ active: true }, { assigned: true, conflicted: true }, 'forbidden'],
    [{ active: false }, { assigned: true, conflicted: false }, 'forbidden'],
    [null, { assigned: false, conflicted: false }, 'not-found'],
  ];
  for (const [seat, application, expected] of cases) {
    const relation = evaluationRelation(seat, application);
    for (const action of ['open', 'score'] as const)
      assert.equal(
        verdictOf(EVALUATION_POLICY, { actor: juror, relation, subject: null, action }),
        expected,
        JSON.stringify({ seat, application, action }),
      );
    assert.equal(evaluationAbilities(relation).open, expected === 'allowed');
  }
});

test('organisations: members see and edit, owners bring people in, strangers are told nothing', () => {
  assert.deepEqual(organisationAbilities('owner'), { see: true, edit: true, manageMembers: true });
  assert.deepEqual(organisationAbilities('member'), { see: true, edit: true, manageMembers: false });
  assert.deepEqual(organisationAbilities(null), { see: false, edit: false, manageMembers: false });
  const verdict = (relation: 'owner' | 'member' | null) =>
    verdictOf(ORGANISATION_POLICY, { actor: juror, relation, subject: null, action: 'manageMembers' });
  assert.deepEqual([verdict('owner'), verdict('member'), verdict(null)], ['allowed', 'forbidden', 'not-found']);
});
