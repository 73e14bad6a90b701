import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, refused, type Outcome, type Stale } from '../../../domain/refusal.ts';
import type { Violation } from '../../../domain/selection/index.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsDeps } from '../deps.ts';
import { runSelection, unjustified, violationKey, type SelectionRun } from '../runSelection.ts';
import { planForCall, selectionFacts, type PlanSettings } from '../selectionFacts.ts';
import { selectionPlans } from '../schema.ts';

export type SavePlanResult =
  { status: 'saved'; run: SelectionRun } | { status: 'needs-justification'; missing: Violation[] };

/** Why no plan is saved: the call is decided, or a colleague saved the plan since it was read. */
export type SavePlanRefusal = 'decided' | Stale;

/**
 * Saves the officer's plan (mode, rules, fixed amounts) for the call's budget. A plan whose fixed
 * amounts break a rule is saved only with a written justification for each broken rule; the rules
 * broken and the justifications go to the audit trail with the plan.
 */
export async function savePlan(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; version: number; plan: PlanSettings },
): Promise<Outcome<SavePlanResult, SavePlanRefusal>> {
  const facts = await selectionFacts(deps, input.actor, input.callId);
  if (facts.decision) return refused('decided');
  const plan = planForCall(input.plan, facts);
  const run = await runSelection(deps, facts, plan, facts.managed.call.budgetCents);
  const missing = unjustified(run.result.violations, plan);
  if (missing.length) return { ok: true, value: { status: 'needs-justification', missing } };

  const actorId = input.actor!.userId;
  return refusable<SavePlanResult, SavePlanRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      await tx.insert(selectionPlans).values({ callId: input.callId }).onConflictDoNothing();
      const [before] = await tx
        .select()
        .from(selectionPlans)
        .where(eq(selectionPlans.callId, input.callId))
        .for('update');
      if (before!.version !== input.version) refuse('stale');
      const after = {
        mode: plan.mode,
        partialFloorPercent: plan.partialFloorPercent,
        rules: {
          minPerTargetPublic: plan.minPerTargetPublic,
          maxPerCommune: plan.maxPerCommune,
          maxPerOrganisation: plan.maxPerOrganisation,
        },
        fixed: plan.fixed,
        justification: plan.justification,
        acknowledged: run.result.violations.map(violationKey),
      };
      await tx
        .update(selectionPlans)
        .set({ ...after, version: sql`${selectionPlans.version} + 1`, updatedBy: actorId, updatedAt: new Date() })
        .where(eq(selectionPlans.callId, input.callId));
      await recordAudit(tx, {
        actorId,
        funderId: facts.managed.call.funderId,
        action: 'selection.plan-saved',
        subjectType: 'call',
        subjectId: input.callId,
        before: {
          mode: before!.mode,
          partialFloorPercent: before!.partialFloorPercent,
          rules: before!.rules,
          fixed: before!.fixed,
        },
        after: {
          ...after,
          violations: run.result.violations,
          selected: run.result.selected.map((s) => ({ id: s.id, amount: s.amount })),
          unspent: run.result.unspent,
        },
        reason:
          [plan.justification, ...plan.fixed.map((f) => f.justification)].filter((j) => j.trim()).join('\n') || null,
      });
      return { status: 'saved', run } as const;
    }),
  );
}
