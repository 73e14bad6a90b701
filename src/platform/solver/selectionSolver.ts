// HiGHS behind the selection engine's port (src/domain/selection/cover.ts). Loading the WebAssembly
// module reads a file and holds process-wide state, so it lives here rather than in the pure domain.
// The module is loaded once per process and shared; each solve builds a fresh native instance.
import type { Highs } from 'highs';
import type { CoverProblem, CoverSolver } from '../../domain/selection/cover.ts';
import { select } from '../../domain/selection/select.ts';
import type { SelectionInput, SelectionResult } from '../../domain/selection/types.ts';
import { announcedSolve } from './solverRuns.ts';

// The package is CommonJS with an ESM build; its one .d.ts is read as CommonJS, so TypeScript
// believes the loader sits one `default` deeper than it does at run time under ESM.
type HighsModule = { default: () => Promise<Highs> };

let loading: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  loading ??= (import('highs') as unknown as Promise<HighsModule>).then((m) => m.default());
  return loading;
}

/**
 * The model in CPLEX LP format: x0…xn in [0, 1], one row per need (≥) and per limit (≤); binary
 * unless `relaxed`. Rows are named so that their duals come back in this order.
 */
export function coverProblemToLp(problem: CoverProblem, relaxed = false): string {
  const terms = (members: number[]) => members.map((j) => `x${j}`).join(' + ');
  const variables = problem.costs.map((_, j) => `x${j}`);
  const lines = ['Minimize', ` cost: ${problem.costs.map((c, j) => `${c} x${j}`).join(' + ')}`, 'Subject To'];
  problem.needs.forEach((row, i) => lines.push(` need${i}: ${terms(row.members)} >= ${row.bound}`));
  problem.limits.forEach((row, i) => lines.push(` limit${i}: ${terms(row.members)} <= ${row.bound}`));
  if (relaxed) lines.push('Bounds', ...variables.map((x) => ` 0 <= ${x} <= 1`));
  else lines.push('Binary', ` ${variables.join(' ')}`);
  lines.push('End', '');
  return lines.join('\n');
}

// Costs are whole cents, so a proven gap under one cent proves the optimum; no relative gap is
// tolerated (the default 1e-4 would accept a completion 2,500 € too dear on a 25 M€ model).
// The feasibility-jump heuristic costs 30–100 ms per solve even on five variables, dwarfing our
// small models (about 1 ms without it); it only seeks a first solution, so the optimum is unchanged.
const MIP_OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, mip_heuristic_run_feasibility_jump: false };
const LP_OPTIONS = { output_flag: false };

function trivial(problem: CoverProblem): boolean {
  return problem.costs.length === 0 || problem.needs.length + problem.limits.length === 0;
}

export async function loadSelectionSolver(): Promise<CoverSolver> {
  const solver = await highs();
  return {
    async solve(problem) {
      // HiGHS reports an empty model as 'Empty', not 'Optimal': answer those without it.
      if (trivial(problem))
        return problem.needs.every((row) => row.bound <= 0) ? { feasible: true, chosen: [] } : { feasible: false };
      const solution = await announcedSolve(
        'selection',
        () => solver.solve(coverProblemToLp(problem), MIP_OPTIONS),
        (s) => s.Status.toLowerCase(),
      );
      if (solution.Status === 'Infeasible') return { feasible: false };
      if (solution.Status !== 'Optimal')
        throw new Error(`HiGHS could not solve the selection model: ${solution.Status}`);
      const chosen: number[] = [];
      problem.costs.forEach((_, j) => {
        const column = solution.Columns[`x${j}`];
        if (column && column.Primal > 0.5) chosen.push(j);
      });
      return { feasible: true, chosen };
    },
    async relax(problem) {
      if (trivial(problem))
        return {
          feasible: true,
          needDuals: problem.needs.map(() => 0),
          limitDuals: problem.limits.map(() => 0),
          values: problem.costs.map(() => 0),
        };
      const solution = await announcedSolve(
        'selection',
        () => solver.solve(coverProblemToLp(problem, true), LP_OPTIONS),
        (s) => s.Status.toLowerCase(),
      );
      if (solution.Status === 'Infeasible') return { feasible: false };
      if (solution.Status !== 'Optimal')
        throw new Error(`HiGHS could not solve the relaxed selection model: ${solution.Status}`);
      const dual = new Map<string, number>();
      for (const row of solution.Rows) if ('Dual' in row) dual.set(row.Name, row.Dual);
      return {
        feasible: true,
        needDuals: problem.needs.map((_, i) => dual.get(`need${i}`) ?? 0),
        limitDuals: problem.limits.map((_, i) => dual.get(`limit${i}`) ?? 0),
        values: problem.costs.map((_, j) => solution.Columns[`x${j}`]?.Primal ?? 0),
      };
    },
  };
}

/** `select` with HiGHS plugged in: the one call the CLI, the API and the app need. */
export async function selectWithHighs(input: SelectionInput): Promise<SelectionResult> {
  return select(input, { solver: await loadSelectionSolver() });
}
