import { test } from 'node:test';
import assert from 'node:assert/strict';
import { budgetFigures, latestPerGrant, reachOf, type GrantForImpact, type ReportForImpact } from './aggregate.ts';
import { coverageOf } from './referencePopulation.ts';

const grant = (status: GrantForImpact['status'], offeredCents: number, paid: number[] = []): GrantForImpact => ({
  id: `${status}-${offeredCents}`,
  status,
  offeredCents,
  tranches: [
    ...paid.map((amountCents) => ({ status: 'paid' as const, amountCents })),
    { status: 'planned' as const, amountCents: 1 },
  ],
});

test('granted leaves out declined grants, committed counts binding agreements only, paid the paid tranches', () => {
  const f = budgetFigures(
    [
      grant('offered', 100_00),
      grant('agreement-sent', 200_00),
      grant('declined', 400_00),
      grant('countersigned', 800_00),
      grant('active', 1600_00, [1000_00, 300_00]),
      grant('closed', 3200_00, [3200_00]),
    ],
    10_000_00,
  );
  assert.equal(f.grantedCents, 100_00 + 200_00 + 800_00 + 1600_00 + 3200_00);
  assert.equal(f.committedCents, 800_00 + 1600_00 + 3200_00);
  assert.equal(f.paidCents, 1300_00 + 3200_00);
  assert.equal(f.grants, 6);
  assert.deepEqual(f.byStatus, {
    offered: 1,
    'agreement-sent': 1,
    declined: 1,
    countersigned: 1,
    active: 1,
    closed: 1,
  });
});

const report = (grantId: string, day: number, values: ReportForImpact['values']): ReportForImpact => ({
  grantId,
  approvedAt: new Date(Date.UTC(2026, 0, day)),
  values,
});

test("a grant's latest approved report is its reach: an interim and a final report are not added", () => {
  const reports = [
    report('g1', 1, { participants: 10 }),
    report('g1', 20, { participants: 25 }),
    report('g2', 5, { participants: 7 }),
  ];
  assert.deepEqual(
    latestPerGrant(reports)
      .map((r) => r.values['participants'])
      .sort(),
    [25, 7],
  );
  assert.equal(reachOf(reports).participants, 32);
  assert.equal(reachOf(reports).reporting, 2);
});

test('breakdowns, counts and DigComp areas are summed across grants; what is not a count is ignored', () => {
  const reach = reachOf([
    report('g1', 1, {
      participants: 30,
      'participants-by-commune': { '21001': 20, 'outside-brussels': 10 },
      'participants-by-age': { '16-24': 10, '25-54': 15, '75-plus': 5 },
      sessions: 12,
      'support-hours': 40,
      'digcomp-areas': ['1', '4', '4'],
      narrative: 'text',
    }),
    report('g2', 1, {
      participants: 12,
      'participants-by-commune': { '21001': 12, bogus: -3 },
      'participants-by-age': { '55-74': 12 },
      sessions: 'twelve',
      'digcomp-areas': ['4'],
    }),
  ]);
  assert.equal(reach.participants, 42);
  assert.deepEqual(reach.breakdowns['participants-by-commune'], { '21001': 32, 'outside-brussels': 10, bogus: 0 });
  assert.equal(reach.sessions, 12);
  assert.equal(reach.supportHours, 40);
  assert.deepEqual(reach.digcompGrants, { '1': 1, '4': 2 });
  const coverage = coverageOf(reach);
  assert.equal(coverage.people, 37);
  assert.equal(coverage.of, 300_000);
  assert.ok(Math.abs(coverage.share - 37 / 300_000) < 1e-12);
});
