import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgreementVersion } from './agreementVersions.ts';
import { grantContext, ledgerOf, trancheContext, type Grant } from './grant.ts';
import { grantLifecycle } from './grantLifecycle.ts';
import type { GrantReport } from './reportLifecycle.ts';
import { trancheLifecycle, type GrantTranche } from './trancheLifecycle.ts';
import { planTranches } from './tranchePlan.ts';

const version: AgreementVersion = {
  number: 1,
  status: 'countersigned',
  amountCents: 5_690_400,
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  reason: null,
  documentSha256: 'b'.repeat(64),
};
const [advance, balance] = planTranches(5_690_400, {
  terms: [
    { percent: 80, trigger: 'signature' },
    { percent: 20, trigger: 'final-report' },
  ],
  singlePaymentBelowCents: null,
}).map((t): GrantTranche => ({ ...t, status: 'planned', madeDueBy: null, approvers: [] })) as [
  GrantTranche,
  GrantTranche,
];
const finalReport: GrantReport = {
  id: 'final',
  kind: 'final',
  status: 'submitted',
  opensAt: new Date('2027-12-31T23:00:00Z'),
  dueAt: new Date('2028-02-29T23:00:00Z'),
  returnDueAt: null,
};
const grant: Grant = {
  status: 'active',
  offeredCents: 5_690_400,
  acceptBy: null,
  versions: [version],
  tranches: [{ ...advance, status: 'paid' }, balance],
  reports: [finalReport],
  expenses: [],
  recoveries: [],
  settledCents: null,
};
const now = new Date('2028-01-15T09:00:00Z');
const policy = { secondApprovalAboveCents: 2_500_000 };

test('the ledger of a grant: granted is the offer, amended the binding version', () => {
  const amended: Grant = {
    ...grant,
    versions: [
      { ...version, status: 'superseded' },
      { ...version, number: 2, amountCents: 6_000_000, reason: 'Extension' },
    ],
  };
  const ledger = ledgerOf(amended);
  assert.equal(ledger.grantedCents, 5_690_400);
  assert.equal(ledger.amendedCents, 6_000_000);
  assert.equal(ledger.paidCents, 4_552_320);
  assert.equal(ledger.remainingCents, 1_447_680);
});

test('the balance waits for the approved final report, which also lets the grant move on', () => {
  const before = trancheContext(grant, balance, now, policy);
  assert.deepEqual(trancheLifecycle.transition('planned', 'make-due', before), {
    ok: false,
    error: 'condition-not-met',
  });
  assert.deepEqual(grantLifecycle.transition('active', 'approve-final-report', grantContext(grant, now)), {
    ok: false,
    error: 'final-report-not-approved',
  });
  const reported = { ...grant, reports: [{ ...finalReport, status: 'approved' as const }] };
  assert.ok(trancheLifecycle.can('planned', 'make-due', trancheContext(reported, balance, now, policy)));
  assert.ok(grantLifecycle.can('active', 'approve-final-report', grantContext(reported, now)));
  assert.deepEqual(grantLifecycle.transition('final-report-approved', 'close', grantContext(reported, now)), {
    ok: false,
    error: 'payments-outstanding',
  });
});

test('the approval being recorded counts towards the four eyes', () => {
  const due = { ...advance, status: 'due' as const, approvers: ['anna'] };
  const g = { ...grant, tranches: [due, balance] };
  assert.equal(trancheContext(g, due, now, policy).approvalsComplete, false);
  assert.equal(trancheContext(g, due, now, policy, 'bert').approvalsComplete, true);
});

test('an offered grant: the agreement in progress, its period start, and today in Brussels', () => {
  const offered: Grant = {
    ...grant,
    status: 'agreement-sent',
    versions: [{ ...version, status: 'sent' }],
    tranches: [advance, balance],
    reports: [],
  };
  const ctx = grantContext(offered, now);
  assert.deepEqual(ctx.agreement, { status: 'sent', hasDocument: true });
  assert.equal(ctx.periodStartsAt?.toISOString(), '2026-12-31T23:00:00.000Z');
  assert.equal(grantContext({ ...offered, versions: [] }, now).periodStartsAt, null);
  assert.equal(trancheContext(offered, advance, new Date('2027-12-31T23:30:00Z'), policy).today, '2028-01-01');
});
