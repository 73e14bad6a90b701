import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applicationWindow, closedEarly, effectiveClosing, type WindowCall } from './applicationWindow.ts';

const now = new Date('2026-11-10T10:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(now.getTime() + days * DAY);
const call = (over: Partial<WindowCall>): WindowCall => ({
  status: 'published',
  opensAt: at(-10),
  closesAt: at(10),
  closedAt: null,
  ...over,
});

test('a call is open, not yet open, closed or decided for applicants, from its status and its instants', () => {
  assert.equal(applicationWindow(call({}), now), 'open');
  assert.equal(applicationWindow(call({ opensAt: at(1) }), now), 'not-yet-open');
  assert.equal(applicationWindow(call({ status: 'draft' }), now), 'not-yet-open');
  assert.equal(applicationWindow(call({ closesAt: at(-1) }), now), 'closed', 'past its deadline, not yet moved on');
  assert.equal(applicationWindow(call({ status: 'closed', closedAt: at(-2) }), now), 'closed');
  for (const status of ['screening', 'evaluation', 'deliberation'] as const)
    assert.equal(applicationWindow(call({ status }), now), 'closed', status);
  for (const status of ['decided', 'results-published', 'follow-up', 'archived'] as const)
    assert.equal(applicationWindow(call({ status }), now), 'decided', status);
});

test('the closing shown is the early closing when an officer closed the call before its deadline', () => {
  assert.equal(closedEarly(call({ status: 'closed', closedAt: at(-2) })), true);
  assert.equal(effectiveClosing(call({ status: 'closed', closedAt: at(-2) }))?.getTime(), at(-2).getTime());
  assert.equal(closedEarly(call({ status: 'closed', closesAt: at(-1), closedAt: at(-1) })), false, 'at its deadline');
  assert.equal(effectiveClosing(call({}))?.getTime(), at(10).getTime(), 'still open: its deadline');
  assert.equal(effectiveClosing(call({ closesAt: null })), null);
});
