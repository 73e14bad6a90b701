import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { lacksLanguage, type Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsCommandDeps } from '../deps.ts';
import { decisionBlockers, plannedOutcomes, type DecisionBlocker } from '../outcomes.ts';
import type { OfficerTransitionRefusal } from '../../applications/service.ts';
import { runSelection, unjustified, violationKey } from '../runSelection.ts';
import { callDecisions, decisionOutcomes, selectionPlans } from '../schema.ts';
import { selectionFacts } from '../selectionFacts.ts';

/** Calls that can be decided: closed to applications, not decided yet. */
const DECIDABLE = ['closed', 'screening', 'evaluation', 'deliberation'];

/**
 * Why a decision is not taken: one was already; the call still takes applications; something is not
 * ready (its blockers); the plan changed since it was read; a broken rule nobody justified; an
 * application moved meanwhile (withdrawn by its applicant).
 */
export type ConfirmDecisionRefusal =
  | 'decided'
  | 'call-open'
  | DecisionBlocker
  | 'stale-plan'
  | 'missing-translations'
  | 'unjustified-violations'
  | OfficerTransitionRefusal;

/**
 * Confirms the saved plan as the call's decision, taken by a named body on a given day: every
 * ranked application is selected (with its amount), put on the reserve list or not selected, with
 * the reason. One transaction: all of it or nothing; each applicant's letter and mail follow it
 * (letterIssuer.ts).
 * The selection is computed again from the ranking: the decision is exactly what the officer saw,
 * and it refuses a violation nobody justified.
 */
export async function confirmDecision(
  deps: DecisionsCommandDeps,
  input: {
    actor: MaybeActor;
    callId: string;
    version: number;
    /** Each text in every language the funder requires: the letters and pages name them in their reader's. */
    decidingBody: Translated;
    decidedOn: string;
    /** Who signs the letters, and in which function. */
    signatoryName?: string;
    signatoryFunction?: Translated;
    /** The appeal routes the letters state; null: the default text of each language. */
    appealRoutes?: Translated | null;
    now?: Date;
  },
): Promise<Outcome<void, ConfirmDecisionRefusal>> {
  const now = input.now ?? new Date();
  const facts = await selectionFacts(deps, input.actor, input.callId);
  const { call } = facts.managed;
  const decided = await refusable<void, ConfirmDecisionRefusal>(async (refuse) => {
    if (facts.decision) refuse('decided');
    if (!DECIDABLE.includes(call.status)) refuse('call-open');
    const [blocker, ...blockers] = decisionBlockers(facts);
    if (blocker) refuse(blocker, ...blockers);
    if (facts.plan.version !== input.version) refuse('stale-plan');
    const texts = [input.decidingBody, input.signatoryFunction, input.appealRoutes];
    if (!input.decidingBody.fr.trim() || call.funderLanguages.some((lang) => texts.some((t) => lacksLanguage(t, lang))))
      refuse('missing-translations');
    const run = await runSelection(deps, facts, facts.plan, call.budgetCents);
    const acknowledged = new Set(facts.plan.acknowledged);
    if (
      unjustified(run.result.violations, facts.plan).length ||
      run.result.violations.some((v) => !acknowledged.has(violationKey(v)))
    ) {
      refuse('unjustified-violations');
    }
    const outcomes = plannedOutcomes(facts, run.result);

    const actorId = input.actor!.userId;
    await inTransaction(deps, async (tx) => {
      const [plan] = await tx
        .select({ version: selectionPlans.version })
        .from(selectionPlans)
        .where(eq(selectionPlans.callId, call.id))
        .for('update');
      if ((plan?.version ?? 0) !== input.version) refuse('stale-plan');
      // The call moves first: its row is locked, and a decision taken meanwhile (by another officer or
      // instance) makes this one refused.
      const moved = await deps.calls.transitionCall(tx, facts.managed.scoped, { event: 'decide', now });
      if (!moved.ok) refuse('decided');
      await tx.insert(callDecisions).values({
        callId: call.id,
        decidingBody: input.decidingBody,
        decidedOn: input.decidedOn,
        signatoryName: input.signatoryName ?? '',
        signatoryFunction: input.signatoryFunction ?? { fr: '' },
        appealRoutes: input.appealRoutes ?? null,
        mode: facts.plan.mode,
        budgetCents: call.budgetCents,
        recordedBy: actorId,
        recordedAt: now,
      });
      for (const o of outcomes) {
        await tx.insert(decisionOutcomes).values({
          applicationId: o.candidate.id,
          callId: call.id,
          outcome: o.outcome,
          amountCents: o.amountCents,
          rank: o.rank,
          partial: o.partial,
          reason: o.reason,
        });
        if (o.event) {
          const application = await deps.applications.transitionByOfficer(tx, {
            applicationId: o.candidate.id,
            event: o.event,
            actorId,
            funderId: call.funderId,
            reason: o.reason,
            now,
          });
          if (!application.ok) refuse(...application.refusals);
        }
      }
      const selected = outcomes.filter((o) => o.outcome === 'selected');
      const head = await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.decided',
        subjectType: 'call',
        subjectId: call.id,
        before: { status: call.status },
        after: {
          status: 'decided',
          decidingBody: input.decidingBody,
          decidedOn: input.decidedOn,
          mode: facts.plan.mode,
          selected: selected.map((o) => ({
            id: o.candidate.id,
            reference: o.candidate.reference,
            amount: o.amountCents,
          })),
          reserve: outcomes.filter((o) => o.outcome === 'reserve').map((o) => o.candidate.reference),
          total: run.result.total,
          budget: call.budgetCents,
          violations: run.result.violations,
        },
        reason:
          [facts.plan.justification, ...facts.plan.fixed.map((f) => f.justification)]
            .filter((j) => j.trim())
            .join('\n') || null,
      });
      // The decision keeps the chain's head as it stood once it was recorded: a trail cut short or rewritten shows.
      await tx
        .update(callDecisions)
        .set({ auditSeq: head.seq, auditHash: head.hash })
        .where(eq(callDecisions.callId, call.id));
    });
  });
  if (decided.ok) void deps.letters.issue();
  return decided;
}
