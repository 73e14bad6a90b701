import type { z } from 'zod';
import type { ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import type { SelectionFacts } from '../decisions/selectionFacts.ts';
import type { RankingView } from '../jury/scoring/panelQueries.ts';
import type { ScreeningRow } from '../screening/service.ts';
import type { JuryBoard } from '../jury/service.ts';
import type { Assignment, DecisionOutcome, DecisionPage, RankingRow, ScreeningOutcome } from './contract.ts';
import { translated } from './present.ts';

// From the screening, scoring and decisions services' records to the contract's shapes. `changedAt`
// comes from the audit trail (paging.ts); a record without any entry falls back to the epoch, so a
// `changedSince` filter never hides it from a first full read.

const EPOCH = new Date(0);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function eligibilityOf(status: ApplicationStatus): z.output<typeof ScreeningOutcome>['eligibility'] {
  if (status === 'submitted' || status === 'returned' || status === 'draft') return 'pending';
  if (status === 'ineligible' || status === 'withdrawn') return status;
  return 'eligible';
}

export function presentScreening(row: ScreeningRow, changed: Date | undefined): z.output<typeof ScreeningOutcome> {
  return {
    applicationId: row.id,
    reference: row.reference ?? '',
    title: row.title,
    status: row.status,
    eligibility: eligibilityOf(row.status),
    checklist: { ...row.progress },
    changedAt: (changed ?? EPOCH).toISOString(),
  };
}

export function presentRanking(
  row: RankingView['ranked'][number],
  changed: Date | undefined,
): z.output<typeof RankingRow> {
  return {
    applicationId: row.id,
    reference: row.reference,
    title: row.title,
    status: row.status,
    rank: row.rank,
    total: row.total,
    passes: row.passes,
    changedAt: (changed ?? EPOCH).toISOString(),
  };
}

/**
 * Every assignment of the board, in reference order (then by assignment, so that the key the cursor
 * names is unique); the key is the paging's, not the contract's.
 */
export function presentAssignments(board: JuryBoard): (z.output<typeof Assignment> & { key: string })[] {
  const stages = new Map(board.jurors.map((j) => [j.id, j.stage]));
  return board.applications
    .flatMap((a) =>
      a.jurors.map((j) => ({
        key: `${a.reference ?? ''}|${j.assignmentId}`,
        id: j.assignmentId,
        applicationId: a.id,
        reference: a.reference,
        juror: { id: j.jurorId, name: j.name, stage: stages.get(j.jurorId) ?? 'withdrawn' },
        source: j.source,
        evaluation: j.evaluation,
        conflicted: j.conflicted,
        counts: j.counts,
        changedAt: j.changedAt.toISOString(),
      })),
    )
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every outcome of a decided call, in reference order; none before the decision. */
export function decisionOutcomes(facts: SelectionFacts): z.output<typeof DecisionOutcome>[] {
  const decision = facts.decision;
  if (!decision) return [];
  const references = new Map([...facts.ranked, ...facts.unranked].map((c) => [c.id, c.reference]));
  return facts.outcomes
    .map((o) => {
      const moments = [decision.recordedAt, decision.resultsPublishedAt, o.promotedAt, o.withdrawnAt];
      const changed = Math.max(...moments.map((d) => d?.getTime() ?? 0));
      return {
        applicationId: o.applicationId,
        reference: references.get(o.applicationId) ?? '',
        outcome: o.outcome,
        amountCents: o.amountCents,
        partial: o.partial,
        rank: o.rank,
        reason: o.withdrawnAt ? 'withdrawn' : o.reason,
        promotedAt: iso(o.promotedAt),
        withdrawnAt: iso(o.withdrawnAt),
        changedAt: new Date(changed).toISOString(),
      };
    })
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0));
}

export function decisionSummary(facts: SelectionFacts): z.output<typeof DecisionPage>['decision'] {
  const d = facts.decision;
  return d
    ? {
        decidingBody: translated(d.decidingBody),
        decidedOn: d.decidedOn,
        budgetCents: d.budgetCents,
        recordedAt: d.recordedAt.toISOString(),
        resultsPublishedAt: iso(d.resultsPublishedAt),
      }
    : null;
}
