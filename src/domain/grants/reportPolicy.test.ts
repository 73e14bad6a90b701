import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abilitiesFrom } from '../policy.ts';
import { REPORT_POLICY } from './reportPolicy.ts';
import { REPORT_STATUSES } from './reportLifecycle.ts';

const can = (relation: 'officer' | 'member' | null, status: (typeof REPORT_STATUSES)[number]) =>
  abilitiesFrom(REPORT_POLICY, relation, { funderId: 'f', status });

test('a stranger may do nothing with a report, not even know it', () => {
  for (const status of REPORT_STATUSES) assert.ok(Object.values(can(null, status)).every((v) => !v));
});

test('members fill and submit; officers never do it for them', () => {
  assert.deepEqual(
    REPORT_STATUSES.filter((s) => can('member', s).edit),
    ['due', 'draft', 'returned'],
  );
  assert.deepEqual(
    REPORT_STATUSES.filter((s) => can('member', s).submit),
    ['draft', 'returned'],
  );
  for (const s of REPORT_STATUSES) assert.equal(can('officer', s).edit || can('officer', s).submit, false);
});

test('officers decide on submitted reports only, and move or skip those not handed in', () => {
  assert.deepEqual(
    REPORT_STATUSES.filter((s) => can('officer', s).decide),
    ['submitted'],
  );
  assert.deepEqual(
    REPORT_STATUSES.filter((s) => can('officer', s).skip),
    ['not-due', 'due', 'draft', 'returned'],
  );
  assert.deepEqual(
    REPORT_STATUSES.filter((s) => can('officer', s).reinstate),
    ['skipped'],
  );
  for (const s of REPORT_STATUSES) {
    assert.equal(can('member', s).decide || can('member', s).skip || can('member', s).move, false);
    assert.equal(can('member', s).see && can('officer', s).see && can('member', s).readDocuments, true);
  }
});
