// From a selection result to each application's part of the decision, and to the facts of its
// letter: one place decides what "not selected because…" means for the decision, its letters and
// the pages that show it.
import type { ApplicationEvent } from '../../domain/applicationLifecycle.ts';
import { weightedTotal } from '../../domain/callCriteria.ts';
import type { SelectionResult } from '../../domain/selection/index.ts';
import { inLocale } from '../../domain/translated.ts';
import type { LetterFacts } from './letters.ts';
import type { Outcome } from './schema.ts';
import type { Candidate, SelectionFacts } from './selectionFacts.ts';

export interface PlannedOutcome {
  candidate: Candidate;
  outcome: Outcome;
  amountCents: number | null;
  partial: boolean;
  rank: number | null;
  reason: string;
  /** How the application's status moves (null: it stays, as an ineligible one does). */
  event: Extract<ApplicationEvent, 'select' | 'reserve' | 'reject'> | null;
}

/**
 * Every submitted application's outcome: the ranked ones as the selection placed them, the
 * ineligible ones as not selected. Withdrawn applications are no longer part of the decision.
 */
export function plannedOutcomes(
  facts: Pick<SelectionFacts, 'ranked' | 'unranked'>,
  result: SelectionResult,
): PlannedOutcome[] {
  const byId = new Map(facts.ranked.map((c) => [c.id, c]));
  const placed = new Set<string>();
  const list: PlannedOutcome[] = [];
  const add = (id: string, o: Omit<PlannedOutcome, 'candidate'>) => {
    placed.add(id);
    list.push({ candidate: byId.get(id)!, ...o });
  };
  for (const s of result.selected)
    add(s.id, {
      outcome: 'selected',
      amountCents: s.amount,
      partial: s.partial,
      rank: byId.get(s.id)!.rank,
      reason: s.reason,
      event: 'select',
    });
  for (const r of result.reserve)
    add(r.id, {
      outcome: 'reserve',
      amountCents: null,
      partial: false,
      rank: byId.get(r.id)!.rank,
      reason: r.reason ?? 'budget',
      event: 'reserve',
    });
  for (const r of result.rejected)
    add(r.id, {
      outcome: 'not-selected',
      amountCents: null,
      partial: false,
      rank: byId.get(r.id)!.rank,
      reason: r.reason,
      event: 'reject',
    });
  // A ranked application without a requested amount never reached the engine.
  for (const c of facts.ranked)
    if (!placed.has(c.id))
      add(c.id, {
        outcome: 'not-selected',
        amountCents: null,
        partial: false,
        rank: c.rank,
        reason: 'no-request',
        event: 'reject',
      });
  for (const c of facts.unranked)
    if (c.status === 'ineligible')
      list.push({
        candidate: c,
        outcome: 'not-selected',
        amountCents: null,
        partial: false,
        rank: null,
        reason: 'ineligible',
        event: null,
      });
  return list.sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.candidate.reference < b.candidate.reference ? -1 : 1),
  );
}

/** Applications that still wait for a step before the call can be decided. */
/** What keeps a call from being decided: nothing ranked, applications not scored or not screened yet. */
export type DecisionBlocker = 'nothing-ranked' | 'unscored' | 'unscreened';

export function decisionBlockers(facts: Pick<SelectionFacts, 'awaiting' | 'unranked' | 'ranked'>): DecisionBlocker[] {
  const problems: DecisionBlocker[] = [];
  if (!facts.ranked.length) problems.push('nothing-ranked');
  if (facts.awaiting.length) problems.push('unscored');
  if (facts.unranked.some((c) => c.status === 'submitted' || c.status === 'returned')) problems.push('unscreened');
  return problems;
}

export type LetterContext = Pick<
  LetterFacts,
  | 'funderName'
  | 'callTitle'
  | 'decidingBody'
  | 'decidedOn'
  | 'recordedAt'
  | 'criteria'
  | 'funder'
  | 'signatory'
  | 'appealRoutes'
> & {
  consensus: Map<string, { scores: Record<string, number>; comments: Record<string, string>; comment: string }>;
  targetPublicLabel: (key: string) => LetterFacts['funderName'];
};

/**
 * The letter facts of one outcome. `decided` is the whole decision's outcomes: the rank is read
 * against every ranked application, the reserve position along the reserve list in rank order.
 */
export function letterFactsOf(
  o: PlannedOutcome,
  decided: readonly Pick<PlannedOutcome, 'outcome' | 'rank'>[],
  context: LetterContext,
  promoted = false,
): LetterFacts {
  const agreed = context.consensus.get(o.candidate.id);
  const reserve = decided.filter((x) => x.outcome === 'reserve');
  const publicKey = o.reason.startsWith('rule:minPerTargetPublic:')
    ? o.reason.slice('rule:minPerTargetPublic:'.length)
    : null;
  return {
    locale: o.candidate.locale,
    funderName: context.funderName,
    callTitle: context.callTitle,
    decidingBody: context.decidingBody,
    decidedOn: context.decidedOn,
    recordedAt: context.recordedAt,
    funder: context.funder,
    signatory: context.signatory,
    appealRoutes: context.appealRoutes,
    application: {
      reference: o.candidate.reference,
      title: o.candidate.title,
      organisationName: o.candidate.organisationName,
      requestedCents: o.candidate.requestedCents,
    },
    outcome: {
      outcome: o.outcome,
      amountCents: o.amountCents,
      partial: o.partial,
      rank: o.rank,
      reason: o.reason,
      promoted,
    },
    reservePosition: o.outcome === 'reserve' ? reserve.filter((x) => (x.rank ?? 0) < (o.rank ?? 0)).length + 1 : null,
    rankedCount: decided.filter((x) => x.rank !== null).length,
    criteria: context.criteria,
    consensus: agreed ? { ...agreed, total: weightedTotal([...context.criteria], agreed.scores) } : null,
    ...(publicKey ? { ruleLabel: inLocale(context.targetPublicLabel(publicKey), o.candidate.locale) } : {}),
  };
}
