import { test } from 'node:test';
import assert from 'node:assert/strict';
import { approvalRefusal, approvalsComplete, approvalsNeeded, type ApprovalPolicy } from './trancheApproval.ts';

const policy: ApprovalPolicy = { secondApprovalAboveCents: 2_500_000 }; // 25,000 euros

test('a second officer is needed strictly above the threshold, never without one', () => {
  assert.equal(approvalsNeeded(2_500_000, policy), 1);
  assert.equal(approvalsNeeded(2_500_001, policy), 2);
  assert.equal(approvalsNeeded(99_999_999, { secondApprovalAboveCents: null }), 1);
});

test('under the threshold one approval by any officer completes it, even by the one who made it due', () => {
  const t = { amountCents: 1_000_000, madeDueBy: 'anna', approvers: [] };
  assert.equal(approvalRefusal(t, 'anna', policy), null);
  assert.ok(!approvalsComplete(t, policy));
  assert.ok(approvalsComplete({ ...t, approvers: ['anna'] }, policy));
});

test('above it, released by its condition: two different approvers', () => {
  const t = { amountCents: 4_552_320, madeDueBy: null, approvers: ['anna'] };
  assert.ok(!approvalsComplete(t, policy));
  assert.equal(approvalRefusal(t, 'anna', policy), 'already-approved');
  assert.equal(approvalRefusal(t, 'bert', policy), null);
  assert.ok(approvalsComplete({ ...t, approvers: ['anna', 'bert'] }, policy));
});

test('above it, released by an officer: that officer is the first pair of eyes and may not approve', () => {
  const t = { amountCents: 4_552_320, madeDueBy: 'anna', approvers: [] };
  assert.equal(approvalRefusal(t, 'anna', policy), 'made-it-due');
  assert.equal(approvalRefusal(t, 'bert', policy), null);
  assert.ok(approvalsComplete({ ...t, approvers: ['bert'] }, policy));
  assert.ok(!approvalsComplete({ ...t, approvers: [] }, policy), 'making it due is no approval');
});
