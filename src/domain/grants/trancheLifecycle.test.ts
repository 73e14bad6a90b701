import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRANT_STATUSES } from './grantLifecycle.ts';
import { TRANCHE_STATUSES, trancheLifecycle, type TrancheContext, type TrancheStatus } from './trancheLifecycle.ts';

const { transition, can, availableEvents } = trancheLifecycle;

const ctx = (
  extra: Partial<TrancheContext> = {},
  tranche: Partial<TrancheContext['tranche']> = {},
): TrancheContext => ({
  tranche: { trigger: 'signature', occurrence: 1, dueOn: null, amountCents: 4_552_320, ...tranche },
  grantStatus: 'active',
  today: '2027-03-01',
  approvedInterimReports: 0,
  finalReportApproved: false,
  remainingCents: 5_690_400,
  approvalsComplete: true,
  ...extra,
});

test('the path of a tranche to the grantee’s account', () => {
  let status: TrancheStatus = 'planned';
  for (const [event, to] of [
    ['make-due', 'due'],
    ['approve', 'approved'],
    ['add-to-batch', 'in-batch'],
    ['mark-paid', 'paid'],
  ] as const) {
    assert.deepEqual(transition(status, event, ctx()), { ok: true, value: to });
    status = to;
  }
  assert.deepEqual(availableEvents('paid', ctx()), ['return']);
});

test('a tranche falls due when its condition is met', () => {
  const interim = { trigger: 'interim-report' as const, occurrence: 2 };
  assert.deepEqual(transition('planned', 'make-due', ctx({ approvedInterimReports: 1 }, interim)), {
    ok: false,
    error: 'condition-not-met',
  });
  assert.ok(can('planned', 'make-due', ctx({ approvedInterimReports: 2 }, interim)));
  assert.ok(!can('planned', 'make-due', ctx({}, { trigger: 'final-report' })));
  assert.ok(can('planned', 'make-due', ctx({ finalReportApproved: true }, { trigger: 'final-report' })));
  const dated = { trigger: 'date' as const, dueOn: '2027-07-01' };
  assert.ok(!can('planned', 'make-due', ctx({ today: '2027-06-30' }, dated)));
  assert.ok(can('planned', 'make-due', ctx({ today: '2027-07-01' }, dated)));
});

test('a tranche never exceeds what remains of the grant, and is never 0', () => {
  assert.deepEqual(transition('planned', 'make-due', ctx({ remainingCents: 4_552_319 })), {
    ok: false,
    error: 'exceeds-remaining',
  });
  assert.deepEqual(transition('planned', 'make-due', ctx({}, { amountCents: 0 })), {
    ok: false,
    error: 'nothing-to-pay',
  });
});

test('no money moves on a grant that is not running', () => {
  const payable = ['countersigned', 'active', 'final-report-approved'];
  for (const grantStatus of GRANT_STATUSES) {
    assert.equal(can('planned', 'make-due', ctx({ grantStatus })), payable.includes(grantStatus), grantStatus);
    assert.equal(can('approved', 'add-to-batch', ctx({ grantStatus })), payable.includes(grantStatus), grantStatus);
  }
  assert.deepEqual(transition('due', 'approve', ctx({ grantStatus: 'suspended' })), {
    ok: false,
    error: 'grant-not-payable',
  });
});

test('approval waits for the second officer when four eyes are needed', () => {
  assert.deepEqual(transition('due', 'approve', ctx({ approvalsComplete: false })), {
    ok: false,
    error: 'second-approval-needed',
  });
});

test('a rejected or returned transfer goes back to approved for a new batch, or is cancelled', () => {
  assert.deepEqual(transition('in-batch', 'fail', ctx()), { ok: true, value: 'failed' });
  assert.deepEqual(transition('paid', 'return', ctx()), { ok: true, value: 'returned' });
  for (const s of ['failed', 'returned'] as const) {
    assert.deepEqual(transition(s, 'requeue', ctx()), { ok: true, value: 'approved' });
    assert.deepEqual(transition(s, 'cancel', ctx()), { ok: true, value: 'cancelled' });
  }
  assert.deepEqual(transition('in-batch', 'remove-from-batch', ctx()), { ok: true, value: 'approved' });
});

test('what is in a batch or paid cannot be cancelled; a cancelled tranche is final', () => {
  const cancellable: TrancheStatus[] = ['planned', 'due', 'approved', 'failed', 'returned'];
  for (const s of TRANCHE_STATUSES) assert.equal(can(s, 'cancel', ctx()), cancellable.includes(s), s);
  assert.deepEqual(availableEvents('cancelled', ctx()), []);
});
