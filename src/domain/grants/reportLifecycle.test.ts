import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  REPORT_STATUSES,
  isOverdue,
  reportLifecycle,
  type ReportContext,
  type ReportStatus,
} from './reportLifecycle.ts';

const { transition, can, availableEvents } = reportLifecycle;
const opensAt = new Date('2027-05-31T22:00:00Z');
const dueAt = new Date('2027-07-01T22:00:00Z');
const ctx = (extra: Partial<ReportContext> = {}): ReportContext => ({
  now: new Date('2027-06-15T08:00:00Z'),
  report: { opensAt },
  consistent: true,
  ...extra,
});

test('the path of a report: opened, drafted, submitted, returned, submitted again, approved', () => {
  let status: ReportStatus = 'not-due';
  for (const [event, to] of [
    ['open', 'due'],
    ['start', 'draft'],
    ['submit', 'submitted'],
    ['return', 'returned'],
    ['submit', 'submitted'],
    ['approve', 'approved'],
  ] as const) {
    assert.deepEqual(transition(status, event, ctx()), { ok: true, value: to }, `${status} --${event}-->`);
    status = to;
  }
  assert.deepEqual(availableEvents('approved', ctx()), []);
});

test('a report opens at its opening instant, not before', () => {
  assert.deepEqual(transition('not-due', 'open', ctx({ now: new Date('2027-05-31T21:59:59Z') })), {
    ok: false,
    error: 'not-open-yet',
  });
  assert.ok(can('not-due', 'open', ctx({ now: opensAt })));
});

test('inconsistent indicators are not submitted; a late report is', () => {
  assert.deepEqual(transition('draft', 'submit', ctx({ consistent: false })), {
    ok: false,
    error: 'indicators-inconsistent',
  });
  assert.ok(can('draft', 'submit', ctx({ now: new Date('2028-01-01T00:00:00Z') })));
});

test('an officer skips a report not yet handed in, and may reinstate it', () => {
  const skippable: ReportStatus[] = ['not-due', 'due', 'draft', 'returned'];
  for (const s of REPORT_STATUSES) assert.equal(can(s, 'skip', ctx()), skippable.includes(s), s);
  assert.deepEqual(availableEvents('skipped', ctx()), ['reinstate']);
});

test('overdue: not handed in by the end of its due day; a returned one by the instant set for it', () => {
  const report = (status: ReportStatus, returnDueAt: Date | null = null) => ({ status, dueAt, returnDueAt });
  const justBefore = new Date(dueAt.getTime() - 1);
  for (const s of ['not-due', 'due', 'draft'] as const) {
    assert.ok(!isOverdue(report(s), justBefore), s);
    assert.ok(isOverdue(report(s), dueAt), s);
  }
  for (const s of ['submitted', 'approved', 'skipped'] as const)
    assert.ok(!isOverdue(report(s), new Date('2030-01-01')));
  const later = new Date('2027-07-20T22:00:00Z');
  assert.ok(!isOverdue(report('returned'), later), 'returned without a limit');
  assert.ok(!isOverdue(report('returned', later), new Date('2027-07-20T21:59:59Z')));
  assert.ok(isOverdue(report('returned', later), later));
});
