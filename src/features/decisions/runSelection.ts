// Runs the selection engine on a plan (and, for the officer's page, in the other mode beside it),
// and says which of the result's violations the officer has not justified yet.
import { select, type SelectionResult, type Violation } from '../../domain/selection/index.ts';
import type { DecisionsDeps } from './deps.ts';
import { selectionInput, type PlanSettings, type SelectionFacts } from './selectionFacts.ts';

export interface SelectionRun {
  plan: PlanSettings;
  budgetCents: number;
  result: SelectionResult;
}

/** A run with the same plan in the other mode beside it, for the officer's comparison. */
export interface ComparedRun extends SelectionRun {
  other: SelectionResult;
}

export async function runSelection(
  deps: DecisionsDeps,
  facts: Pick<SelectionFacts, 'managed' | 'ranked'>,
  plan: PlanSettings,
  budgetCents: number,
): Promise<SelectionRun> {
  const result = await select(selectionInput(facts, plan, budgetCents), { solver: await deps.solver() });
  return { plan, budgetCents, result };
}

export async function compareModes(
  deps: DecisionsDeps,
  facts: Pick<SelectionFacts, 'managed' | 'ranked'>,
  plan: PlanSettings,
  budgetCents: number,
): Promise<ComparedRun> {
  const otherMode = plan.mode === 'ranking' ? 'constrained' : 'ranking';
  const [run, other] = await Promise.all([
    runSelection(deps, facts, plan, budgetCents),
    select(selectionInput(facts, plan, budgetCents, otherMode), { solver: await deps.solver() }),
  ]);
  return { ...run, other };
}

/** How a violation is named when the officer acknowledges it: the rule and the application it is about. */
export function violationKey(v: Violation): string {
  return v.id ? `${v.rule}:${v.id}` : v.rule;
}

/**
 * The violations that need a justification the plan does not give: one about an application needs
 * that application's fixed amount to carry one; one about the whole plan (the budget, a minimum)
 * needs the plan's general justification.
 */
export function unjustified(
  violations: readonly Violation[],
  plan: Pick<PlanSettings, 'fixed' | 'justification'>,
): Violation[] {
  const reasonOf = new Map(plan.fixed.map((f) => [f.applicationId, f.justification.trim()]));
  return violations.filter((v) => !(v.id ? reasonOf.get(v.id) : plan.justification.trim()));
}
