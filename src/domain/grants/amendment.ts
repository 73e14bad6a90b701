// What an amendment may change, and how it is checked before it becomes a new agreement version
// (agreementVersions.ts says when one may be started). Two kinds, both without cost:
//
// - an extension: the project's period ends later; the amount, the start and the budget stay;
// - a budget revision: money moves between the lines of the budget table; every line keeps its label, no
//   amount is negative, and the total stays exactly what it was (a revision does not enlarge the project).
//
// The terms it returns are those of the new version: what the amendment's PDF states and what binds once it
// is countersigned.

import type { CalendarDate } from '../calendarDate.ts';
import type { AnswerValue, Budget } from '../forms/definition.ts';
import type { Cents } from '../money.ts';

export const AMENDMENT_KINDS = ['extension', 'budget-revision'] as const;
export type AmendmentKind = (typeof AMENDMENT_KINDS)[number];

export const isAmendmentKind = (v: unknown): v is AmendmentKind =>
  typeof v === 'string' && (AMENDMENT_KINDS as readonly string[]).includes(v);

/** The budget table an agreement version binds: the application's, or a revision of it. */
export interface AgreementBudget {
  lines: { label: string; amountCents: Cents }[];
  totalCents: Cents;
}

/** The terms of a version: what an amendment starts from and what it produces. */
export interface AgreementTerms {
  amountCents: Cents;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  budget: AgreementBudget | null;
}

export type AmendmentRequest =
  { kind: 'extension'; periodEnd: CalendarDate } | { kind: 'budget-revision'; lineAmounts: readonly Cents[] };

export type AmendmentTermsProblem =
  | 'period-not-later' // an extension ends after the period in force
  | 'no-budget' // nothing to revise: the grant has no budget table
  | 'budget-lines' // not one amount per line, or one negative or not whole cents
  | 'budget-total' // the revised lines do not add up to the same total
  | 'budget-unchanged'; // nothing moved

/** A version number above 1 is an amendment. */
export const isAmendment = (v: { number: number }) => v.number > 1;

/**
 * The terms of the amendment `request` makes to the binding `terms`, or what is wrong with it (the reason is
 * checked by the version's own send guard). The amount never changes: both kinds are without cost.
 */
export function amendedTerms(
  terms: AgreementTerms,
  request: AmendmentRequest,
): { ok: true; value: AgreementTerms } | { ok: false; problems: AmendmentTermsProblem[] } {
  if (request.kind === 'extension') {
    if (!(request.periodEnd > terms.periodEnd)) return { ok: false, problems: ['period-not-later'] };
    return { ok: true, value: { ...terms, periodEnd: request.periodEnd } };
  }
  const budget = terms.budget;
  if (!budget || !budget.lines.length) return { ok: false, problems: ['no-budget'] };
  const amounts = request.lineAmounts;
  if (amounts.length !== budget.lines.length || amounts.some((a) => !Number.isSafeInteger(a) || a < 0))
    return { ok: false, problems: ['budget-lines'] };
  const problems: AmendmentTermsProblem[] = [];
  const total = amounts.reduce((s, a) => s + a, 0);
  if (total !== budget.totalCents) problems.push('budget-total');
  if (amounts.every((a, i) => a === budget.lines[i]!.amountCents)) problems.push('budget-unchanged');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...terms,
      budget: { lines: budget.lines.map((l, i) => ({ label: l.label, amountCents: amounts[i]! })), totalCents: total },
    },
  };
}

const isBudget = (v: AnswerValue | undefined): v is Budget =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Array.isArray(v.lines) && typeof v.totalCents === 'number';

/** The budget table among an application's answers (its budget field), as an agreement binds it; null without. */
export function budgetIn(answers: Readonly<Record<string, AnswerValue>> | undefined): AgreementBudget | null {
  for (const value of Object.values(answers ?? {})) {
    if (isBudget(value)) {
      const lines = value.lines.map((l) => ({ label: l.label, amountCents: l.amountCents }));
      return { lines, totalCents: value.totalCents };
    }
  }
  return null;
}
