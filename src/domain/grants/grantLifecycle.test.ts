import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GRANT_STATUSES,
  GRANTEE_EVENTS,
  grantLifecycle,
  type GrantContext,
  type GrantStatus,
} from './grantLifecycle.ts';

const { transition, can, availableEvents } = grantLifecycle;

const base: GrantContext = {
  now: new Date('2027-01-10T10:00:00Z'),
  agreement: null,
  acceptBy: null,
  periodStartsAt: new Date('2026-12-31T23:00:00Z'), // 1 January 2027 in Brussels
  finalReportApproved: false,
  outstanding: { toPayCents: 0, toRecoverCents: 0 },
};
const ctx = (extra: Partial<GrantContext>): GrantContext => ({ ...base, ...extra });

test('the whole path of a grant, each step with what its guard asks for', () => {
  const steps: [Parameters<typeof transition>[1], Partial<GrantContext>, GrantStatus][] = [
    ['send-agreement', { agreement: { status: 'draft', hasDocument: true } }, 'agreement-sent'],
    ['accept', { agreement: { status: 'sent', hasDocument: true } }, 'accepted'],
    ['countersign', { agreement: { status: 'accepted', hasDocument: true } }, 'countersigned'],
    ['activate', {}, 'active'],
    ['suspend', {}, 'suspended'],
    ['resume', {}, 'active'],
    ['approve-final-report', { finalReportApproved: true }, 'final-report-approved'],
    ['close', {}, 'closed'],
  ];
  let status: GrantStatus = 'offered';
  for (const [event, extra, expected] of steps) {
    const r = transition(status, event, ctx(extra));
    assert.deepEqual(r, { ok: true, value: expected }, `${status} --${event}-->`);
    status = expected;
  }
  assert.deepEqual(availableEvents('closed', base), []);
});

test('the agreement leaves as a generated document, and only a draft is sent', () => {
  assert.deepEqual(transition('offered', 'send-agreement', base), { ok: false, error: 'agreement-not-ready' });
  assert.deepEqual(
    transition('offered', 'send-agreement', ctx({ agreement: { status: 'draft', hasDocument: false } })),
    {
      ok: false,
      error: 'agreement-not-ready',
    },
  );
});

test('the grantee accepts the version that was sent, strictly before the offer lapses', () => {
  const sent = { agreement: { status: 'sent' as const, hasDocument: true } };
  const acceptBy = new Date('2027-01-15T11:00:00Z');
  assert.ok(can('agreement-sent', 'accept', ctx({ ...sent, acceptBy, now: new Date('2027-01-15T10:59:59Z') })));
  assert.deepEqual(transition('agreement-sent', 'accept', ctx({ ...sent, acceptBy, now: acceptBy })), {
    ok: false,
    error: 'offer-expired',
  });
  assert.deepEqual(transition('agreement-sent', 'accept', ctx({ agreement: { status: 'draft', hasDocument: true } })), {
    ok: false,
    error: 'agreement-not-sent',
  });
});

test('countersigning needs an accepted version; activation needs the period to have started', () => {
  assert.deepEqual(transition('accepted', 'countersign', ctx({ agreement: { status: 'sent', hasDocument: true } })), {
    ok: false,
    error: 'agreement-not-accepted',
  });
  assert.deepEqual(transition('countersigned', 'activate', ctx({ now: new Date('2026-12-31T22:59:59Z') })), {
    ok: false,
    error: 'period-not-started',
  });
});

test('the grantee declines before accepting, never after', () => {
  for (const s of GRANT_STATUSES) assert.equal(can(s, 'decline', base), s === 'offered' || s === 'agreement-sent', s);
  assert.deepEqual([...GRANTEE_EVENTS], ['accept', 'decline']);
});

test('a grant closes when nothing is left to pay or to recover', () => {
  const approved = ctx({ finalReportApproved: true });
  assert.deepEqual(transition('active', 'approve-final-report', base), {
    ok: false,
    error: 'final-report-not-approved',
  });
  assert.deepEqual(
    transition('final-report-approved', 'close', ctx({ outstanding: { toPayCents: 1, toRecoverCents: 0 } })),
    { ok: false, error: 'payments-outstanding' },
  );
  assert.deepEqual(
    transition('final-report-approved', 'close', ctx({ outstanding: { toPayCents: 0, toRecoverCents: 250_000 } })),
    { ok: false, error: 'recovery-outstanding' },
  );
  assert.ok(can('final-report-approved', 'close', approved));
});

test('recovery ends a running, suspended or finally reported grant, and nothing else', () => {
  const allowed: GrantStatus[] = ['active', 'final-report-approved', 'suspended'];
  for (const s of GRANT_STATUSES) assert.equal(can(s, 'recover', base), allowed.includes(s), s);
  for (const s of ['declined', 'recovered', 'closed'] as const) assert.deepEqual(availableEvents(s, base), []);
});

test('every status but the offer can be reached', () => {
  const reached = new Set(grantLifecycle.rules.map((r) => r.to));
  for (const s of GRANT_STATUSES) if (s !== 'offered') assert.ok(reached.has(s), s);
});
