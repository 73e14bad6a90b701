import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { announcementDraft } from '../../domain/announcement.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { applicantOutcome } from './applicantOutcome.ts';
import { confirmDecision } from './commands/confirmDecision.ts';
import { promoteReserve, promotionProposal, withdrawSelected } from './commands/promotion.ts';
import { publishResults } from './commands/publishResults.ts';
import { savePlan } from './commands/savePlan.ts';
import { saveAnnouncement } from './commands/saveAnnouncement.ts';
import { files } from '../../platform/storage/schema.ts';
import { invalidating } from '../../platform/http/publishedPages.ts';
import type { DecisionsDeps } from './deps.ts';
import { letterRunner } from './letterIssuer.ts';
import { openGrantsWithDisbursements } from './openData.ts';
import { decisionBlockers, plannedOutcomes, type PlannedOutcome } from './outcomes.ts';
import { callResults, publishedCallIds, type CallResults } from './publicResults.ts';
import { compareModes, runSelection, unjustified, type ComparedRun, type SelectionRun } from './runSelection.ts';
import { callDecisions, decisionOutcomes } from './schema.ts';
import { planForCall, selectionFacts, type PlanSettings, type SelectionFacts } from './selectionFacts.ts';

export interface SelectionView {
  facts: SelectionFacts;
  run: ComparedRun;
  outcomes: PlannedOutcome[];
  /** Violations of the shown plan that have no justification yet. */
  missing: ReturnType<typeof unjustified>;
  blockers: string[];
}

export interface DecisionView {
  facts: SelectionFacts;
  /** The saved plan's outcomes (before the decision) or the decided ones (after). */
  outcomes: PlannedOutcome[];
  run: SelectionRun | null;
  blockers: string[];
  proposal: PlannedOutcome[];
  /** The applications whose letter is written (the others' is on its way). */
  lettersReady: ReadonlySet<string>;
  announcement: { fr: string; nl: string } | null;
  results: CallResults | null;
}

/**
 * Selection within budget and the decision: the officer's plan and its what-ifs, the decision
 * with its letters, promotions from the reserve list, and the publication of the results.
 */
