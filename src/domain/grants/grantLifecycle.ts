// The states of a grant, from the offer that follows a selection to its closing, as one table: the services ask
// it whether an action is allowed, the views which buttons to show (see applicationLifecycle.ts for the model).
//
//   offered → agreement-sent → accepted → countersigned → active → final-report-approved → closed
//   side exits: declined (by the grantee, before accepting), suspended ⇄ active, recovered (the grant is ended and
//   what was paid and not justified is claimed back).
//
// An amendment does not move the grant: it is a new agreement version (agreementVersions.ts) while the grant
// stays countersigned, active or suspended.

import { isBeforeDeadline } from '../brusselsTime.ts';
import { lifecycle } from '../lifecycleTable.ts';
import type { AgreementVersionStatus } from './agreementVersions.ts';

export const GRANT_STATUSES = [
  'offered',
  'agreement-sent',
  'accepted', // the grantee accepted the agreement
  'countersigned', // an officer countersigned it: the agreement binds
  'active', // the project period has started: tranches are paid, reports received
  'final-report-approved',
  'closed',
  'declined', // the grantee declined the offer
  'suspended', // payments and reports on hold, with a reason
  'recovered', // ended, and what was not justified is claimed back
] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

export const GRANT_EVENTS = [
  'send-agreement',
  'accept',
  'decline',
  'countersign',
  'activate',
  'suspend',
  'resume',
  'approve-final-report',
  'close',
  'recover',
] as const;
export type GrantEvent = (typeof GRANT_EVENTS)[number];

/** The events only the grantee's authorised members fire; every other one is an officer's. */
export const GRANTEE_EVENTS: readonly GrantEvent[] = ['accept', 'decline'];

export type GrantRefusal =
  | 'agreement-not-ready'
  | 'agreement-not-sent'
  | 'offer-expired'
  | 'agreement-not-accepted'
  | 'period-not-started'
  | 'final-report-not-approved'
  | 'payments-outstanding'
  | 'recovery-outstanding';

/** What the guards read, as it stands before the command (`now` is the server's clock). */
export interface GrantContext {
  now: Date;
  /** The agreement version in progress (pendingVersion), with whether its PDF exists; null if none. */
  agreement: { status: AgreementVersionStatus; hasDocument: boolean } | null;
  /** The instant the offer lapses if the agreement is not accepted; null for no limit. */
  acceptBy: Date | null;
  /** The instant the project period starts (its first day, 00:00 in Brussels); null without an agreement. */
  periodStartsAt: Date | null;
  finalReportApproved: boolean;
  /** From the ledger: what is still to pay (planned, due, approved or in a batch) and still to recover. */
  outstanding: { toPayCents: number; toRecoverCents: number };
}

// The agreement leaves as a fixed PDF, so that what the grantee accepts is one document.
function sendGuard(ctx: GrantContext): GrantRefusal | null {
  return ctx.agreement?.status === 'draft' && ctx.agreement.hasDocument ? null : 'agreement-not-ready';
}

// Acceptance is of the version that was sent, and only while the offer stands (strictly before acceptBy).
function acceptGuard(ctx: GrantContext): GrantRefusal | null {
  if (ctx.agreement?.status !== 'sent') return 'agreement-not-sent';
  if (ctx.acceptBy && !isBeforeDeadline(ctx.now, ctx.acceptBy)) return 'offer-expired';
  return null;
}

// The officer countersigns what the grantee accepted, never a version still waiting for the grantee.
function countersignGuard(ctx: GrantContext): GrantRefusal | null {
  return ctx.agreement?.status === 'accepted' ? null : 'agreement-not-accepted';
}

// A grant may be activated when its period has started (often at once: periods are frequently retroactive).
function activateGuard(ctx: GrantContext): GrantRefusal | null {
  return ctx.periodStartsAt === null || isBeforeDeadline(ctx.now, ctx.periodStartsAt) ? 'period-not-started' : null;
}

function finalReportGuard(ctx: GrantContext): GrantRefusal | null {
  return ctx.finalReportApproved ? null : 'final-report-not-approved';
}

// A closed grant owes nothing either way: every tranche paid or cancelled, every recovery received.
function closeGuard(ctx: GrantContext): GrantRefusal | null {
  if (ctx.outstanding.toPayCents > 0) return 'payments-outstanding';
  if (ctx.outstanding.toRecoverCents > 0) return 'recovery-outstanding';
  return null;
}

export const grantLifecycle = lifecycle<GrantStatus, GrantEvent, GrantContext, GrantRefusal>(
  GRANT_STATUSES,
  GRANT_EVENTS,
  [
    { event: 'send-agreement', from: ['offered'], to: 'agreement-sent', guard: sendGuard },
    { event: 'accept', from: ['agreement-sent'], to: 'accepted', guard: acceptGuard },
    { event: 'decline', from: ['offered', 'agreement-sent'], to: 'declined' },
    { event: 'countersign', from: ['accepted'], to: 'countersigned', guard: countersignGuard },
    { event: 'activate', from: ['countersigned'], to: 'active', guard: activateGuard },
    { event: 'suspend', from: ['active'], to: 'suspended' },
    { event: 'resume', from: ['suspended'], to: 'active' },
    { event: 'approve-final-report', from: ['active'], to: 'final-report-approved', guard: finalReportGuard },
    { event: 'close', from: ['final-report-approved'], to: 'closed', guard: closeGuard },
    // Recovery ends a grant that has (or may have) received money: a breach while it runs or is suspended, or
    // what the final report did not justify.
    { event: 'recover', from: ['active', 'final-report-approved', 'suspended'], to: 'recovered' },
  ],
);

/** The statuses in which tranches may be made due and paid. */
export const PAYABLE_GRANT_STATUSES: readonly GrantStatus[] = ['countersigned', 'active', 'final-report-approved'];
