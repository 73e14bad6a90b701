// A grant as the follow-up rules read it, and the contexts its lifecycles' guards need, built from it in one
// place: a command loads the grant, asks here, and never assembles a guard's facts by hand.

import { instantToBrussels } from '../brusselsTime.ts';
import { startOfDayInBrussels } from '../calendarDate.ts';
import type { Cents } from '../money.ts';
import { bindingVersion, pendingVersion, type AgreementVersion } from './agreementVersions.ts';
import type { GrantContext, GrantStatus } from './grantLifecycle.ts';
import { grantLedger, type Expense, type GrantLedger, type Recovery } from './ledger.ts';
import type { GrantReport } from './reportLifecycle.ts';
import { approvalsComplete, type ApprovalPolicy } from './trancheApproval.ts';
import type { GrantTranche, TrancheContext } from './trancheLifecycle.ts';

export interface Grant {
  status: GrantStatus;
  /** The amount the decision awarded, before any agreement. */
  offeredCents: Cents;
  /** When the offer lapses if the agreement is not accepted; null for no limit. */
  acceptBy: Date | null;
  versions: readonly AgreementVersion[];
  tranches: readonly GrantTranche[];
  reports: readonly GrantReport[];
  expenses: readonly Expense[];
  recoveries: readonly Recovery[];
  /** What a settlement of the final report decided the grantee is entitled to; null before. */
  settledCents: Cents | null;
}

/** The grant's ledger: granted is the offer, amended the binding agreement's amount (the offer until one binds). */
export function ledgerOf(grant: Grant): GrantLedger {
  return grantLedger({
    grantedCents: grant.offeredCents,
    amendedCents: bindingVersion(grant.versions)?.amountCents ?? grant.offeredCents,
    settledCents: grant.settledCents,
    tranches: grant.tranches,
    expenses: grant.expenses,
    recoveries: grant.recoveries,
  });
}

const approved = (grant: Grant, kind: GrantReport['kind']) =>
  grant.reports.filter((r) => r.kind === kind && r.status === 'approved').length;

/** What the grant lifecycle's guards read at `now`. */
export function grantContext(grant: Grant, now: Date): GrantContext {
  const pending = pendingVersion(grant.versions);
  const period = bindingVersion(grant.versions) ?? pending;
  const ledger = ledgerOf(grant);
  return {
    now,
    agreement: pending ? { status: pending.status, hasDocument: pending.documentSha256 !== null } : null,
    acceptBy: grant.acceptBy,
    periodStartsAt: period ? startOfDayInBrussels(period.periodStart) : null,
    finalReportApproved: approved(grant, 'final') > 0,
    outstanding: { toPayCents: ledger.toPayCents, toRecoverCents: ledger.toRecoverCents },
  };
}

/**
 * What the tranche lifecycle's guards read for `tranche` at `now`. `approvingOfficer` is the officer whose
 * approval is being recorded, counted in `approvalsComplete` (check approvalRefusal for them first).
 */
export function trancheContext(
  grant: Grant,
  tranche: GrantTranche,
  now: Date,
  policy: ApprovalPolicy,
  approvingOfficer: string | null = null,
): TrancheContext {
  const approvers = approvingOfficer === null ? tranche.approvers : [...tranche.approvers, approvingOfficer];
  return {
    tranche,
    grantStatus: grant.status,
    today: instantToBrussels(now).date,
    approvedInterimReports: approved(grant, 'interim'),
    finalReportApproved: approved(grant, 'final') > 0,
    remainingCents: ledgerOf(grant).remainingCents,
    approvalsComplete: approvalsComplete({ ...tranche, approvers }, policy),
  };
}
