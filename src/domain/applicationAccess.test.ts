import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicationViewer } from './applicationAccess.ts';

test('who sees an application, by role and state', () => {
  const cases: [Parameters<typeof applicationViewer>[0], ReturnType<typeof applicationViewer>][] = [
    [{ membership: 'member', managesCall: false, status: 'draft', everSubmitted: false }, 'member'],
    [{ membership: 'owner', managesCall: true, status: 'submitted', everSubmitted: true }, 'member'],
    [{ membership: null, managesCall: true, status: 'draft', everSubmitted: false }, null],
    [{ membership: null, managesCall: true, status: 'submitted', everSubmitted: true }, 'officer'],
    [{ membership: null, managesCall: true, status: 'returned', everSubmitted: true }, 'officer'],
    [{ membership: null, managesCall: true, status: 'withdrawn', everSubmitted: false }, 'officer'],
    [{ membership: null, managesCall: false, status: 'submitted', everSubmitted: true }, null],
  ];
  for (const [input, expected] of cases) assert.equal(applicationViewer(input), expected, JSON.stringify(input));
});
