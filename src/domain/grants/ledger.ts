// A grant's ledger: what was granted and amended, and where the money stands, computed from its tranches,
// expenses and recoveries. Nothing here is stored: the figures are always derived from the records, so they can
// never disagree with them. All amounts are cents.

import type { Cents } from '../money.ts';
import type { TrancheStatus } from './trancheLifecycle.ts';

export type ExpenseStatus = 'submitted' | 'approved' | 'rejected';
export type RecoveryStatus = 'claimed' | 'received' | 'cancelled';

export interface Expense {
  /** The budget line it justifies: its index in the application's budget table (Budget.lines). */
  line: number;
  amountCents: Cents;
  status: ExpenseStatus;
}

/** An amount claimed back from the grantee, with its reason and letter (kept by the feature). */
export interface Recovery {
  amountCents: Cents;
  status: RecoveryStatus;
}

export interface LedgerInput {
  /** The amount of the first agreement. */
  grantedCents: Cents;
  /** The amount of the binding agreement version (grantedCents when never amended). */
  amendedCents: Cents;
  /**
   * What a settlement of the final report decided the grantee is entitled to (RecoveryProposal.entitledCents,
   * once the officer adopts it); null before. It caps what may still be paid.
   */
  settledCents: Cents | null;
  tranches: readonly { status: TrancheStatus; amountCents: Cents }[];
  expenses: readonly Pick<Expense, 'status' | 'amountCents'>[];
  recoveries: readonly Recovery[];
}

export interface GrantLedger {
  grantedCents: Cents;
  amendedCents: Cents;
  /** What the grantee may receive in all: the amended amount, or less once a settlement decided so. */
  entitlementCents: Cents;
  /** Tranches not yet released. */
  plannedCents: Cents;
  /** Released, waiting for approval. */
  dueCents: Cents;
  /** Approved, in a batch, or back from the bank (failed or returned) to be paid again. */
  approvedNotPaidCents: Cents;
  paidCents: Cents;
  /** Still to pay on this grant: planned, due and approved-not-paid. */
  toPayCents: Cents;
  /** What may still be made due: the entitlement less what is due, approved or paid, never below 0. */
  remainingCents: Cents;
  /** Approved expenses. */
  justifiedCents: Cents;
  /** Claimed back and not yet received. */
  toRecoverCents: Cents;
  recoveredCents: Cents;
  /** What the grantee keeps: paid less recovered. */
  netPaidCents: Cents;
}

const APPROVED_NOT_PAID: readonly TrancheStatus[] = ['approved', 'in-batch', 'failed', 'returned'];

function total<T extends { amountCents: Cents }>(items: readonly T[], keep: (item: T) => boolean): Cents {
  return items.reduce((s, i) => (keep(i) ? s + i.amountCents : s), 0);
}

/**
 * The ledger of one grant. Guarantees: every figure is a whole number of cents; cancelled tranches, rejected or
 * pending expenses and cancelled recoveries count nowhere; a returned transfer is not paid (the money came back).
 */
export function grantLedger(input: LedgerInput): GrantLedger {
  const { tranches } = input;
  const plannedCents = total(tranches, (t) => t.status === 'planned');
  const dueCents = total(tranches, (t) => t.status === 'due');
  const approvedNotPaidCents = total(tranches, (t) => APPROVED_NOT_PAID.includes(t.status));
  const paidCents = total(tranches, (t) => t.status === 'paid');
  const entitlementCents =
    input.settledCents === null ? input.amendedCents : Math.min(input.amendedCents, input.settledCents);
  const recoveredCents = total(input.recoveries, (r) => r.status === 'received');
  return {
    grantedCents: input.grantedCents,
    amendedCents: input.amendedCents,
    entitlementCents,
    plannedCents,
    dueCents,
    approvedNotPaidCents,
    paidCents,
    toPayCents: plannedCents + dueCents + approvedNotPaidCents,
    remainingCents: Math.max(0, entitlementCents - dueCents - approvedNotPaidCents - paidCents),
    justifiedCents: total(input.expenses, (e) => e.status === 'approved'),
    toRecoverCents: total(input.recoveries, (r) => r.status === 'claimed'),
    recoveredCents,
    netPaidCents: paidCents - recoveredCents,
  };
}

/**
 * The most a new recovery may claim: what was paid and not justified, less what is already claimed or received
 * back. Never below 0. A recovery claims money the grantee holds without a justification, nothing more.
 */
export function recoverableCents(
  ledger: Pick<GrantLedger, 'paidCents' | 'justifiedCents' | 'toRecoverCents' | 'recoveredCents'>,
): Cents {
  return Math.max(0, ledger.paidCents - ledger.justifiedCents - ledger.toRecoverCents - ledger.recoveredCents);
}
