// Everything a selection is computed from, read once per request: the ranking (from the jury's
// consensus), each ranked application's facts, the saved plan and the decision if there is one.
import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import type { ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import { isLocale, type Locale } from '../../domain/locale.ts';
import type { SelectionInput } from '../../domain/selection/index.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallForManagement } from '../calls/service.ts';
import type { DecisionsDeps } from './deps.ts';
import { callDecisions, decisionOutcomes, selectionPlans, type FixedAmount } from './schema.ts';

export interface Candidate {
  id: string;
  reference: string;
  title: string;
  status: ApplicationStatus;
  organisationId: string;
  organisationName: string;
  enterpriseNumber: string;
  requestedCents: number;
  targetPublics: string[];
  communes: string[];
  /** The commune the per-commune rule counts the project in: the first it serves, else the organisation's seat. */
  mainCommune: string;
  /** The language the applicant writes in: that of the member who saved the application last. */
  locale: Locale;
  /** Null for an application submitted but never ranked (ineligible, not yet agreed on). */
  rank: number | null;
  total: number | null;
  passes: boolean;
}

type CandidateRow = Awaited<ReturnType<ApplicationsService['candidatesOf']>>[number];

export interface PlanSettings {
  mode: 'ranking' | 'constrained';
  partialFloorPercent: number | null;
  minPerTargetPublic: Record<string, number>;
  maxPerCommune: number | null;
  maxPerOrganisation: number | null;
  fixed: FixedAmount[];
  justification: string;
}

export type SavedPlan = PlanSettings & { version: number; acknowledged: string[]; updatedAt: Date | null };

export interface SelectionFacts {
  managed: CallForManagement;
  /** Ranked applications in rank order. */
  ranked: Candidate[];
  /** Eligible applications the panel has not agreed on yet: the decision waits for them. */
  awaiting: { id: string; reference: string; title: string }[];
  /** Submitted applications outside the ranking (ineligible, withdrawn, still being screened). */
  unranked: Candidate[];
  plan: SavedPlan;
  decision: typeof callDecisions.$inferSelect | null;
  outcomes: (typeof decisionOutcomes.$inferSelect)[];
}

const EMPTY_PLAN: SavedPlan = {
  mode: 'ranking',
  partialFloorPercent: null,
  minPerTargetPublic: {},
  maxPerCommune: null,
  maxPerOrganisation: null,
  fixed: [],
  justification: '',
  version: 0,
  acknowledged: [],
  updatedAt: null,
};

export async function selectionFacts(deps: DecisionsDeps, actor: MaybeActor, callId: string): Promise<SelectionFacts> {
  const managed = await deps.calls.callForManagement(actor, callId);
  // One read of the call's applications: the ranking is made from the candidates' rows.
  const submitted = await deps.applications.candidatesOf(callId);
  const ranking = await deps.scoring.rankingOf(managed, submitted);
  const candidates = await candidatesOf(deps, callId, new Map(ranking.ranked.map((r) => [r.id, r])), submitted);
  const [plan] = await deps.db.select().from(selectionPlans).where(eq(selectionPlans.callId, callId));
  const [decision] = await deps.db.select().from(callDecisions).where(eq(callDecisions.callId, callId));
  const outcomes = decision
    ? await deps.db.select().from(decisionOutcomes).where(eq(decisionOutcomes.callId, callId))
    : [];
  return {
    managed: ranking.managed,
    ranked: candidates.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!),
    awaiting: ranking.awaiting.map((a) => ({ id: a.id, reference: a.reference, title: a.title })),
    unranked: candidates.filter((c) => c.rank === null),
    plan: plan
      ? {
          mode: plan.mode,
          partialFloorPercent: plan.partialFloorPercent,
          minPerTargetPublic: { ...(plan.rules.minPerTargetPublic ?? {}) },
          maxPerCommune: plan.rules.maxPerCommune ?? null,
          maxPerOrganisation: plan.rules.maxPerOrganisation ?? null,
          fixed: plan.fixed,
          justification: plan.justification,
          version: plan.version,
          acknowledged: plan.acknowledged,
          updatedAt: plan.updatedAt,
        }
      : EMPTY_PLAN,
    decision: decision ?? null,
    outcomes,
  };
}

