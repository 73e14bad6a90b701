// What a programme or a call achieved, summed from its grants and their reports. Nothing is stored: the figures
// are derived from the records each time, so they never disagree with them. The database sums (the grants by
// state, the reports' indicators); what the sums mean is decided here.
//
// Money: granted is what the decisions awarded (less grants declined), committed what binding agreements hold,
// paid what the bank paid. People: a grant's reach is its latest approved report (reports count from the start
// of the project, so an interim and a final report are not added); the grants' reaches are then summed, each
// indicator counting only as a whole number of people (or sessions, hours, devices) above zero.

import type { GrantStatus } from '../grants/grantLifecycle.ts';
import { AGE_BANDS, GENDERS, RESIDENCE_CATEGORIES } from '../grants/reportIndicators.ts';
import type { Cents } from '../money.ts';
import type { KeyedLabel } from '../referenceData.ts';

/** Which grants a figure sums: one call's, some funders', or every grant (grants exist once results are public). */
export type GrantScope = { readonly callIds: readonly string[] } | { readonly funderIds: readonly string[] } | 'all';

/** The grants of one state (in one call): how many, what they were offered and what was paid on them. */
export interface GrantTotals {
  readonly status: GrantStatus;
  readonly grants: number;
  readonly offeredCents: Cents;
  readonly paidCents: Cents;
}

/** A grant whose agreement binds: countersigned, and every state after it. */
const BINDING: ReadonlySet<GrantStatus> = new Set([
  'countersigned',
  'active',
  'final-report-approved',
  'closed',
  'suspended',
  'recovered',
]);

export interface BudgetFigures {
  /** The calls' budgets (0 for the programme when none is given). */
  budgetCents: Cents;
  grantedCents: Cents;
  committedCents: Cents;
  paidCents: Cents;
  grants: number;
  byStatus: Partial<Record<GrantStatus, number>>;
}

export function budgetFigures(totals: readonly GrantTotals[], budgetCents: Cents): BudgetFigures {
  const figures: BudgetFigures = {
    budgetCents,
    grantedCents: 0,
    committedCents: 0,
    paidCents: 0,
    grants: 0,
    byStatus: {},
  };
  for (const t of totals) {
    figures.grants += t.grants;
    figures.byStatus[t.status] = (figures.byStatus[t.status] ?? 0) + t.grants;
    if (t.status !== 'declined') figures.grantedCents += t.offeredCents;
    if (BINDING.has(t.status)) figures.committedCents += t.offeredCents;
    figures.paidCents += t.paidCents;
  }
  return figures;
}

export interface Reach {
  /** Grants with an approved report. */
  reporting: number;
  participants: number;
  sessions: number;
  supportHours: number;
  devicesLent: number;
  devicesRefurbished: number;
  /** Breakdown id (participants-by-public…) → category key → people. */
  breakdowns: Record<string, Record<string, number>>;
  /** DigComp area id → grants that worked on it. */
  digcompGrants: Record<string, number>;
}

export const BREAKDOWNS = [
  'participants-by-public',
  'participants-by-commune',
  'participants-by-age',
  'participants-by-gender',
] as const;
export type BreakdownId = (typeof BREAKDOWNS)[number];

/**
 * The categories each breakdown is shown in: the publics of the funders' lists, the fixed communes, age bands and
 * genders. Only these are summed; a key a report gives outside them is shown nowhere.
 */
export function breakdownCategories(publics: readonly KeyedLabel[]): Record<BreakdownId, readonly KeyedLabel[]> {
  return {
    'participants-by-public': publics,
    'participants-by-commune': RESIDENCE_CATEGORIES,
    'participants-by-age': AGE_BANDS,
    'participants-by-gender': GENDERS,
  };
}

/** The indicators summed as plain counts, and the figure of the reach each one gives. */
export const COUNTED_INDICATORS = {
  participants: 'participants',
  sessions: 'sessions',
  'support-hours': 'supportHours',
  'devices-lent': 'devicesLent',
  'devices-refurbished': 'devicesRefurbished',
} as const satisfies Record<string, keyof Reach>;

/**
 * One sum of the grants' latest approved reports, as the database gives it: `indicator` is a counted indicator
 * (key ''), a breakdown (key: its category), 'digcomp-areas' (key: the area; the grants that worked on it) or
 * 'reporting' (key ''; the grants with an approved report).
 */
export interface ReachTotal {
  readonly indicator: string;
  readonly key: string;
  readonly n: number;
}

/** The reach of the grants from the sums of their latest approved reports; what was not reported is 0. */
export function reachOf(totals: readonly ReachTotal[]): Reach {
  const reach: Reach = {
    reporting: 0,
    participants: 0,
    sessions: 0,
    supportHours: 0,
    devicesLent: 0,
    devicesRefurbished: 0,
    breakdowns: Object.fromEntries(BREAKDOWNS.map((b) => [b, {}])),
    digcompGrants: {},
  };
  for (const { indicator, key, n } of totals) {
    if (indicator === 'reporting') reach.reporting = n;
    else if (indicator === 'digcomp-areas') reach.digcompGrants[key] = n;
    else if (Object.hasOwn(COUNTED_INDICATORS, indicator))
      reach[COUNTED_INDICATORS[indicator as keyof typeof COUNTED_INDICATORS]] = n;
    else if (Object.hasOwn(reach.breakdowns, indicator)) reach.breakdowns[indicator]![key] = n;
  }
  return reach;
}

/** A share in [0, 1] of `part` in `whole`; 0 when the whole is 0. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
