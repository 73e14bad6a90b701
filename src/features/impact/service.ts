// The impact of the calls: for a call's officers, for the officers and administrators of a funder across its
// calls, and for the public across every call with published results (aggregates only, small cells hidden).
import { authorize, type MaybeActor } from '../../domain/access.ts';
import { installationAbilities } from '../../domain/adminPolicy.ts';
import {
  breakdownCategories,
  budgetFigures,
  reachOf,
  type BudgetFigures,
  type GrantScope,
  type Reach,
} from '../../domain/impact/aggregate.ts';
import type { ReferencePopulation } from '../../domain/impact/referencePopulation.ts';
import { DEFAULT_TARGET_PUBLICS, type KeyedLabel } from '../../domain/referenceData.ts';
import type { Translated } from '../../domain/translated.ts';
import type { ScopedCall } from '../calls/service.ts';
import {
  setReferencePopulation,
  storedReferencePopulation,
  type ReferenceFigures,
} from './commands/setReferencePopulation.ts';
import type { ImpactDeps } from './deps.ts';

export interface ImpactFigures {
  budget: BudgetFigures;
  reach: Reach;
  /** The target publics the breakdown by public uses, with "another public" last. */
  publics: readonly KeyedLabel[];
  /** What the participants of the reference ages are set against: the administrators' figures. */
  population: ReferencePopulation;
}

const ANOTHER_PUBLIC: KeyedLabel = {
  key: 'other',
  label: { fr: 'Autre public', nl: 'Ander publiek', en: 'Another public' },
};

export interface CallImpact {
  call: ScopedCall;
  figures: ImpactFigures;
}

export interface ProgrammeImpact {
  funders: { id: string; name: Translated }[];
  calls: number;
  figures: ImpactFigures;
}

export function impactService(deps: ImpactDeps) {
  /** The publics of these funders' lists (the defaults for a funder without its own), each key once. */
  const publicsOf = async (funderIds: readonly string[]): Promise<KeyedLabel[]> => {
    const lists = funderIds.length
      ? await Promise.all(funderIds.map((id) => deps.calls.terms(id, 'target-public')))
      : [DEFAULT_TARGET_PUBLICS];
    const byKey = new Map(lists.flat().map((p) => [p.key, p] as const));
    byKey.delete(ANOTHER_PUBLIC.key);
    return [...byKey.values(), ANOTHER_PUBLIC];
  };

  /** The figures of the grants in scope; the budget is the calls' budgets summed. */
  const figuresOf = async (
    scope: GrantScope,
    funderIds: readonly string[],
    budgetOf: (callIds: string[]) => Promise<number>,
  ) => {
    // One after the other: the embedded database runs one statement at a time anyway.
    const totals = await deps.grants.totals(scope);
    const publics = await publicsOf(funderIds);
    const reach = reachOf(await deps.reports.reachTotals(scope, breakdownCategories(publics)));
    const callIds = [...new Set(totals.map((t) => t.callId))];
    const figures: ImpactFigures = {
      budget: budgetFigures(totals, await budgetOf(callIds)),
      reach,
      publics,
      population: (await storedReferencePopulation(deps.db)).population,
    };
    return { figures, calls: callIds.length };
  };

  const budgetsOf = async (callIds: string[]) => {
    const calls = await Promise.all(callIds.map((id) => deps.calls.publicCall(id)));
    return calls.reduce((sum, c) => sum + c.budgetCents, 0);
  };

  return {
    /** A call's dashboard, for its officers. */
    async callImpact(actor: MaybeActor, callId: string): Promise<CallImpact> {
      const call = await deps.calls.load(actor, callId, { action: 'manage' });
      const { figures } = await figuresOf(
        { callIds: [call.record.id] },
        [call.record.funderId],
        async () => call.record.budgetCents,
      );
      return { call, figures };
    },

    /** The programme of the funders whose calls the actor runs (every funder for the installation's administrators). */
    async programmeImpact(actor: MaybeActor): Promise<ProgrammeImpact> {
      authorize(actor, installationAbilities(actor).runCalls, 'see the programme');
      const funders = await deps.calls.managedFunders(actor);
      const ids = funders.map((f) => f.id);
      const { figures, calls } = await figuresOf({ funderIds: ids }, ids, budgetsOf);
      return { funders, calls, figures };
    },

    /**
     * Every call with published results, for everyone: the same figures, which the public page shows with the
     * small cells hidden. Grants exist only once a call's results are published, so every grant counts.
     */
    async publicImpact(): Promise<Omit<ProgrammeImpact, 'funders'>> {
      const { figures, calls } = await figuresOf('all', [], budgetsOf);
      return { calls, figures };
    },

    /** The reference population with the version its form edits, for the installation's administrators. */
    async referencePopulation(actor: MaybeActor) {
      authorize(actor, installationAbilities(actor).manageReferenceData, 'set the reference population');
      return storedReferencePopulation(deps.db);
    },

    setReferencePopulation: (input: { actor: MaybeActor; figures: ReferenceFigures; version: number }) =>
      setReferencePopulation(deps, input),

    /** What was paid on the grants of these applications, for the 360Giving feed. */
    disbursements: (applicationIds: readonly string[]) => deps.grants.paidTransfers(applicationIds),
  };
}

export type ImpactService = ReturnType<typeof impactService>;
