import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  acceptsApplications,
  CALL_EVENTS,
  CALL_STATUSES,
  canTransitionCall,
  editability,
  isPublic,
  publishProblems,
  resultsArePublic,
  transitionCall,
} from './callLifecycle.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const BEFORE = { now: NOW, closesAt: new Date('2027-01-15T11:00:00Z') };
const AFTER = { now: NOW, closesAt: new Date('2026-11-23T11:00:00Z') };

test('the table: each event from the states it names, to its state', () => {
  assert.deepEqual(transitionCall('draft', 'publish', BEFORE), { ok: true, value: 'published' });
  assert.deepEqual(transitionCall('published', 'close-early', BEFORE), { ok: true, value: 'closed' });
  assert.deepEqual(transitionCall('published', 'close-at-deadline', AFTER), { ok: true, value: 'closed' });
  assert.deepEqual(transitionCall('closed', 'start-screening', AFTER), { ok: true, value: 'screening' });
  assert.deepEqual(transitionCall('screening', 'start-evaluation', AFTER), { ok: true, value: 'evaluation' });
  assert.deepEqual(transitionCall('evaluation', 'start-deliberation', AFTER), { ok: true, value: 'deliberation' });
  assert.deepEqual(transitionCall('deliberation', 'decide', AFTER), { ok: true, value: 'decided' });
  assert.deepEqual(transitionCall('decided', 'publish-results', AFTER), { ok: true, value: 'results-published' });
  assert.deepEqual(transitionCall('results-published', 'start-follow-up', AFTER), { ok: true, value: 'follow-up' });
  assert.deepEqual(transitionCall('follow-up', 'archive', AFTER), { ok: true, value: 'archived' });
});

test('no going back, no skipping the decision, no deciding an open call', () => {
  for (const status of CALL_STATUSES) {
    for (const event of CALL_EVENTS) {
      const moved = transitionCall(status, event, AFTER);
      if (!moved.ok) continue;
      assert.ok(
        CALL_STATUSES.indexOf(moved.value) > CALL_STATUSES.indexOf(status),
        `${status} --${event}--> ${moved.value} goes forward`,
      );
    }
  }
  assert.equal(canTransitionCall('published', 'decide', AFTER), false, 'an open call is closed first');
  assert.equal(canTransitionCall('screening', 'publish-results', AFTER), false);
  assert.equal(canTransitionCall('screening', 'start-screening', AFTER), false, 'already there');
});

test('the deadline decides who closes: the officer before it, the clock after it', () => {
  assert.deepEqual(transitionCall('published', 'close-early', AFTER), { ok: false, error: 'deadline-passed' });
  assert.deepEqual(transitionCall('published', 'close-at-deadline', BEFORE), {
    ok: false,
    error: 'deadline-not-passed',
  });
});

test('what may change in each state', () => {
  assert.equal(editability('draft', 'budget'), 'free');
  assert.equal(editability('published', 'budget'), 'correction');
  assert.equal(editability('deliberation', 'criteria'), 'correction');
  assert.equal(editability('decided', 'budget'), 'locked');
  assert.equal(editability('decided', 'criteria'), 'locked');
  assert.equal(editability('decided', 'form'), 'locked');
  assert.equal(editability('results-published', 'texts'), 'correction');
  assert.equal(editability('evaluation', 'jury'), 'free');
  assert.equal(editability('decided', 'jury'), 'locked');
  assert.equal(editability('archived', 'texts'), 'locked');
});

test('one rule for "this call takes applications": published, opened, before its deadline instant', () => {
  const call = {
    status: 'published' as const,
    opensAt: new Date('2026-11-01T00:00:00Z'),
    closesAt: new Date('2026-11-23T12:00:00Z'),
  };
  assert.equal(acceptsApplications(call, new Date('2026-11-23T11:59:59Z')), true);
  assert.equal(acceptsApplications(call, new Date('2026-11-23T12:00:00Z')), false, 'the deadline instant is too late');
  assert.equal(acceptsApplications(call, new Date('2026-10-31T23:59:59Z')), false, 'not opened yet');
  assert.equal(
    acceptsApplications({ ...call, status: 'closed' }, new Date('2026-11-20T00:00:00Z')),
    false,
    'closed early',
  );
});

test('drafts are not public; results are public from their publication on', () => {
  assert.equal(isPublic('draft'), false);
  assert.equal(isPublic('published'), true);
  assert.equal(resultsArePublic('decided'), false);
  assert.equal(resultsArePublic('follow-up'), true);
});
const ready = {
  status: 'draft' as const,
  titleFr: 'Former les Bruxellois au numérique',
  budgetCents: 60_000_000,
  grantMinCents: 3_000_000,
  grantMaxCents: 6_000_000,
  opensAt: new Date('2026-11-01T00:00:00Z'),
  closesAt: new Date('2027-01-15T11:00:00Z'),
};

test('a complete draft may be published', () => {
  assert.deepEqual(publishProblems(ready, NOW), []);
});

test('publishing is refused with every reason at once', () => {
  assert.deepEqual(
    publishProblems({ ...ready, status: 'published', titleFr: ' ', budgetCents: 0, closesAt: null }, NOW),
    ['not-draft', 'no-title', 'no-budget', 'no-deadline', 'grant-range'],
  );
  assert.deepEqual(publishProblems({ ...ready, closesAt: NOW }, NOW), ['deadline-past']);
  assert.deepEqual(publishProblems({ ...ready, opensAt: new Date('2027-02-01T00:00:00Z') }, NOW), [
    'opens-after-deadline',
  ]);
  assert.deepEqual(publishProblems({ ...ready, grantMinCents: 7_000_000 }, NOW), ['grant-range']);
  assert.deepEqual(publishProblems({ ...ready, grantMaxCents: 70_000_000 }, NOW), ['grant-range']);
});

test('drafts are never public', () => {
  assert.equal(isPublic('draft'), false);
  assert.equal(isPublic('published'), true);
  assert.equal(isPublic('results-published'), true);
});
