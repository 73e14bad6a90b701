// A juror's seat on a call's jury, from invitation to withdrawal, and what each stage allows.
// The stored status has three values (invited, active, withdrawn); "accepted" is an invited seat
// bound to an account that has not signed the independence declaration yet.
import type { CallStatus } from './callLifecycle.ts';

export interface Seat {
  status: 'invited' | 'active' | 'withdrawn';
  acceptedAt: Date | null;
  declarationSignedAt: Date | null;
}

export const JUROR_STAGES = ['invited', 'accepted', 'active', 'withdrawn'] as const;
export type JurorStage = (typeof JUROR_STAGES)[number];

/** How long an invitation link stays valid after it was (last) sent. */
export const INVITATION_DAYS = 30;

export function stageOf(seat: Seat): JurorStage {
  if (seat.status === 'withdrawn') return 'withdrawn';
  if (seat.status === 'active') return 'active';
  return seat.acceptedAt ? 'accepted' : 'invited';
}

/** Accepting: an invitation not yet accepted, not withdrawn, and still fresh. */
export function mayAccept(seat: Seat & { invitedAt: Date }, now: Date): boolean {
  return stageOf(seat) === 'invited' && now.getTime() - seat.invitedAt.getTime() < INVITATION_DAYS * 86_400_000;
}

/** Signing the declaration, stating expertise and declaring conflicts: once accepted, until withdrawn. */
export function mayDeclare(seat: Seat): boolean {
  const stage = stageOf(seat);
  return stage === 'accepted' || stage === 'active';
}

/** Receiving applications: only once the independence declaration is signed. */
export function mayBeAssigned(seat: Seat): boolean {
  return stageOf(seat) === 'active';
}

export function mayBeRemindedOrWithdrawn(seat: Seat): boolean {
  return stageOf(seat) !== 'withdrawn';
}

/** Calls whose jury can be formed: published onwards, until the decision. */
const JURY_OPEN: readonly CallStatus[] = ['published', 'closed', 'screening', 'evaluation', 'deliberation'];

/** What the officer may do with a call's jury, given the call's state. */
export function juryAbilities(callStatus: CallStatus): { invite: boolean; assign: boolean } {
  const open = JURY_OPEN.includes(callStatus);
  return { invite: open, assign: open };
}
