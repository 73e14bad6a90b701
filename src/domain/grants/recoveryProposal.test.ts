import { test } from 'node:test';
import assert from 'node:assert/strict';
import { proposeRecovery, type RecoveryInput } from './recoveryProposal.ts';

// A budget of 60,000 euros in three lines, fully funded by a grant of 60,000, 80 % paid.
const budget = {
  lines: [
    { category: 'staff' as const, label: 'Formateurs', amountCents: 4_000_000 },
    { category: 'equipment' as const, label: 'Ordinateurs portables', amountCents: 1_500_000 },
    { category: 'operating' as const, label: 'Locaux', amountCents: 500_000 },
  ],
  totalCents: 6_000_000,
};
const input = (extra: Partial<RecoveryInput>): RecoveryInput => ({
  budget,
  grantCents: 6_000_000,
  paidCents: 4_800_000,
  expenses: [],
  tolerancePercent: 0,
  ...extra,
});

test('fully justified: nothing to recover, the balance is due', () => {
  const p = proposeRecovery(
    input({
      expenses: [
        { line: 0, amountCents: 4_000_000 },
        { line: 1, amountCents: 1_500_000 },
        { line: 2, amountCents: 500_000 },
      ],
    }),
  );
  assert.equal(p.entitledCents, 6_000_000);
  assert.equal(p.recoveryCents, 0);
  assert.equal(p.balanceDueCents, 1_200_000);
});

test('without tolerance, overspending one line does not make up for another', () => {
  // Staff 35,000 (5,000 under), laptops 20,000 (5,000 over), premises 5,000.
  const p = proposeRecovery(
    input({
      expenses: [
        { line: 0, amountCents: 3_500_000 },
        { line: 1, amountCents: 2_000_000 },
        { line: 2, amountCents: 500_000 },
      ],
    }),
  );
  assert.deepEqual(
    p.lines.map((l) => [l.acceptedCents, l.overspentCents, l.underspentCents]),
    [
      [3_500_000, 0, 500_000],
      [1_500_000, 500_000, 0],
      [500_000, 0, 0],
    ],
  );
  assert.equal(p.acceptedCents, 5_500_000);
  assert.equal(p.unjustifiedCents, 500_000);
  assert.equal(p.recoveryCents, 0, '48,000 paid, 55,000 entitled');
  assert.equal(p.balanceDueCents, 700_000);
});

test('a tolerance between lines lets a line absorb savings, up to its percentage', () => {
  const expenses = [
    { line: 0, amountCents: 3_500_000 },
    { line: 1, amountCents: 2_000_000 },
    { line: 2, amountCents: 500_000 },
  ];
  // 10 % of 15,000 = 1,500 more on laptops: 16,500 accepted of 20,000.
  const ten = proposeRecovery(input({ expenses, tolerancePercent: 10 }));
  assert.equal(ten.lines[1]!.acceptedCents, 1_650_000);
  assert.equal(ten.entitledCents, 5_650_000);
  // 50 %: the whole 5,000 over is absorbed, but never beyond the budget's total.
  const fifty = proposeRecovery(input({ expenses, tolerancePercent: 50 }));
  assert.equal(fifty.entitledCents, 6_000_000);
  const overAll = proposeRecovery(
    input({
      tolerancePercent: 50,
      expenses: [
        { line: 0, amountCents: 4_000_000 },
        { line: 1, amountCents: 2_000_000 },
        { line: 2, amountCents: 500_000 },
      ],
    }),
  );
  assert.equal(overAll.acceptedCents, 6_000_000, 'the tolerance moves money, it does not enlarge the project');
});

test('what was paid and not justified is proposed as recovery; the balance falls to 0', () => {
  const p = proposeRecovery(input({ expenses: [{ line: 0, amountCents: 4_000_000 }] }));
  assert.equal(p.entitledCents, 4_000_000);
  assert.equal(p.unjustifiedCents, 2_000_000);
  assert.equal(p.recoveryCents, 800_000);
  assert.equal(p.balanceDueCents, 0);
});

test('with co-funding the grant pays its share of the accepted costs, rounded down', () => {
  // The grant covers 45,000 of a 60,000 project (75 %); 50,000.01 accepted → 37,500.0075 → 37,500.00.
  const p = proposeRecovery(
    input({
      grantCents: 4_500_000,
      paidCents: 3_600_000,
      expenses: [
        { line: 0, amountCents: 4_000_000 },
        { line: 1, amountCents: 1_000_001 },
      ],
    }),
  );
  assert.equal(p.acceptedCents, 5_000_001);
  assert.equal(p.entitledCents, 3_750_000);
  assert.equal(p.recoveryCents, 0);
  assert.equal(p.balanceDueCents, 150_000);
});

test('expenses on a line the budget lacks are not accepted; a broken budget or tolerance is refused', () => {
  const p = proposeRecovery(
    input({
      expenses: [
        { line: 7, amountCents: 1_000 },
        { line: -1, amountCents: 5 },
      ],
    }),
  );
  assert.equal(p.unbudgetedCents, 1_005);
  assert.equal(p.acceptedCents, 0);
  assert.equal(p.recoveryCents, 4_800_000);
  assert.throws(() => proposeRecovery(input({ budget: { lines: [], totalCents: 0 } })), RangeError);
  assert.throws(() => proposeRecovery(input({ tolerancePercent: 12.5 })), RangeError);
});
