import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrancheStatus } from './trancheLifecycle.ts';
import { planTranches, rebalanceTranches, type PaymentPlan } from './tranchePlan.ts';

const tranche = (status: TrancheStatus, percent: number, amountCents: number) => ({ status, percent, amountCents });

const eightyTwenty: PaymentPlan = {
  terms: [
    { percent: 80, trigger: 'signature' },
    { percent: 20, trigger: 'final-report' },
  ],
  singlePaymentBelowCents: null,
};
const amounts = (amount: number, plan: PaymentPlan) => planTranches(amount, plan).map((t) => t.amountCents);

test('80/20 of 56,904 euros: exact, and the tranches add up to the grant', () => {
  assert.deepEqual(amounts(5_690_400, eightyTwenty), [4_552_320, 1_138_080]);
});

test('rounding: the advances are rounded down and the balance takes the remainder', () => {
  // 33/33/34 of 100.01 euros: ⌊3300.33⌋ = 3300, ⌊3300.33⌋ = 3300, and 3401 for the balance.
  const plan: PaymentPlan = {
    terms: [
      { percent: 33, trigger: 'signature' },
      { percent: 33, trigger: 'interim-report' },
      { percent: 34, trigger: 'final-report' },
    ],
    singlePaymentBelowCents: null,
  };
  assert.deepEqual(amounts(10_001, plan), [3_300, 3_300, 3_401]);
  for (const amount of [1, 2, 99, 10_001, 5_690_433, 99_999_999_999]) {
    const tranches = planTranches(amount, plan);
    assert.equal(
      tranches.reduce((s, t) => s + t.amountCents, 0),
      amount,
      `${amount}`,
    );
    for (const t of tranches.slice(0, -1)) assert.ok(t.amountCents <= (amount * t.percent) / 100);
  }
});

test('a tranche of 0 cents is left out of a tiny grant', () => {
  assert.deepEqual(
    planTranches(1, eightyTwenty).map((t) => [t.number, t.trigger, t.amountCents]),
    [[1, 'final-report', 1]],
  );
});

test('a grant under the single-payment threshold is paid at once, at the first trigger', () => {
  const plan = { ...eightyTwenty, singlePaymentBelowCents: 1_000_000 };
  assert.deepEqual(
    planTranches(999_999, plan).map((t) => [t.percent, t.trigger, t.amountCents]),
    [[100, 'signature', 999_999]],
  );
  assert.deepEqual(amounts(1_000_000, plan), [800_000, 200_000], 'at the threshold: the plan applies');
});

test('no plan: one payment at signature; a date term carries its day; interim tranches count their report', () => {
  assert.deepEqual(planTranches(5_000_000, { terms: [], singlePaymentBelowCents: null }), [
    { number: 1, percent: 100, trigger: 'signature', occurrence: 1, dueOn: null, amountCents: 5_000_000 },
  ]);
  const plan: PaymentPlan = {
    terms: [
      { percent: 40, trigger: 'signature' },
      { percent: 20, trigger: 'interim-report' },
      { percent: 20, trigger: 'date', dueOn: '2027-07-01' },
      { percent: 10, trigger: 'interim-report' },
      { percent: 10, trigger: 'final-report' },
    ],
    singlePaymentBelowCents: null,
  };
  assert.deepEqual(
    planTranches(1_000_000, plan).map((t) => [t.trigger, t.occurrence, t.dueOn, t.amountCents]),
    [
      ['signature', 1, null, 400_000],
      ['interim-report', 1, null, 200_000],
      ['date', 1, '2027-07-01', 200_000],
      ['interim-report', 2, null, 100_000],
      ['final-report', 1, null, 100_000],
    ],
  );
});

test('a plan that does not pay exactly the grant is refused', () => {
  assert.throws(
    () => planTranches(100, { terms: [{ percent: 80, trigger: 'signature' }], singlePaymentBelowCents: null }),
    RangeError,
  );
  assert.throws(() => planTranches(0, eightyTwenty), RangeError);
});

test('an amendment: what is released keeps its amount, the planned tranches share the new remainder', () => {
  const tranches = [tranche('paid', 80, 4_552_320), tranche('planned', 20, 1_138_080)];
  assert.deepEqual(rebalanceTranches(tranches, 6_000_000), {
    amountsCents: [4_552_320, 1_447_680],
    overCommittedCents: 0,
    unallocatedCents: 0,
  });
  // Two planned tranches in proportion 20:10; a cancelled one counts for nothing.
  const three = [
    tranche('approved', 70, 700_000),
    tranche('cancelled', 0, 50_000),
    tranche('planned', 20, 200_000),
    tranche('planned', 10, 100_000),
  ];
  assert.deepEqual(rebalanceTranches(three, 900_001).amountsCents, [700_000, 50_000, 133_334, 66_667]);
});

test('a settlement below what was paid: the planned tranches fall to 0 and the excess is reported', () => {
  const tranches = [tranche('paid', 80, 800_000), tranche('planned', 20, 200_000)];
  assert.deepEqual(rebalanceTranches(tranches, 700_000), {
    amountsCents: [800_000, 0],
    overCommittedCents: 100_000,
    unallocatedCents: 0,
  });
  assert.deepEqual(rebalanceTranches([tranche('paid', 100, 800_000)], 900_000), {
    amountsCents: [800_000],
    overCommittedCents: 0,
    unallocatedCents: 100_000,
  });
});
