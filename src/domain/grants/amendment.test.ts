import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amendedTerms, budgetIn, isAmendment, isAmendmentKind, type AgreementTerms } from './amendment.ts';

const terms: AgreementTerms = {
  amountCents: 5_690_400,
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  budget: {
    lines: [
      { label: 'Staff', amountCents: 4_000_000 },
      { label: 'Laptops', amountCents: 1_500_000 },
      { label: 'Rent', amountCents: 190_400 },
    ],
    totalCents: 5_690_400,
  },
};

test('an extension moves the end later, and only the end', () => {
  const done = amendedTerms(terms, { kind: 'extension', periodEnd: '2027-06-30' });
  assert.deepEqual(done, { ok: true, value: { ...terms, periodEnd: '2027-06-30' } });
  for (const periodEnd of ['2026-12-31', '2026-06-30'])
    assert.deepEqual(amendedTerms(terms, { kind: 'extension', periodEnd }), {
      ok: false,
      problems: ['period-not-later'],
    });
});

test('a budget revision moves money between lines and keeps the total to the cent', () => {
  const done = amendedTerms(terms, { kind: 'budget-revision', lineAmounts: [3_500_000, 2_000_000, 190_400] });
  assert.ok(done.ok);
  assert.deepEqual(
    done.value.budget?.lines.map((l) => [l.label, l.amountCents]),
    [
      ['Staff', 3_500_000],
      ['Laptops', 2_000_000],
      ['Rent', 190_400],
    ],
  );
  assert.equal(done.value.amountCents, terms.amountCents, 'without cost');
  assert.equal(done.value.periodEnd, terms.periodEnd);
});

test('a budget revision is refused when it changes the total, moves nothing or is malformed', () => {
  const revise = (lineAmounts: number[], t = terms) => amendedTerms(t, { kind: 'budget-revision', lineAmounts });
  assert.deepEqual(revise([3_500_000, 2_000_000, 190_401]), { ok: false, problems: ['budget-total'] });
  assert.deepEqual(revise([4_000_000, 1_500_000, 190_400]), { ok: false, problems: ['budget-unchanged'] });
  assert.deepEqual(revise([5_690_400, 0]), { ok: false, problems: ['budget-lines'] });
  assert.deepEqual(revise([5_690_401, -1, 0]), { ok: false, problems: ['budget-lines'] });
  assert.deepEqual(revise([5_690_400.5, 0, -0.5]), { ok: false, problems: ['budget-lines'] });
  assert.deepEqual(revise([1, 2, 3], { ...terms, budget: null }), { ok: false, problems: ['no-budget'] });
});

test('versions above 1 are amendments; the two kinds are known by name', () => {
  assert.equal(isAmendment({ number: 1 }), false);
  assert.equal(isAmendment({ number: 2 }), true);
  assert.ok(isAmendmentKind('extension') && isAmendmentKind('budget-revision'));
  assert.ok(!isAmendmentKind('increase') && !isAmendmentKind(undefined));
});

test('the budget an agreement binds is the application’s budget answer, labels and amounts only', () => {
  const budget = {
    lines: [{ category: 'staff' as const, label: 'Staff', amountCents: 100 }],
    totalCents: 100,
    requestedCents: 100,
    otherFunding: [],
    otherFundingCents: 0,
  };
  assert.deepEqual(budgetIn({ title: 'x', budget }), {
    lines: [{ label: 'Staff', amountCents: 100 }],
    totalCents: 100,
  });
  assert.equal(budgetIn({ title: 'x', hours: 3 }), null);
  assert.equal(budgetIn(undefined), null);
});
