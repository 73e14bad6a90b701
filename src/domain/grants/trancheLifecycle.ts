// The states of a tranche, from its plan to the grantee's account, as one table:
//
//   planned → due → approved → in-batch → paid
//   failed: the bank rejected the transfer of a batch; returned: it was paid, then sent back (closed account…).
//   Both go back to approved (requeue), to be put in a new batch once the cause is fixed, or are cancelled.
//   cancelled: never to be paid (the grant ended, or a settlement reduced it to 0).

import type { CalendarDate } from '../calendarDate.ts';
import { lifecycle } from '../lifecycleTable.ts';
import type { Cents } from '../money.ts';
import { PAYABLE_GRANT_STATUSES, type GrantStatus } from './grantLifecycle.ts';
import type { TrancheSignOff } from './trancheApproval.ts';
import type { PlannedTranche } from './tranchePlan.ts';

export const TRANCHE_STATUSES = [
  'planned',
  'due',
  'approved',
  'in-batch',
  'paid',
  'failed',
  'returned',
  'cancelled',
] as const;
export type TrancheStatus = (typeof TRANCHE_STATUSES)[number];

export const TRANCHE_EVENTS = [
  'make-due',
  'approve',
  'add-to-batch',
  'remove-from-batch',
  'mark-paid',
  'fail',
  'return',
  'requeue',
  'cancel',
] as const;
export type TrancheEvent = (typeof TRANCHE_EVENTS)[number];

/** A grant's tranche as the rules read it: its plan, its state and who signed it off. */
export interface GrantTranche extends PlannedTranche, TrancheSignOff {
  status: TrancheStatus;
}

export type TrancheRefusal =
  'grant-not-payable' | 'condition-not-met' | 'nothing-to-pay' | 'exceeds-remaining' | 'second-approval-needed';

/** What the guards read, as it stands before the command. */
export interface TrancheContext {
  tranche: Pick<GrantTranche, 'trigger' | 'occurrence' | 'dueOn' | 'amountCents'>;
  grantStatus: GrantStatus;
  /** Today in Brussels, for tranches due at a date. */
  today: CalendarDate;
  approvedInterimReports: number;
  finalReportApproved: boolean;
  /** What may still be paid of the grant (ledger.remainingCents): a tranche never exceeds it. */
  remainingCents: Cents;
  /** approvalsComplete(...) with the approval being recorded counted. */
  approvalsComplete: boolean;
}

/** Whether the tranche's own condition is met: the agreement binds, its report is approved, its day has come. */
export function conditionMet(ctx: TrancheContext): boolean {
  const t = ctx.tranche;
  switch (t.trigger) {
    case 'signature':
      return true; // the grant is payable, so its agreement is countersigned
    case 'interim-report':
      return ctx.approvedInterimReports >= t.occurrence;
    case 'final-report':
      return ctx.finalReportApproved;
    case 'date':
      return t.dueOn !== null && ctx.today >= t.dueOn;
  }
}

// No money moves on a grant that is not running: before the countersignature, suspended, declined, ended.
function payable(ctx: TrancheContext): TrancheRefusal | null {
  return PAYABLE_GRANT_STATUSES.includes(ctx.grantStatus) ? null : 'grant-not-payable';
}

function makeDueGuard(ctx: TrancheContext): TrancheRefusal | null {
  const refused = payable(ctx);
  if (refused) return refused;
  if (!conditionMet(ctx)) return 'condition-not-met';
  if (ctx.tranche.amountCents <= 0) return 'nothing-to-pay';
  if (ctx.tranche.amountCents > ctx.remainingCents) return 'exceeds-remaining';
  return null;
}

function approveGuard(ctx: TrancheContext): TrancheRefusal | null {
  return payable(ctx) ?? (ctx.approvalsComplete ? null : 'second-approval-needed');
}

export const trancheLifecycle = lifecycle<TrancheStatus, TrancheEvent, TrancheContext, TrancheRefusal>(
  TRANCHE_STATUSES,
  TRANCHE_EVENTS,
  [
    { event: 'make-due', from: ['planned'], to: 'due', guard: makeDueGuard },
    // A first approval of a tranche that needs two is recorded without moving it: the command stores the
    // approver when this guard answers 'second-approval-needed'.
    { event: 'approve', from: ['due'], to: 'approved', guard: approveGuard },
    { event: 'add-to-batch', from: ['approved'], to: 'in-batch', guard: payable },
    { event: 'remove-from-batch', from: ['in-batch'], to: 'approved' },
    { event: 'mark-paid', from: ['in-batch'], to: 'paid' },
    { event: 'fail', from: ['in-batch'], to: 'failed' },
    { event: 'return', from: ['paid'], to: 'returned' },
    { event: 'requeue', from: ['failed', 'returned'], to: 'approved' },
    { event: 'cancel', from: ['planned', 'due', 'approved', 'failed', 'returned'], to: 'cancelled' },
  ],
);
