import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICATION_STATUSES, type ApplicationStatus } from './applicationLifecycle.ts';
import {
  APPLICATION_POLICY,
  applicationAbilities,
  applicationRelation,
  type ApplicationAction,
} from './applicationPolicy.ts';
import { verdictOf } from './policy.ts';

const subject = (status: ApplicationStatus, everSubmitted = status !== 'draft') => ({ status, everSubmitted });
const signedIn = { userId: 'u', isPlatformAdmin: false, grants: [] };

test('relations: members always; the call’s officers once it was submitted; nobody else', () => {
  const of = (membership: 'owner' | 'member' | null, managesCall: boolean, s = subject('submitted')) =>
    applicationRelation({ membership, managesCall, subject: s });
  assert.equal(of('owner', false), 'member');
  assert.equal(of('member', true, subject('draft')), 'member');
  assert.equal(of(null, true), 'officer');
  assert.equal(of(null, true, subject('draft')), null, 'a draft is the applicant’s own');
  assert.equal(of(null, true, subject('draft', true)), 'officer', 'a returned draft was submitted once');
  assert.equal(of(null, false), null);
});

// For each state, what a member and an officer may do there.
const TABLE: Record<ApplicationStatus, { member: ApplicationAction[]; officer: ApplicationAction[] }> = {
  draft: { member: ['edit', 'submit', 'withdraw'], officer: [] },
  submitted: {
    member: ['withdraw', 'downloadPdf'],
    officer: ['returnForCompletion', 'screen', 'downloadPdf', 'keepNotes'],
  },
  returned: { member: ['edit', 'submit', 'withdraw', 'downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  eligible: { member: ['withdraw', 'downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  ineligible: { member: ['downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  'under-review': { member: ['withdraw', 'downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  scored: { member: ['withdraw', 'downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  reserve: { member: ['withdraw', 'downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  selected: { member: ['downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  rejected: { member: ['downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
  withdrawn: { member: ['downloadPdf'], officer: ['screen', 'downloadPdf', 'keepNotes'] },
};

test('the table: what each relation may do in each state', () => {
  for (const status of APPLICATION_STATUSES) {
    for (const relation of ['member', 'officer'] as const) {
      const can = applicationAbilities(relation, subject(status));
      const allowed = (Object.keys(can) as (keyof typeof can)[]).filter((a) => a !== 'see' && can[a]);
      assert.deepEqual(allowed.sort(), [...TABLE[status][relation]].sort(), `${relation} on ${status}`);
      assert.equal(can.see, true);
    }
    const stranger = applicationAbilities(null, subject(status));
    assert.ok(
      Object.values(stranger).every((v) => !v),
      `a stranger may do nothing on ${status}`,
    );
  }
});

test('verdicts: strangers are told nothing, the wrong role is refused, the wrong state is "not now"', () => {
  const verdict = (relation: 'member' | 'officer' | null, action: ApplicationAction, status: ApplicationStatus) =>
    verdictOf(APPLICATION_POLICY, { actor: signedIn, relation, subject: subject(status), action });
  assert.equal(
    verdictOf(APPLICATION_POLICY, { actor: null, relation: null, subject: subject('draft'), action: 'see' }),
    'sign-in',
  );
  assert.equal(verdict(null, 'edit', 'draft'), 'not-found');
  assert.equal(verdict('officer', 'edit', 'submitted'), 'forbidden');
  assert.equal(verdict('member', 'returnForCompletion', 'submitted'), 'forbidden');
  assert.equal(verdict('member', 'edit', 'submitted'), 'not-now');
  assert.equal(verdict('member', 'edit', 'returned'), 'allowed');
});

test('who sees an application, by role and state', () => {
  const cases: [Parameters<typeof applicationRelation>[0], ReturnType<typeof applicationRelation>][] = [
    [{ membership: 'member', managesCall: false, subject: { status: 'draft', everSubmitted: false } }, 'member'],
    [{ membership: 'owner', managesCall: true, subject: { status: 'submitted', everSubmitted: true } }, 'member'],
    [{ membership: null, managesCall: true, subject: { status: 'draft', everSubmitted: false } }, null],
    [{ membership: null, managesCall: true, subject: { status: 'submitted', everSubmitted: true } }, 'officer'],
    [{ membership: null, managesCall: true, subject: { status: 'returned', everSubmitted: true } }, 'officer'],
    [{ membership: null, managesCall: true, subject: { status: 'withdrawn', everSubmitted: false } }, 'officer'],
    [{ membership: null, managesCall: false, subject: { status: 'submitted', everSubmitted: true } }, null],
  ];
  for (const [input, expected] of cases) assert.equal(applicationRelation(input), expected, JSON.stringify(input));
});
