// When a selected applicant gives up its grant, its money goes back to the call: the officer
// records the withdrawal, then confirms the promotion the engine proposes — the next reserve
// applications that fit, under the decision's own mode, budget and rules, every standing grant
// kept as it was decided.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import type { OfficerTransitionRefusal } from '../../applications/service.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsCommandDeps, DecisionsDeps } from '../deps.ts';
import { plannedOutcomes, type PlannedOutcome } from '../outcomes.ts';
import { runSelection } from '../runSelection.ts';
import { callDecisions, decisionOutcomes } from '../schema.ts';
import { selectionFacts, type SelectionFacts } from '../selectionFacts.ts';

/** The reserve applications the engine would now select, with their amounts; empty when none fits. */
export async function promotionProposal(deps: DecisionsDeps, facts: SelectionFacts): Promise<PlannedOutcome[]> {
  if (!facts.decision) return [];
  const standing = facts.outcomes.filter((o) => !o.withdrawnAt);
  const fixed = standing.flatMap((o) => {
    if (o.outcome === 'selected')
      return [{ applicationId: o.applicationId, amountCents: o.amountCents ?? 0, justification: 'decided' }];
    if (o.outcome === 'not-selected' && o.reason === 'fixed')
      return [{ applicationId: o.applicationId, amountCents: 0, justification: 'decided' }];
    return [];
  });
  const plan = { ...facts.plan, mode: facts.decision.mode, fixed };
  const run = await runSelection(deps, facts, plan, facts.decision.budgetCents);
  // Ranks are the decision's: a withdrawal does not move anyone up in what the letters say.
  const decidedRank = new Map(standing.filter((o) => o.outcome === 'reserve').map((o) => [o.applicationId, o.rank]));
  return plannedOutcomes(facts, run.result)
    .filter((o) => o.outcome === 'selected' && decidedRank.has(o.candidate.id))
    .map((o) => ({ ...o, rank: decidedRank.get(o.candidate.id) ?? o.rank }));
}

/** The application is not (or no longer) selected, or moved meanwhile. */
export type WithdrawSelectedRefusal = 'not-selected' | OfficerTransitionRefusal;

/** Records that a selected applicant gave up its grant; its money is then free for a promotion. */
export async function withdrawSelected(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; applicationId: string; reason: string; now?: Date },
): Promise<Outcome<void, WithdrawSelectedRefusal>> {
  const { call } = await deps.calls.callForManagement(input.actor, input.callId);
  const now = input.now ?? new Date();
  return refusable<void, WithdrawSelectedRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const [outcome] = await tx
        .select()
        .from(decisionOutcomes)
        .where(and(eq(decisionOutcomes.applicationId, input.applicationId), eq(decisionOutcomes.callId, call.id)))
        .for('update');
      if (!outcome) throw new NotFoundError('application');
      if (outcome.outcome !== 'selected' || outcome.withdrawnAt) refuse('not-selected');
      await tx
        .update(decisionOutcomes)
        .set({ withdrawnAt: now })
        .where(eq(decisionOutcomes.applicationId, input.applicationId));
      const moved = await deps.applications.transitionByOfficer(tx, {
        applicationId: input.applicationId,
        event: 'renounce',
        actorId: input.actor!.userId,
        funderId: call.funderId,
        reason: input.reason,
        now,
      });
      if (!moved.ok) refuse(...moved.refusals);
    }),
  );
}

/** The proposal is not the one the officer confirmed (it changed meanwhile), or an application moved. */
export type PromoteReserveRefusal = 'stale-proposal' | OfficerTransitionRefusal;

/** Selects the proposed reserve applications, each owed a new letter; refused if the proposal changed meanwhile. */
export async function promoteReserve(
  deps: DecisionsCommandDeps,
  input: { actor: MaybeActor; callId: string; expected: string[]; now?: Date },
): Promise<Outcome<void, PromoteReserveRefusal>> {
  const now = input.now ?? new Date();
  const facts = await selectionFacts(deps, input.actor, input.callId);
  const proposal = await promotionProposal(deps, facts);
  const actorId = input.actor!.userId;
  const { call } = facts.managed;
  const promoted = await refusable<void, PromoteReserveRefusal>(async (refuse) => {
    if (!proposal.length || proposal.map((o) => o.candidate.id).join() !== input.expected.join())
      refuse('stale-proposal');
    await inTransaction(deps, async (tx) => {
      for (const o of proposal) {
        const updated = await tx
          .update(decisionOutcomes)
          .set({
            outcome: 'selected',
            amountCents: o.amountCents,
            partial: o.partial,
            reason: 'promoted',
            promotedAt: now,
            letterFileId: null,
          })
          .where(
            and(
              eq(decisionOutcomes.applicationId, o.candidate.id),
              eq(decisionOutcomes.outcome, 'reserve'),
              isNull(decisionOutcomes.withdrawnAt),
            ),
          )
          .returning({ id: decisionOutcomes.applicationId });
        if (!updated.length) refuse('stale-proposal');
        const moved = await deps.applications.transitionByOfficer(tx, {
          applicationId: o.candidate.id,
          event: 'select',
          actorId,
          funderId: call.funderId,
          reason: 'promoted from the reserve list',
          now,
        });
        if (!moved.ok) refuse(...moved.refusals);
      }
      // The database's clock, as the decision's: the grants made after this commit clear it (decisions service).
      await tx
        .update(callDecisions)
        .set({ grantsOwedSince: sql`now()` })
        .where(eq(callDecisions.callId, call.id));
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.reserve-promoted',
        subjectType: 'call',
        subjectId: call.id,
        after: {
          promoted: proposal.map((o) => ({
            id: o.candidate.id,
            reference: o.candidate.reference,
            amount: o.amountCents,
          })),
        },
      });
    });
  });
  if (promoted.ok) void deps.letters.issue();
  return promoted;
}
