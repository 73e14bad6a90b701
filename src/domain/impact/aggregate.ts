// What a programme or a call achieved, summed from its grants and their reports. Nothing is stored: the figures
// are derived from the records each time, so they never disagree with them.
//
// Money: granted is what the decisions awarded (less grants declined), committed what binding agreements hold,
// paid what the bank paid. People: a grant's reach is its latest approved report (reports count from the start
// of the project, so an interim and a final report are not added); the grants' reaches are then summed.

import type { GrantStatus } from '../grants/grantLifecycle.ts';
import type { IndicatorValue, IndicatorValues } from '../grants/reportIndicators.ts';
import type { TrancheStatus } from '../grants/trancheLifecycle.ts';
import type { Cents } from '../money.ts';

/** Which grants a figure sums: one call's, some funders', or every grant (grants exist once results are public). */
export type GrantScope = { readonly callIds: readonly string[] } | { readonly funderIds: readonly string[] } | 'all';

export interface GrantForImpact {
  readonly id: string;
  readonly status: GrantStatus;
  readonly offeredCents: Cents;
  readonly tranches: readonly { readonly status: TrancheStatus; readonly amountCents: Cents }[];
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

export function budgetFigures(grants: readonly GrantForImpact[], budgetCents: Cents): BudgetFigures {
  const figures: BudgetFigures = {
    budgetCents,
    grantedCents: 0,
    committedCents: 0,
    paidCents: 0,
    grants: grants.length,
    byStatus: {},
  };
  for (const g of grants) {
    figures.byStatus[g.status] = (figures.byStatus[g.status] ?? 0) + 1;
    if (g.status !== 'declined') figures.grantedCents += g.offeredCents;
    if (BINDING.has(g.status)) figures.committedCents += g.offeredCents;
    for (const t of g.tranches) if (t.status === 'paid') figures.paidCents += t.amountCents;
  }
  return figures;
}

export interface ReportForImpact {
  readonly grantId: string;
  /** When it was approved: the latest per grant counts. */
  readonly approvedAt: Date;
  readonly values: IndicatorValues;
}

/** The latest approved report of each grant. */
export function latestPerGrant(reports: readonly ReportForImpact[]): ReportForImpact[] {
  const latest = new Map<string, ReportForImpact>();
  for (const r of reports) {
    const seen = latest.get(r.grantId);
    if (!seen || r.approvedAt > seen.approvedAt) latest.set(r.grantId, r);
  }
  return [...latest.values()];
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

const countOf = (v: IndicatorValue | undefined): number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : 0;

const isCounts = (v: IndicatorValue | undefined): v is Readonly<Record<string, number>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The reach of the grants, from each one's latest approved report. */
export function reachOf(reports: readonly ReportForImpact[]): Reach {
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
  for (const { values } of latestPerGrant(reports)) {
    reach.reporting += 1;
    reach.participants += countOf(values['participants']);
    reach.sessions += countOf(values['sessions']);
    reach.supportHours += countOf(values['support-hours']);
    reach.devicesLent += countOf(values['devices-lent']);
    reach.devicesRefurbished += countOf(values['devices-refurbished']);
    for (const b of BREAKDOWNS) {
      const counts = values[b];
      if (!isCounts(counts)) continue;
      const sums = reach.breakdowns[b]!;
      for (const [key, n] of Object.entries(counts)) sums[key] = (sums[key] ?? 0) + countOf(n);
    }
    const areas = values['digcomp-areas'];
    if (Array.isArray(areas))
      for (const id of new Set(areas as readonly string[]))
        reach.digcompGrants[id] = (reach.digcompGrants[id] ?? 0) + 1;
  }
  return reach;
}

/** A share in [0, 1] of `part` in `whole`; 0 when the whole is 0. */
export function shareOf(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
