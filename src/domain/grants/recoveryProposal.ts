// What the expenses justify of a grant, line by line of the application's budget table, and the recovery that
// follows. The rule, stated once:
//
// 1. Each budget line accepts the approved expenses on it up to its planned amount, raised by the call's tolerance
//    between lines (tolerancePercent of that line's planned amount, rounded down). With no tolerance (0), spending
//    more on one line does not make up for spending less on another.
// 2. The accepted total never exceeds the budget's total: a tolerance moves money between lines, it does not
//    enlarge the project. Expenses on a line the budget does not have are not accepted.
// 3. The grant funds its share of the project: the grantee is entitled to the grant × accepted / budget total,
//    rounded down to the cent, and never more than the grant. Without co-funding (the grant is the whole budget)
//    this is simply the accepted amount up to the grant.
// 4. The unjustified amount is the grant less that entitlement. The part of it already paid is proposed as a
//    recovery; the part not yet paid is simply not paid (the balance falls to what remains due, possibly 0).
//
// The officer adopts, changes or waives the proposal; this computes it, it decides nothing.

import type { Budget } from '../forms/definition.ts';
import type { Cents } from '../money.ts';

/** Approved expenses: `line` is the index of the budget line in Budget.lines. */
export interface JustifiedExpense {
  line: number;
  amountCents: Cents;
}

export interface RecoveryInput {
  /** The binding budget table (the application's, or its amended version). */
  budget: Pick<Budget, 'lines' | 'totalCents'>;
  /** The grant's amount under the binding agreement. */
  grantCents: Cents;
  /** Paid to the grantee so far (ledger.paidCents). */
  paidCents: Cents;
  expenses: readonly JustifiedExpense[];
  /** How far a line may exceed its plan, in whole percent of it (0 to 100), to absorb savings elsewhere. */
  tolerancePercent: number;
}

export interface LineJustification {
  line: number;
  label: string;
  plannedCents: Cents;
  justifiedCents: Cents;
  /** What this line accepts: the justified amount up to its plan plus the tolerance. */
  acceptedCents: Cents;
  /** Justified beyond what the line accepts. */
  overspentCents: Cents;
  /** Planned and not spent. */
  underspentCents: Cents;
}

export interface RecoveryProposal {
  lines: LineJustification[];
  /** Expenses on lines the budget does not have. */
  unbudgetedCents: Cents;
  /** The lines' accepted amounts, capped at the budget's total. */
  acceptedCents: Cents;
  entitledCents: Cents;
  unjustifiedCents: Cents;
  /** Paid beyond the entitlement: proposed for recovery. */
  recoveryCents: Cents;
  /** Entitled and not yet paid: what the last tranche may still pay. */
  balanceDueCents: Cents;
}

/** Computes the proposal (see the rule above). Throws on a budget without amount or a tolerance outside 0–100. */
export function proposeRecovery(input: RecoveryInput): RecoveryProposal {
  const { budget, grantCents, paidCents, tolerancePercent } = input;
  if (!(budget.totalCents > 0)) throw new RangeError('A budget without amount justifies nothing');
  if (!Number.isInteger(tolerancePercent) || tolerancePercent < 0 || tolerancePercent > 100)
    throw new RangeError(`Not a tolerance in whole percent: ${tolerancePercent}`);

  const justified = budget.lines.map(() => 0);
  let unbudgetedCents = 0;
  for (const e of input.expenses) {
    if (Number.isInteger(e.line) && e.line >= 0 && e.line < justified.length) justified[e.line]! += e.amountCents;
    else unbudgetedCents += e.amountCents;
  }

  const lines = budget.lines.map((l, line): LineJustification => {
    const cap = l.amountCents + Math.floor((l.amountCents * tolerancePercent) / 100);
    const justifiedCents = justified[line]!;
    const acceptedCents = Math.min(justifiedCents, cap);
    return {
      line,
      label: l.label,
      plannedCents: l.amountCents,
      justifiedCents,
      acceptedCents,
      overspentCents: justifiedCents - acceptedCents,
      underspentCents: Math.max(0, l.amountCents - justifiedCents),
    };
  });

  const acceptedCents = Math.min(
    lines.reduce((s, l) => s + l.acceptedCents, 0),
    budget.totalCents,
  );
  // grant × accepted / total can pass 2^53: computed on BigInt, then rounded down.
  const share = Number((BigInt(grantCents) * BigInt(acceptedCents)) / BigInt(budget.totalCents));
  const entitledCents = Math.min(grantCents, share);
  return {
    lines,
    unbudgetedCents,
    acceptedCents,
    entitledCents,
    unjustifiedCents: grantCents - entitledCents,
    recoveryCents: Math.max(0, paidCents - entitledCents),
    balanceDueCents: Math.max(0, entitledCents - paidCents),
  };
}