/**
 * The call's submitted applications with what the selection and the letters read of them; no
 * authorisation here: callers have decided who reads (an officer), or write letters for the call.
 * `read`: the applications' rows when the caller has them already (the selection ranked them).
 */
export async function candidatesOf(
  deps: DecisionsDeps,
  callId: string,
  rankOf: ReadonlyMap<string, { rank: number; total: number; passes: boolean }>,
  read?: CandidateRow[],
): Promise<Candidate[]> {
  const submitted = read ?? (await deps.applications.candidatesOf(callId));
  const organisations = await deps.organisations.names([...new Set(submitted.map((a) => a.organisationId))]);
  return submitted.map((a): Candidate => {
    const organisation = organisations.get(a.organisationId);
    const ranked = rankOf.get(a.id);
    return {
      id: a.id,
      reference: a.reference,
      title: a.title,
      status: a.status,
      organisationId: a.organisationId,
      organisationName: organisation?.name ?? '',
      enterpriseNumber: organisation?.enterpriseNumber ?? a.organisationId,
      requestedCents: a.requestedCents ?? 0,
      targetPublics: a.targetPublics,
      communes: a.communes,
      mainCommune: a.communes[0] ?? organisation?.communeNis ?? '-',
      locale: a.locale && isLocale(a.locale) ? a.locale : 'fr',
      rank: ranked?.rank ?? null,
      total: ranked?.total ?? null,
      passes: ranked?.passes ?? false,
    };
  });
}

/** A plan as the form sent it, restricted to what the call has: its target publics and its ranked applications. */
export function planForCall(plan: PlanSettings, facts: Pick<SelectionFacts, 'managed' | 'ranked'>): PlanSettings {
  const publics = new Set(facts.managed.targetPublics.map((p) => p.key));
  const ranked = new Set(facts.ranked.map((c) => c.id));
  return {
    ...plan,
    minPerTargetPublic: Object.fromEntries(Object.entries(plan.minPerTargetPublic).filter(([key]) => publics.has(key))),
    fixed: plan.fixed.filter((f) => ranked.has(f.applicationId)),
  };
}

/**
 * The engine's input for a plan. The engine ranks by score with ties in input order; the ranking
 * has already broken every tie by the call's rules, so the score given is the reversed rank.
 * An application without a requested amount cannot be funded and is left out.
 */
export function selectionInput(
  facts: Pick<SelectionFacts, 'managed' | 'ranked'>,
  plan: PlanSettings,
  budgetCents: number,
  mode = plan.mode,
): SelectionInput {
  const { call } = facts.managed;
  const fundable = facts.ranked.filter((c) => c.requestedCents > 0);
  const known = new Set(fundable.map((c) => c.id));
  return {
    mode,
    budget: budgetCents,
    grant: {
      min: call.grantMinCents,
      max: call.grantMaxCents,
      partialFloor: plan.partialFloorPercent === null ? null : plan.partialFloorPercent / 100,
    },
    applications: fundable.map((c) => ({
      id: c.id,
      requested: c.requestedCents,
      score: fundable.length - c.rank!,
      passedThresholds: c.passes,
      targetPublics: c.targetPublics,
      commune: c.mainCommune,
      organisation: c.enterpriseNumber,
    })),
    constraints: {
      minPerTargetPublic: plan.minPerTargetPublic,
      maxPerCommune: plan.maxPerCommune,
      maxPerOrganisation: plan.maxPerOrganisation,
    },
    fixed: plan.fixed
      .filter((f) => known.has(f.applicationId))
      .map((f) => ({ id: f.applicationId, amount: f.amountCents })),
  };
}
