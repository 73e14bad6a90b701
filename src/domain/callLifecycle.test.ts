import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPublic, publishProblems } from './callLifecycle.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
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
