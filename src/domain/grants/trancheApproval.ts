// Four eyes on large payments: above a threshold the funder sets, two different officers must have signed off a
// tranche before it can be paid. The one who made it due counts as the first pair of eyes when a person did so
// (a manual release); when its condition released it (a countersignature, an approved report), the first approver
// is. Either way the approver who completes it differs from both. At or under the threshold one approval, by any
// officer, is enough.

import type { Cents } from '../money.ts';

export interface ApprovalPolicy {
  /** Tranches strictly above this amount need a second officer; null: one approval always suffices. */
  secondApprovalAboveCents: Cents | null;
}

export interface TrancheSignOff {
  amountCents: Cents;
  /** The officer who made the tranche due, or null when its condition did. */
  madeDueBy: string | null;
  /** The officers who approved it so far, in order. */
  approvers: readonly string[];
}

export type ApprovalRefusal = 'already-approved' | 'made-it-due';

/** How many different people must have signed off the tranche (its maker, when a person, included). */
export function approvalsNeeded(amountCents: Cents, policy: ApprovalPolicy): 1 | 2 {
  return policy.secondApprovalAboveCents !== null && amountCents > policy.secondApprovalAboveCents ? 2 : 1;
}

/** Why `officer` may not approve the tranche now; null when the approval counts. */
export function approvalRefusal(t: TrancheSignOff, officer: string, policy: ApprovalPolicy): ApprovalRefusal | null {
  if (t.approvers.includes(officer)) return 'already-approved';
  if (approvalsNeeded(t.amountCents, policy) === 2 && t.madeDueBy === officer) return 'made-it-due';
  return null;
}

/** True once the approvals given are enough for the tranche to be approved (the tranche table's guard). */
export function approvalsComplete(t: TrancheSignOff, policy: ApprovalPolicy): boolean {
  if (t.approvers.length === 0) return false;
  const people = new Set([...(t.madeDueBy === null ? [] : [t.madeDueBy]), ...t.approvers]);
  return people.size >= approvalsNeeded(t.amountCents, policy);
}
