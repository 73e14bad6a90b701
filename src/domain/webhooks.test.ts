import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from './access.ts';
import {
  afterFailure,
  eventOfAction,
  isDelivered,
  PAUSE_AFTER_FAILURES,
  RETRY_SCHEDULE_SECONDS,
  webhookAbilities,
  WEBHOOK_EVENTS,
} from './webhooks.ts';

const NOW = new Date('2026-12-05T10:00:00Z');

test('audit actions become events; others are heard by no endpoint', () => {
  assert.equal(eventOfAction('application.submitted'), 'application.submitted');
  assert.equal(eventOfAction('application.resubmitted'), 'application.submitted');
  assert.equal(eventOfAction('call.decided'), 'decision.taken');
  assert.equal(eventOfAction('call.results-published'), 'results.published');
  assert.equal(eventOfAction('call.close-at-deadline'), 'call.closed');
  assert.equal(eventOfAction('report.resubmitted'), 'report.submitted');
  assert.equal(eventOfAction('report.returned'), 'report.decided');
  for (const action of ['application.saved', 'session.opened', 'api-token.used', 'jury.assigned', 'report.saved'])
    assert.equal(eventOfAction(action), null, action);
  const actions = Object.values(WEBHOOK_EVENTS).flat();
  assert.equal(new Set(actions).size, actions.length, 'an action means one event');
});

test('who manages a funder’s endpoints: its administrators and the installation’s, nobody else', () => {
  const as = (grants: Actor['grants'], isPlatformAdmin = false): Actor => ({ userId: 'u', isPlatformAdmin, grants });
  const funder = { id: 'f' };
  assert.equal(webhookAbilities(as([{ funderId: 'f', role: 'administrator' }]), funder).manage, true);
  assert.equal(webhookAbilities(as([], true), funder).manage, true);
  for (const actor of [as([{ funderId: 'f', role: 'officer' }]), as([{ funderId: 'g', role: 'administrator' }]), null])
    assert.equal(webhookAbilities(actor, funder).see, false);
});

test('retries follow the schedule, then give up; the endpoint pauses at the limit, once', () => {
  const first = afterFailure({ attempts: 1, consecutiveFailures: 0, now: NOW });
  assert.deepEqual(first, {
    status: 'pending',
    nextAttemptAt: new Date(NOW.getTime() + 5000),
    consecutiveFailures: 1,
    pause: false,
  });
  assert.equal(
    afterFailure({ attempts: 2, consecutiveFailures: 1, now: NOW }).nextAttemptAt!.getTime() - NOW.getTime(),
    300_000,
  );
  const last = afterFailure({ attempts: RETRY_SCHEDULE_SECONDS.length, consecutiveFailures: 3, now: NOW });
  assert.equal(last.status, 'failed');
  assert.equal(last.nextAttemptAt, null);
  assert.equal(afterFailure({ attempts: 3, consecutiveFailures: PAUSE_AFTER_FAILURES - 1, now: NOW }).pause, true);
  assert.equal(afterFailure({ attempts: 3, consecutiveFailures: PAUSE_AFTER_FAILURES, now: NOW }).pause, false);
  assert.equal(afterFailure({ attempts: 1, consecutiveFailures: 1, now: NOW, pauseAfter: 2 }).pause, true);
});

test('only a 2xx is a delivery', () => {
  assert.deepEqual([200, 204, 299, 301, 400, 410, 500].map(isDelivered), [
    true,
    true,
    true,
    false,
    false,
    false,
    false,
  ]);
});
