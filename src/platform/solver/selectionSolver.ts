// HiGHS behind the selection engine's port (src/domain/selection/cover.ts). Loading the WebAssembly
// module reads a file and holds process-wide state, so it lives here rather than in the pure domain.
// The module is loaded once per process and shared; each solve builds a fresh native instance.
import type { Highs } from 'highs';
import type { CoverProblem, CoverSolver } from '../../domain/selection/cover.ts';

// The package is CommonJS with an ESM build; its one .d.ts is read as CommonJS, so TypeScript
// believes the loader sits one `default` deeper than it does at run time under ESM.
type HighsModule = { default: () => Promise<Highs> };

let loading: Promise<Highs> | undefined;

function highs(): Promise<Highs> {
  loading ??= (import('highs') as unknown as Promise<HighsModule>).then((m) => m.default());
  return loading;
}

/** The model in CPLEX LP format: binary x0…xn, one row per need (≥) and per limit (≤). */
export function coverProblemToLp(problem: CoverProblem): string {
  const terms = (members: number[]) => members.map((j) => `x${j}`).join(' + ');
  const lines = ['Minimize', ` cost: ${problem.costs.map((c, j) => `${c} x${j}`).join(' + ') || '0 x0'}`, 'Subject To'];
  problem.needs.forEach((row, i) => lines.push(` need${i}: ${terms(row.members)} >= ${row.bound}`));
  problem.limits.forEach((row, i) => lines.push(` limit${i}: ${terms(row.members)} <= ${row.bound}`));
  lines.push('Binary', ` ${problem.costs.map((_, j) => `x${j}`).join(' ')}`, 'End', '');
  return lines.join('\n');
}

// Costs are whole cents, so a proven gap under one cent proves the optimum; no relative gap is
// tolerated (the default 1e-4 would accept a completion 2,500 € too dear on a 25 M€ model).
// The feasibility-jump heuristic costs 30–100 ms per solve even on five variables, dwarfing our
// small models (about 1 ms without it); it only seeks a first solution, so the optimum is unchanged.
const OPTIONS = { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, mip_heuristic_run_feasibility_jump: false };

export async function loadSelectionSolver(): Promise<CoverSolver> {
  const solver = await highs();
  return async (problem) => {
    if (problem.costs.length === 0) {
      return problem.needs.every((row) => row.bound <= 0) ? { feasible: true, chosen: [] } : { feasible: false };
    }
    const solution = solver.solve(coverProblemToLp(problem), OPTIONS);
    if (solution.Status === 'Infeasible') return { feasible: false };
    if (solution.Status !== 'Optimal') throw new Error(`HiGHS could not solve the selection model: ${solution.Status}`);
    const chosen: number[] = [];
    problem.costs.forEach((_, j) => {
      const column = solution.Columns[`x${j}`];
      if (column && 'Primal' in column && column.Primal > 0.5) chosen.push(j);
    });
    return { feasible: true, chosen };
  };
}