export function decisionsService(base: DecisionsDeps) {
  const deps = { ...base, letters: letterRunner(base) };
  const pages = base.publishedPages;
  // The selected projects' grants are made once the decision (or a promotion) is committed. If that fails, the
  // decision stands and its grants stay owed (grantsOwedSince): the clock's offerOwedGrants makes them later.
  const offerGrants = async (callId: string): Promise<number> => {
    if (!base.grantOffers) return 0;
    const started = new Date();
    try {
      const made = await base.grantOffers.createGrants(callId);
      // Only what was owed before this run is settled: a promotion committed meanwhile stays owed.
      await base.db
        .update(callDecisions)
        .set({ grantsOwedSince: null })
        .where(and(eq(callDecisions.callId, callId), lte(callDecisions.grantsOwedSince, started)));
      return made;
    } catch (error) {
      base.log.error({ err: error, callId }, 'grants not made after the decision; the clock will try again');
      return 0;
    }
  };
  const allResults = async () => Promise.all((await publishedCallIds(deps)).map((id) => callResults(deps, id)));
  return {
    savePlan: (input: Parameters<typeof savePlan>[1]) => savePlan(deps, input),
    // The results pages and the open data show these: rendered anew once the change is committed.
    confirmDecision: invalidating(pages, 'decision', async (input: Parameters<typeof confirmDecision>[1]) => {
      const decided = await confirmDecision(deps, input);
      if (decided.ok) await offerGrants(input.callId);
      return decided;
    }),
    publishResults: invalidating(pages, 'results published', (input: Parameters<typeof publishResults>[1]) =>
      publishResults(deps, input),
    ),
    saveAnnouncement: invalidating(pages, 'announcement', (input: Parameters<typeof saveAnnouncement>[1]) =>
      saveAnnouncement(deps, input),
    ),
    withdrawSelected: invalidating(pages, 'grant withdrawn', (input: Parameters<typeof withdrawSelected>[1]) =>
      withdrawSelected(deps, input),
    ),
    promoteReserve: invalidating(pages, 'reserve promoted', async (input: Parameters<typeof promoteReserve>[1]) => {
      const promoted = await promoteReserve(deps, input);
      if (promoted.ok) await offerGrants(input.callId);
      return promoted;
    }),
    /** Makes the grants decisions still owe (the clock's work); returns how many it made. */
    async offerOwedGrants(): Promise<number> {
      const owed = await base.db
        .select({ callId: callDecisions.callId })
        .from(callDecisions)
        .where(isNotNull(callDecisions.grantsOwedSince));
      let made = 0;
      for (const { callId } of owed) made += await offerGrants(callId);
      return made;
    },
    /** Writes the letters decisions still owe; resolves once they are written (the clock calls it too). */
    issueLetters: () => deps.letters.issue(),

    /** The selection for a plan (the saved one, or what the officer is trying) and a budget; nothing is saved. */
    async selectionView(
      actor: MaybeActor,
      callId: string,
      whatIf?: { plan: PlanSettings; budgetCents: number | null },
    ): Promise<SelectionView> {
      const facts = await selectionFacts(deps, actor, callId);
      const plan = whatIf ? planForCall(whatIf.plan, facts) : facts.plan;
      const run = await compareModes(deps, facts, plan, whatIf?.budgetCents ?? facts.managed.call.budgetCents);
      return {
        facts,
        run,
        outcomes: plannedOutcomes(facts, run.result),
        missing: unjustified(run.result.violations, plan),
        blockers: decisionBlockers(facts),
      };
    },

    /** What the selection is computed from (ranking, plan, decision, outcomes), for the officers; nothing is run. */
    facts: (actor: MaybeActor, callId: string): Promise<SelectionFacts> => selectionFacts(deps, actor, callId),

    async decisionView(actor: MaybeActor, callId: string): Promise<DecisionView> {
      const facts = await selectionFacts(deps, actor, callId);
      if (!facts.decision) {
        const run = await runSelection(deps, facts, facts.plan, facts.managed.call.budgetCents);
        return {
          facts,
          run,
          outcomes: plannedOutcomes(facts, run.result),
          blockers: decisionBlockers(facts),
          proposal: [],
          lettersReady: new Set(),
          announcement: null,
          results: null,
        };
      }
      const everyone = [...facts.ranked, ...facts.unranked];
      const outcomes = facts.outcomes
        .map((o): PlannedOutcome => ({
          candidate: everyone.find((c) => c.id === o.applicationId)!,
          outcome: o.outcome,
          amountCents: o.amountCents,
          partial: o.partial,
          rank: o.rank,
          reason: o.withdrawnAt ? 'withdrawn' : o.reason,
          event: null,
        }))
        .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
      const results = await callResults(deps, callId, { published: false });
      return {
        facts,
        run: null,
        outcomes,
        blockers: [],
        proposal: await promotionProposal(deps, facts),
        lettersReady: new Set(facts.outcomes.flatMap((o) => (o.letterFileId ? [o.applicationId] : []))),
        announcement: facts.decision.announcement ?? draftOf(results),
        results,
      };
    },

    /** The letter of an application, for its organisation's members and the call's officers. */
    async letter(actor: MaybeActor, applicationId: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
      await deps.applications.view(actor, applicationId);
      return letterFile(deps, applicationId);
    },

    /** An application's outcome, amount and what comes next, for its own page (its readers only). */
    outcomeFor: (actor: MaybeActor, applicationId: string) => applicantOutcome(deps, actor, applicationId),
    results: (callId: string) => callResults(deps, callId),
    /** The decided call's funded projects, published or not yet (for the grants the decision owes). */
    decidedResults: (callId: string) => callResults(deps, callId, { published: false }),
    async openGrants(callId: string) {
      return openGrantsWithDisbursements(deps, [await callResults(deps, callId)]);
    },
    async allOpenGrants() {
      return openGrantsWithDisbursements(deps, await allResults());
    },
    /** Every call whose results are public, for the open-data page. */
    publishedResults: () => allResults(),
  };
}
export type DecisionsService = ReturnType<typeof decisionsService>;
export type { FixedAmount } from './schema.ts';

function draftOf(results: CallResults) {
  const { call } = results;
  return announcementDraft({
    funderName: { fr: call.funderName.fr, nl: call.funderName.nl ?? call.funderName.fr },
    callTitle: { fr: call.title.fr, nl: call.title.nl ?? call.title.fr },
    budgetCents: results.budgetCents,
    totalCents: results.totalCents,
    funnel: results.funnel,
    jury: call.evaluationCriteria.length > 0,
    grantRange: { min: call.grantMinCents, max: call.grantMaxCents },
    projects: results.projects.map((p) => ({
      organisation: p.organisationName,
      title: p.title,
      summary: p.summary,
      amountCents: p.amountCents,
    })),
  });
}

async function letterFile(deps: DecisionsDeps, applicationId: string) {
  const [row] = await deps.db
    .select({ name: files.name, mime: files.mime, storageKey: files.storageKey })
    .from(decisionOutcomes)
    .innerJoin(files, eq(files.id, decisionOutcomes.letterFileId))
    .where(eq(decisionOutcomes.applicationId, applicationId));
  if (!row) throw new NotFoundError('letter');
  return { name: row.name, mime: row.mime, bytes: await deps.storage.get(row.storageKey) };
}
