import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALL_STATUSES } from './callLifecycle.ts';
import {
  INVITATION_DAYS,
  juryAbilities,
  mayAccept,
  mayBeAssigned,
  mayBeRemindedOrWithdrawn,
  mayDeclare,
  stageOf,
  type Seat,
} from './juryMembership.ts';

const NOW = new Date('2026-03-01T10:00:00Z');
const seats: Record<string, Seat & { invitedAt: Date }> = {
  invited: { status: 'invited', acceptedAt: null, declarationSignedAt: null, invitedAt: NOW },
  accepted: { status: 'invited', acceptedAt: NOW, declarationSignedAt: null, invitedAt: NOW },
  active: { status: 'active', acceptedAt: NOW, declarationSignedAt: NOW, invitedAt: NOW },
  withdrawn: { status: 'withdrawn', acceptedAt: NOW, declarationSignedAt: NOW, invitedAt: NOW },
};

test('what each stage of a seat allows, as a table', () => {
  const table = Object.fromEntries(
    Object.entries(seats).map(([name, seat]) => [
      name,
      [stageOf(seat), mayAccept(seat, NOW), mayDeclare(seat), mayBeAssigned(seat), mayBeRemindedOrWithdrawn(seat)],
    ]),
  );
  assert.deepEqual(table, {
    invited: ['invited', true, false, false, true],
    accepted: ['accepted', false, true, false, true],
    active: ['active', false, true, true, true],
    withdrawn: ['withdrawn', false, false, false, false],
  });
});

test('an invitation expires', () => {
  const old = { ...seats.invited!, invitedAt: new Date(NOW.getTime() - INVITATION_DAYS * 86_400_000) };
  assert.equal(mayAccept(old, NOW), false);
  assert.equal(mayAccept({ ...old, invitedAt: new Date(old.invitedAt.getTime() + 1000) }, NOW), true);
});

test('a jury is formed from publication until the decision', () => {
  const open = CALL_STATUSES.filter((s) => juryAbilities(s).invite);
  assert.deepEqual(open, ['published', 'closed', 'screening', 'evaluation', 'deliberation']);
  assert.deepEqual(juryAbilities('draft'), { invite: false, assign: false });
});
