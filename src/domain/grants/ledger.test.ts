import { test } from 'node:test';
import assert from 'node:assert/strict';
import { grantLedger, recoverableCents, type LedgerInput } from './ledger.ts';

const input = (extra: Partial<LedgerInput> = {}): LedgerInput => ({
  grantedCents: 5_690_400,
  amendedCents: 5_690_400,
  settledCents: null,
  tranches: [],
  expenses: [],
  recoveries: [],
  ...extra,
});

test('each tranche counts where its state puts it; a cancelled one nowhere, a returned one as not paid', () => {
  const ledger = grantLedger(
    input({
      tranches: [
        { status: 'paid', amountCents: 1_000_000 },
        { status: 'returned', amountCents: 200_000 },
        { status: 'failed', amountCents: 300_000 },
        { status: 'in-batch', amountCents: 400_000 },
        { status: 'approved', amountCents: 500_000 },
        { status: 'due', amountCents: 600_000 },
        { status: 'planned', amountCents: 700_000 },
        { status: 'cancelled', amountCents: 800_000 },
      ],
    }),
  );
  assert.equal(ledger.paidCents, 1_000_000);
  assert.equal(ledger.approvedNotPaidCents, 1_400_000);
  assert.equal(ledger.dueCents, 600_000);
  assert.equal(ledger.plannedCents, 700_000);
  assert.equal(ledger.toPayCents, 2_700_000);
  assert.equal(ledger.remainingCents, 5_690_400 - 3_000_000);
});

test('an amendment changes what is entitled; granted keeps the first amount', () => {
  const ledger = grantLedger(
    input({ amendedCents: 6_000_000, tranches: [{ status: 'paid', amountCents: 4_552_320 }] }),
  );
  assert.equal(ledger.grantedCents, 5_690_400);
  assert.equal(ledger.entitlementCents, 6_000_000);
  assert.equal(ledger.remainingCents, 1_447_680);
});

test('a settlement below what was paid: nothing remains, the excess is claimed, then received', () => {
  const tranches = [
    { status: 'paid' as const, amountCents: 800_000 },
    { status: 'cancelled' as const, amountCents: 0 },
  ];
  const claimed = grantLedger(
    input({
      amendedCents: 1_000_000,
      settledCents: 700_000,
      tranches,
      recoveries: [{ amountCents: 100_000, status: 'claimed' }],
    }),
  );
  assert.equal(claimed.entitlementCents, 700_000);
  assert.equal(claimed.remainingCents, 0);
  assert.equal(claimed.toPayCents, 0);
  assert.equal(claimed.toRecoverCents, 100_000);
  assert.equal(claimed.netPaidCents, 800_000);
  const received = grantLedger(
    input({
      amendedCents: 1_000_000,
      settledCents: 700_000,
      tranches,
      recoveries: [
        { amountCents: 100_000, status: 'received' },
        { amountCents: 50_000, status: 'cancelled' },
      ],
    }),
  );
  assert.equal(received.toRecoverCents, 0);
  assert.equal(received.recoveredCents, 100_000);
  assert.equal(received.netPaidCents, 700_000);
});

test('only approved expenses justify', () => {
  const ledger = grantLedger(
    input({
      expenses: [
        { status: 'approved', amountCents: 120_000 },
        { status: 'submitted', amountCents: 50_000 },
        { status: 'rejected', amountCents: 9_999 },
        { status: 'approved', amountCents: 30_001 },
      ],
    }),
  );
  assert.equal(ledger.justifiedCents, 150_001);
});

test('a recovery claims at most what was paid and not justified, less what is already claimed or received', () => {
  const ledger = (extra: Partial<LedgerInput>) => grantLedger(input(extra));
  const paid = { tranches: [{ status: 'paid' as const, amountCents: 4_552_320 }] };
  assert.equal(recoverableCents(ledger(paid)), 4_552_320);
  assert.equal(
    recoverableCents(ledger({ ...paid, expenses: [{ amountCents: 4_000_000, status: 'approved' }] })),
    552_320,
  );
  assert.equal(
    recoverableCents(
      ledger({
        ...paid,
        expenses: [{ amountCents: 4_000_000, status: 'approved' }],
        recoveries: [
          { amountCents: 100_000, status: 'claimed' },
          { amountCents: 50_000, status: 'received' },
          { amountCents: 999_999, status: 'cancelled' },
        ],
      }),
    ),
    402_320,
  );
  assert.equal(
    recoverableCents(ledger({ ...paid, expenses: [{ amountCents: 9_000_000, status: 'approved' }] })),
    0,
    'justified beyond what was paid: nothing to recover',
  );
  assert.equal(recoverableCents(ledger({})), 0, 'nothing paid, nothing to recover');
});
