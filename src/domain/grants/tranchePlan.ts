// A grant's tranches, computed from its call's payment plan (callCriteria.ts: percentages with a trigger, e.g.
// 80 % at signature and 20 % after the approved final report), in integer cents that add up to the grant exactly.
//
// Rounding: every tranche but the last is rounded down, and the last, the balance, takes what remains. An advance
// thus never exceeds its percentage, so the funder never pays ahead more than the plan says, and the rounding cents
// (fewer than the number of tranches) stay with the balance, which is only paid once the project is justified.

import type { CalendarDate } from '../calendarDate.ts';
import type { Tranche } from '../callCriteria.ts';
import type { Cents } from '../money.ts';
import type { TrancheStatus } from './trancheLifecycle.ts';

/** A call's term, with one extension: a tranche due at a date (e.g. a second advance on 1 July). */
export type TrancheTerm = Tranche | { percent: number; trigger: 'date'; dueOn: CalendarDate };
export type TrancheTrigger = TrancheTerm['trigger'];

export interface PaymentPlan {
  terms: readonly TrancheTerm[];
  /** A grant under this amount is paid in one payment, at the first term's trigger; null for no such rule. */
  singlePaymentBelowCents: Cents | null;
}

export interface PlannedTranche {
  /** 1, 2, … in plan order. */
  number: number;
  percent: number;
  trigger: TrancheTrigger;
  /** Which report of its kind releases it: the 2nd interim-report tranche waits for the 2nd interim report. */
  occurrence: number;
  /** For a 'date' trigger: the day it falls due; null otherwise. */
  dueOn: CalendarDate | null;
  amountCents: Cents;
}

/**
 * The tranches of a grant of `amountCents` under `plan`. Guarantees: the amounts are whole cents and add up to
 * `amountCents` exactly; each but the last is ⌊amount × percent / 100⌋; a tranche that would be 0 cents (a tiny
 * grant) is left out. Without terms, or under `singlePaymentBelowCents`, the grant is one tranche of 100 % (at
 * signature without terms). Throws if the percentages do not add up to 100, which criteriaProblems reports first.
 */
export function planTranches(amountCents: Cents, plan: PaymentPlan): PlannedTranche[] {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0)
    throw new RangeError(`Not a grant amount: ${amountCents}`);
  const [first] = plan.terms;
  const single = plan.singlePaymentBelowCents !== null && amountCents < plan.singlePaymentBelowCents;
  const terms: readonly TrancheTerm[] = !first
    ? [{ percent: 100, trigger: 'signature' }]
    : single
      ? [{ ...first, percent: 100 }]
      : plan.terms;
  if (terms.reduce((s, t) => s + t.percent, 0) !== 100)
    throw new RangeError('The tranche percentages do not add up to 100');

  const seen = new Map<TrancheTrigger, number>();
  let given = 0;
  const tranches = terms.map((t, i): PlannedTranche => {
    const amount = i === terms.length - 1 ? amountCents - given : Math.floor((amountCents * t.percent) / 100);
    given += amount;
    const occurrence = (seen.get(t.trigger) ?? 0) + 1;
    seen.set(t.trigger, occurrence);
    return {
      number: i + 1,
      percent: t.percent,
      trigger: t.trigger,
      occurrence,
      dueOn: t.trigger === 'date' ? t.dueOn : null,
      amountCents: amount,
    };
  });
  return tranches.filter((t) => t.amountCents > 0).map((t, i) => ({ ...t, number: i + 1 }));
}

/**
 * New amounts for the tranches not yet released (`planned`) when what the grantee is entitled to changes (an
 * amendment, a settlement): the tranches already due, approved, in a batch, paid, failed or returned keep their
 * amounts; the planned ones share what remains in proportion to their percentages, rounded as planTranches does
 * (down, the last planned one taking the rest). Cancelled tranches count for nothing. When what is already
 * committed exceeds the entitlement, every planned tranche becomes 0 (to cancel) and `overCommittedCents` says by
 * how much: money paid beyond it is for a recovery, not for a negative tranche. When the entitlement grows and no
 * tranche is still planned, `unallocatedCents` is the amount a new tranche must carry.
 */
export function rebalanceTranches(
  tranches: readonly { status: TrancheStatus; percent: number; amountCents: Cents }[],
  entitlementCents: Cents,
): { amountsCents: Cents[]; overCommittedCents: Cents; unallocatedCents: Cents } {
  const committed = tranches
    .filter((t) => t.status !== 'planned' && t.status !== 'cancelled')
    .reduce((s, t) => s + t.amountCents, 0);
  const open = entitlementCents - committed;
  const planned = tranches.flatMap((t, i) => (t.status === 'planned' ? [i] : []));
  const amounts = tranches.map((t) => t.amountCents);
  if (open <= 0) {
    for (const i of planned) amounts[i] = 0;
    return { amountsCents: amounts, overCommittedCents: -open, unallocatedCents: 0 };
  }
  if (planned.length === 0) return { amountsCents: amounts, overCommittedCents: 0, unallocatedCents: open };
  const weights = planned.reduce((s, i) => s + (tranches[i]?.percent ?? 0), 0);
  let given = 0;
  planned.forEach((i, k) => {
    const share = k === planned.length - 1 ? open - given : Math.floor((open * (tranches[i]?.percent ?? 0)) / weights);
    amounts[i] = share;
    given += share;
  });
  return { amountsCents: amounts, overCommittedCents: 0, unallocatedCents: 0 };
}
