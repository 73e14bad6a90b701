import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetFigures, reachOf, type GrantTotals } from './aggregate.ts';
import { coverageOf } from './referencePopulation.ts';

const totals = (status: GrantTotals['status'], grants: number, offeredCents: number, paidCents = 0): GrantTotals => ({
  status,
  grants,
  offeredCents,
  paidCents,
});

test('granted leaves out declined grants, committed counts binding agreements only, paid the paid tranches', () => {
  const f = budgetFigures(
    [
      totals('offered', 1, 100_00),
      totals('agreement-sent', 2, 200_00),
      totals('declined', 1, 400_00),
      totals('countersigned', 1, 800_00),
      totals('active', 1, 1600_00, 1300_00),
      // A second call's grants in a state already seen are added to it.
      totals('active', 2, 3200_00, 3200_00),
    ],
    10_000_00,
  );
  assert.equal(f.grantedCents, 100_00 + 200_00 + 800_00 + 1600_00 + 3200_00);
  assert.equal(f.committedCents, 800_00 + 1600_00 + 3200_00);
  assert.equal(f.paidCents, 1300_00 + 3200_00);
  assert.equal(f.grants, 8);
  assert.deepEqual(f.byStatus, { offered: 1, 'agreement-sent': 2, declined: 1, countersigned: 1, active: 3 });
});

test('the sums the database gives make the reach; what no report gave is 0, and unknown indicators are ignored', () => {
  const reach = reachOf([
    { indicator: 'reporting', key: '', n: 2 },
    { indicator: 'participants', key: '', n: 42 },
    { indicator: 'support-hours', key: '', n: 40 },
    { indicator: 'participants-by-commune', key: '21001', n: 32 },
    { indicator: 'participants-by-commune', key: 'outside-brussels', n: 10 },
    { indicator: 'participants-by-age', key: '16-24', n: 10 },
    { indicator: 'participants-by-age', key: '55-74', n: 27 },
    { indicator: 'digcomp-areas', key: '4', n: 2 },
    { indicator: 'narrative', key: '', n: 0 },
    { indicator: 'constructor', key: 'name', n: 3 },
  ]);
  assert.equal(reach.reporting, 2);
  assert.equal(reach.participants, 42);
  assert.equal(reach.supportHours, 40);
  assert.equal(reach.sessions, 0);
  assert.deepEqual(reach.breakdowns['participants-by-commune'], { '21001': 32, 'outside-brussels': 10 });
  assert.deepEqual(reach.breakdowns['participants-by-gender'], {});
  assert.deepEqual(reach.digcompGrants, { '4': 2 });
  assert.ok(!('narrative' in reach));
  assert.equal(Object.name, 'Object', "an indicator named like an object's property changes nothing");
  const coverage = coverageOf(reach);
  assert.equal(coverage.people, 37);
  assert.equal(coverage.of, 300_000);
  assert.ok(Math.abs(coverage.share - 37 / 300_000) < 1e-12);
});
