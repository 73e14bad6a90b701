// Select within budget: the entry point. Validates, runs the mode's walk and lays the result out
// in the JSON contract of `octroi allocate` (every application once: selected, reserve or
// rejected, each list in rank order). Same input, same output: nothing depends on the solver's
// choice among equally cheap completions, only on costs and feasibility, which are unique.
import { formatMoney } from '../money.ts';
import { positionsByCost } from './bounds.ts';
import { constrainedWalk } from './constrainedWalk.ts';
import type { CoverSolver } from './cover.ts';
import type { SolverStats } from './exactCompletion.ts';
import { fixedViolations } from './fixedViolations.ts';
import { flagUnspent } from './flagUnspent.ts';
import { InvalidSelectionInputError, parseSelectionInput } from './inputSchema.ts';
import { checkPortfolio } from './portfolioCheck.ts';
import { candidatePool, fundedFixed, prepareSelection, type Entry, type Prepared } from './prepare.ts';
import { rankingWalk, type Decision } from './rankingWalk.ts';
import { settleRules } from './settleRules.ts';
import { startState } from './state.ts';
import type { SelectionInput, SelectionResult, SelectionWarning, Unsatisfiable, Violation } from './types.ts';

export type SelectDeps = {
  /** Asked only in constrained mode, and only when minimum rules are still open. */
  solver: CoverSolver;
  /** Counts the solver calls (for the benchmark). */
  stats?: SolverStats;
  /**
   * Default true. false skips the cheap bounds and asks the solver at every open decision: slower,
   * same result — tests use it to check that the bounds never change an answer.
   */
  shortcuts?: boolean;
};

export async function select(input: SelectionInput, deps: SelectDeps): Promise<SelectionResult> {
  const parsed = parseSelectionInput(input);
  if (!parsed.ok) throw new InvalidSelectionInputError(parsed.errors);
  const prepared = prepareSelection(parsed.value);
  const stats = deps.stats ?? { calls: 0 };
  const pool = candidatePool(prepared);
  const violations = fixedViolations(prepared, prepared.input.mode);
  let decisions: Decision[];
  let unsatisfiable: Unsatisfiable[] = [];

  if (prepared.input.mode === 'ranking') {
    decisions = rankingWalk(pool, startState(prepared).budget);
  } else {
    const byCost = positionsByCost(pool, prepared.minimums.length);
    const shortcuts = deps.shortcuts ?? true;
    const settled = await settleRules(pool, byCost, startState(prepared), deps.solver, stats, shortcuts);
    decisions = await constrainedWalk(
      { pool, byCost, minimums: prepared.minimums, solver: deps.solver, stats, shortcuts },
      settled.state,
      settled.base,
    );
    unsatisfiable = settled.dropped.map((r) => unsatisfiableDetail(prepared, pool, r));
    if (settled.dropped.length > 0 && (prepared.input.fixed ?? []).length > 0) {
      violations.push(...(await minimumsBrokenByFixed(prepared, settled.dropped, deps.solver, stats)));
    }
  }
  return layOut(prepared, pool, decisions, violations, unsatisfiable);
}

function layOut(
  prepared: Prepared,
  pool: Entry[],
  decisions: Decision[],
  violations: Violation[],
  unsatisfiable: Unsatisfiable[],
): SelectionResult {
  const decisionOf = new Map(pool.map((e, k) => [e.id, decisions[k]!]));
  const result: SelectionResult = {
    status: 'ok',
    selected: [],
    reserve: [],
    rejected: [],
    total: 0,
    unspent: 0,
    violations,
    unsatisfiable,
    warnings: [],
  };
  for (const e of prepared.entries) {
    const { id, rank } = e;
    const decision = decisionOf.get(id);
    if (e.fixed !== undefined && e.fixed > 0) {
      result.selected.push({ id, amount: e.fixed, rank, partial: e.fixed < e.bounds.full, reason: 'fixed' });
    } else if (!e.app.passedThresholds) {
      result.rejected.push({ id, rank, reason: 'below-threshold' });
    } else if (e.fixed === 0) {
      result.rejected.push({ id, rank, reason: 'fixed' });
    } else if (!decision) {
      result.reserve.push({ id, rank, reason: 'rule:grant.min' }); // its request is under the minimum
    } else if (decision.kind === 'selected') {
      result.selected.push({ id, amount: decision.amount, rank, partial: decision.partial, reason: decision.reason });
    } else {
      result.reserve.push({ id, rank, reason: decision.reason });
    }
  }
  result.total = result.selected.reduce((sum, s) => sum + s.amount, 0);
  result.unspent = prepared.input.budget - result.total;
  result.warnings = warnings(prepared, result);
  return result;
}

function warnings(prepared: Prepared, result: SelectionResult): SelectionWarning[] {
  const byId = new Map(prepared.entries.map((e) => [e.id, e]));
  const list: SelectionWarning[] = [];
  for (const s of result.selected) {
    const e = byId.get(s.id)!;
    if (s.reason !== 'fixed' && e.bounds.capped) {
      list.push({
        code: 'capped-at-max',
        id: s.id,
        detail: `${s.id} requested ${formatMoney(e.app.requested, 'en')}, above the grant maximum: it is funded at most ${formatMoney(e.bounds.full, 'en')}.`,
      });
    }
  }
  if (prepared.input.mode === 'ranking') {
    for (const check of checkPortfolio(prepared, new Set(result.selected.map((s) => s.id)))) {
      if (!check.met)
        list.push({
          code: 'rule-not-met',
          rule: check.rule,
          detail: `Ranking mode does not apply the portfolio rules: ${check.detail}`,
        });
    }
  }
  list.push(...flagUnspent(prepared, result));
  return list;
}

function unsatisfiableDetail(prepared: Prepared, pool: readonly Entry[], rule: number): Unsatisfiable {
  const m = prepared.minimums[rule]!;
  const serving =
    fundedFixed(prepared).filter((e) => e.serves.includes(rule)).length +
    pool.filter((e) => e.serves.includes(rule)).length;
  const detail =
    serving < m.min
      ? `Only ${serving} application(s) that passed the thresholds, fit the grant range and are not excluded serve “${m.targetPublic}”; the rule asks for ${m.min}.`
      : `No selection within the budget, the maxima and the minimums listed before it funds ${m.min} project(s) serving “${m.targetPublic}”.`;
  return { rule: m.name, detail };
}

/** Minimum rules the fixed decisions make impossible: met (in the same priority order) without them. */
async function minimumsBrokenByFixed(
  prepared: Prepared,
  dropped: readonly number[],
  solver: CoverSolver,
  stats: SolverStats,
): Promise<Violation[]> {
  const pool = candidatePool(prepared, { ignoreFixed: true });
  const without = await settleRules(
    pool,
    positionsByCost(pool, prepared.minimums.length),
    startState(prepared, { ignoreFixed: true }),
    solver,
    stats,
  );
  return dropped
    .filter((r) => !without.dropped.includes(r))
    .map((r) => ({
      rule: prepared.minimums[r]!.name,
      detail: `The fixed decisions leave no selection that funds ${prepared.minimums[r]!.min} project(s) serving “${prepared.minimums[r]!.targetPublic}”; without them it could be met.`,
    }));
}
