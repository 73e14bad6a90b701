import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  agreementVersionLifecycle,
  amendmentProblems,
  bindingVersion,
  nextVersionNumber,
  pendingVersion,
  type AgreementVersion,
} from './agreementVersions.ts';

const { transition, availableEvents } = agreementVersionLifecycle;

const v1: AgreementVersion = {
  number: 1,
  status: 'draft',
  amountCents: 5_690_400,
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  reason: null,
  documentSha256: 'a'.repeat(64),
};

test('a version is drafted, sent, accepted by the grantee and countersigned', () => {
  let v = v1;
  for (const [event, to] of [
    ['send', 'sent'],
    ['accept', 'accepted'],
    ['countersign', 'countersigned'],
  ] as const) {
    const r = transition(v.status, event, v);
    assert.deepEqual(r, { ok: true, value: to });
    v = { ...v, status: to };
  }
  assert.deepEqual(availableEvents('countersigned', v), ['supersede']);
});

test('a version is sent with its document; an amendment also with its reason', () => {
  assert.deepEqual(transition('draft', 'send', { ...v1, documentSha256: null }), { ok: false, error: 'no-document' });
  const amendment = { ...v1, number: 2, reason: '  ' };
  assert.deepEqual(transition('draft', 'send', amendment), { ok: false, error: 'amendment-without-reason' });
  assert.ok(
    agreementVersionLifecycle.can('draft', 'send', { ...amendment, reason: 'Extension de trois mois sans coût' }),
  );
});

test('before it binds, a version can be declined by the grantee or withdrawn by the officer', () => {
  assert.deepEqual(transition('sent', 'decline', v1), { ok: true, value: 'declined' });
  for (const s of ['draft', 'sent', 'accepted'] as const)
    assert.deepEqual(transition(s, 'withdraw', v1), { ok: true, value: 'withdrawn' });
  assert.deepEqual(transition('countersigned', 'withdraw', v1), { ok: false, error: 'invalid-transition' });
  assert.deepEqual(transition('accepted', 'decline', v1), { ok: false, error: 'invalid-transition' });
});

test('the binding version is the countersigned one; the pending one is in progress', () => {
  const versions: AgreementVersion[] = [
    { ...v1, status: 'superseded' },
    { ...v1, number: 2, status: 'countersigned', reason: 'Révision budgétaire' },
    { ...v1, number: 3, status: 'withdrawn', reason: 'Prolongation' },
    { ...v1, number: 4, status: 'sent', reason: 'Prolongation de six mois' },
  ];
  assert.equal(bindingVersion(versions)?.number, 2);
  assert.equal(pendingVersion(versions)?.number, 4);
  assert.equal(nextVersionNumber(versions), 5);
  assert.equal(bindingVersion([v1]), null);
  assert.equal(nextVersionNumber([]), 1);
});

test('an amendment changes a binding agreement of a running grant, one at a time', () => {
  const bound = [{ ...v1, status: 'countersigned' as const }];
  assert.deepEqual(amendmentProblems('active', bound), []);
  assert.deepEqual(amendmentProblems('suspended', bound), []);
  assert.deepEqual(amendmentProblems('closed', bound), ['grant-ended']);
  assert.deepEqual(amendmentProblems('agreement-sent', [{ ...v1, status: 'sent' }]), [
    'not-binding-yet',
    'amendment-in-progress',
  ]);
  assert.deepEqual(amendmentProblems('active', [...bound, { ...v1, number: 2, status: 'draft', reason: 'x' }]), [
    'amendment-in-progress',
  ]);
});
