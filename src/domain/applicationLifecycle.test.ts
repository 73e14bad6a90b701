import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLICANT_EDITABLE,
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  APPLICATION_TRANSITIONS,
  availableEvents,
  can,
  transition,
  type ApplicationStatus,
  type TransitionContext,
} from './applicationLifecycle.ts';

const opensAt = new Date('2026-11-01T00:00:00Z');
const closesAt = new Date('2027-01-15T11:00:00Z'); // 12:00 in Brussels
const open: TransitionContext = { now: new Date('2026-12-01T10:00:00Z'), call: { opensAt, closesAt } };
const at = (iso: string, extra: Partial<TransitionContext> = {}): TransitionContext => ({
  ...open,
  now: new Date(iso),
  ...extra,
});

test('a draft is submitted while the call is open, by the server clock', () => {
  assert.deepEqual(transition('draft', 'submit', open), { ok: true, value: 'submitted' });
  assert.deepEqual(transition('draft', 'submit', at('2027-01-15T10:59:59.999Z')), { ok: true, value: 'submitted' });
});

test('a submission at the deadline instant or after is refused as late', () => {
  assert.deepEqual(transition('draft', 'submit', at('2027-01-15T11:00:00Z')), { ok: false, error: 'call-closed' });
  assert.deepEqual(transition('draft', 'submit', at('2027-02-01T00:00:00Z')), { ok: false, error: 'call-closed' });
});

test('a submission before the call opens is refused; a call with no opening date is open at once', () => {
  assert.deepEqual(transition('draft', 'submit', at('2026-10-31T23:59:59Z')), { ok: false, error: 'call-not-open' });
  assert.ok(can('draft', 'submit', at('2026-11-01T00:00:00Z')));
  assert.ok(can('draft', 'submit', { now: new Date('2026-01-01T00:00:00Z'), call: { opensAt: null, closesAt } }));
});

test('a returned application is resubmitted by its own due instant, even after the call closed', () => {
  const due = new Date('2027-02-10T11:00:00Z');
  assert.deepEqual(transition('returned', 'submit', at('2027-02-01T00:00:00Z', { returnDueAt: due })), {
    ok: true,
    value: 'submitted',
  });
  assert.deepEqual(transition('returned', 'submit', at('2027-02-10T11:00:00Z', { returnDueAt: due })), {
    ok: false,
    error: 'return-overdue',
  });
  assert.ok(can('returned', 'submit', at('2027-06-01T00:00:00Z', { returnDueAt: null })), 'no due instant: no limit');
});

test('an event that does not apply is an invalid transition, whatever the clock says', () => {
  assert.deepEqual(transition('submitted', 'submit', open), { ok: false, error: 'invalid-transition' });
  assert.deepEqual(transition('selected', 'submit', at('2030-01-01T00:00:00Z')), {
    ok: false,
    error: 'invalid-transition',
  });
  assert.deepEqual(transition('draft', 'select', open), { ok: false, error: 'invalid-transition' });
  assert.deepEqual(transition('eligible', 'score', open), { ok: false, error: 'invalid-transition' });
});

test('the path of a selected application', () => {
  const path: [Parameters<typeof transition>[1], ApplicationStatus][] = [
    ['submit', 'submitted'],
    ['declare-eligible', 'eligible'],
    ['start-review', 'under-review'],
    ['score', 'scored'],
    ['reserve', 'reserve'],
    ['select', 'selected'],
  ];
  let status: ApplicationStatus = 'draft';
  for (const [event, expected] of path) {
    const r = transition(status, event, open);
    assert.ok(r.ok, `${status} --${event}-->`);
    status = r.value;
    assert.equal(status, expected);
  }
});

test('screening: return for completion, ineligible and reopened', () => {
  assert.deepEqual(transition('submitted', 'return-for-completion', open), { ok: true, value: 'returned' });
  assert.deepEqual(transition('submitted', 'declare-ineligible', open), { ok: true, value: 'ineligible' });
  assert.deepEqual(transition('ineligible', 'reopen-eligibility', open), { ok: true, value: 'submitted' });
  assert.ok(!can('eligible', 'reopen-eligibility', open));
  assert.deepEqual(transition('scored', 'reject', open), { ok: true, value: 'rejected' });
  assert.deepEqual(transition('reserve', 'reject', open), { ok: true, value: 'rejected' });
});

test('withdrawal is possible at any point before a decision, never after', () => {
  const allowed: ApplicationStatus[] = [
    'draft',
    'submitted',
    'returned',
    'eligible',
    'under-review',
    'scored',
    'reserve',
  ];
  for (const s of APPLICATION_STATUSES) {
    assert.equal(can(s, 'withdraw', at('2030-01-01T00:00:00Z')), allowed.includes(s), s);
  }
});

test('final statuses have no way out; a selected one only by giving the grant up', () => {
  for (const s of ['rejected', 'withdrawn'] as const) assert.deepEqual(availableEvents(s, open), []);
  assert.deepEqual(availableEvents('selected', open), ['renounce']);
  assert.deepEqual(availableEvents('draft', open), ['submit', 'withdraw']);
  assert.deepEqual(availableEvents('draft', at('2027-02-01T00:00:00Z')), ['withdraw']);
});

test('the table is consistent: known statuses and events, one rule per (event, status)', () => {
  const seen = new Set<string>();
  for (const rule of APPLICATION_TRANSITIONS) {
    assert.ok(APPLICATION_EVENTS.includes(rule.event));
    assert.ok(APPLICATION_STATUSES.includes(rule.to));
    for (const from of rule.from) {
      assert.ok(APPLICATION_STATUSES.includes(from));
      const key = `${rule.event}/${from}`;
      assert.ok(!seen.has(key), key);
      seen.add(key);
    }
  }
  // Every status but the starting one can be reached.
  const reached = new Set(APPLICATION_TRANSITIONS.map((r) => r.to));
  for (const s of APPLICATION_STATUSES) if (s !== 'draft') assert.ok(reached.has(s), s);
});

test('the applicant edits only drafts and returned applications', () => {
  assert.deepEqual([...APPLICANT_EDITABLE], ['draft', 'returned']);
});

test('after the decision, only a selected applicant gives its grant up (recorded by the officer), and a reserve one may take the place', () => {
  for (const s of APPLICATION_STATUSES) assert.equal(can(s, 'renounce', open), s === 'selected', s);
  assert.deepEqual(transition('selected', 'renounce', open), { ok: true, value: 'withdrawn' });
  assert.deepEqual(transition('reserve', 'select', open), { ok: true, value: 'selected' });
});
