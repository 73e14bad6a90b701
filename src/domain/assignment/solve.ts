// The exact assignment, given any LP/MIP solver (the port in linearProgram.ts).
// 1. Counting checks explain the obvious impossibilities before any solve.
// 2. Column generation: solve the LP over each application's best candidates, price every other
//    pair with the duals, add those that could improve, repeat. The priced bound is valid over
//    ALL pairs, so the final answer is proven optimal for the whole problem, not the shortlist.
// 3. Without a floor the LP optimum is integral (see model.ts); with a floor, if the LP optimum is
//    fractional, the MIP solver decides (floorMip.ts).
// 4. If the solver fails or runs out of time, the greedy assignment is returned with the best
//    bound known, and the status says it is not proven optimal.
import { defaultCandidates, initialPairs } from './candidates.ts';
import { priceOut, simpleBound } from './duality.ts';
import { assignmentValue, violations } from './evaluate.ts';
import { deepInfeasibilityReasons, quickInfeasibilityReasons } from './feasibility.ts';
import { greedyAssignment } from './greedy.ts';
import { countFreePairs, freePairs, mergePairs, solveSafely, toAssignment } from './columns.ts';
import { solveFloorMip } from './floorMip.ts';
import type { LpSolution, LpSolver } from './linearProgram.ts';
import { buildProgram } from './model.ts';
import type { Assignment, AssignmentProblem } from './problem.ts';

export interface SolveOptions {
  /** Pairs per application in the first model; pricing adds any other pair that could help. */
  readonly candidatesPerApplication?: number;
  /** Whole budget of the exact solve; the greedy fallback answers after it. Default 30 s. */
  readonly timeLimitSeconds?: number;
  /** Most column-generation rounds. Default 50. */
  readonly maxRounds?: number;
  /** Relative gap at which a MIP counts as optimal. Default 1e-6. */
  readonly mipRelativeGap?: number;
  /** Milliseconds clock, replaceable in tests. */
  readonly now?: () => number;
}

/** optimal: proven. feasible: valid, not proven optimal. unknown: no valid assignment found, none proven impossible. */
export type AssignmentStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface AssignmentSolution {
  readonly status: AssignmentStatus;
  readonly assignment: Assignment | null;
  /** Total affinity of the assignment. */
  readonly objective: number | null;
  /** Proven upper bound on the best total affinity. */
  readonly bound: number | null;
  /** Why it is infeasible, or why it is not proven optimal. */
  readonly reasons: readonly string[];
  readonly stats: SolveStats;
}

export interface SolveStats {
  readonly method: 'lp' | 'mip' | 'greedy' | 'none';
  readonly rounds: number;
  readonly columns: number;
  readonly pairs: number;
  readonly candidatesPerApplication: number;
  readonly seconds: number;
}

// Models above this many columns are not sent whole to the MIP solver.
const MAX_MIP_COLUMNS = 200_000;
// Objective and bound closer than this (relative) are the same number up to solver tolerances.
const OPTIMALITY_TOLERANCE = 1e-6;

export function solveAssignmentWith(
  solver: LpSolver,
  problem: AssignmentProblem,
  options: SolveOptions = {},
): AssignmentSolution {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const budget = (options.timeLimitSeconds ?? 30) * 1000;
  const remaining = () => Math.max(0.01, (budget - (now() - started)) / 1000);
  const mipRelativeGap = options.mipRelativeGap ?? OPTIMALITY_TOLERANCE;
  const J = problem.jurorIds.length;
  const allPairs = countFreePairs(problem);
  let width = Math.max(1, Math.floor(options.candidatesPerApplication ?? defaultCandidates(problem)));
  const stats = {
    method: 'none' as SolveStats['method'],
    rounds: 0,
    columns: 0,
    pairs: allPairs,
    candidatesPerApplication: width,
    seconds: 0,
  };
  const finish: Finish = (solution, method = stats.method) => ({
    ...solution,
    stats: { ...stats, method, seconds: (now() - started) / 1000 },
  });

  const quick = quickInfeasibilityReasons(problem);
  if (quick.length)
    return finish({ status: 'infeasible', assignment: null, objective: null, bound: null, reasons: quick });
  if (problem.applicationIds.length === 0)
    return finish({ status: 'optimal', assignment: [], objective: 0, bound: 0, reasons: [] });

  let pairs = width >= J ? freePairs(problem) : initialPairs(problem, width);
  const inModel = new Uint8Array(problem.affinity.length);
  let bound = Infinity;
  let lp: { solution: LpSolution; pairs: Int32Array } | null = null;
  let trouble: string | null = null;
  const knownBound = () => (Number.isFinite(bound) ? bound : simpleBound(problem));
  for (;;) {
    if (now() - started >= budget) {
      trouble = 'the time limit was reached';
      break;
    }
    for (const p of pairs) inModel[p] = 1;
    stats.columns = pairs.length;
    const solution = solveSafely(solver, buildProgram(problem, pairs, false), {
      timeLimitSeconds: remaining(),
      mipRelativeGap,
    });
    if (solution.status === 'infeasible') {
      if (pairs.length === allPairs)
        return finish({
          status: 'infeasible',
          assignment: null,
          objective: null,
          bound: null,
          reasons: deepInfeasibilityReasons(problem),
        });
      // The shortlist alone is infeasible (crowded jurors): widen it, ultimately to every pair.
      width *= 2;
      stats.candidatesPerApplication = width;
      pairs = width >= J ? freePairs(problem) : mergePairs(pairs, initialPairs(problem, width));
      continue;
    }
    if (solution.status !== 'optimal' || !solution.rowDual || !solution.colValue) {
      trouble = `the LP solver stopped: ${solution.detail}`;
      break;
    }
    const pricing = priceOut(problem, solution.rowDual, inModel);
    if (Number.isFinite(pricing.bound)) bound = Math.min(bound, pricing.bound);
    lp = { solution, pairs };
    if (pricing.entering.length === 0) break;
    if (++stats.rounds > (options.maxRounds ?? 50)) {
      trouble = 'too many column-generation rounds';
      break;
    }
    pairs = mergePairs(pairs, pricing.entering);
  }

  if (lp) {
    // An integral LP answer is valid even if pricing was cut short; `certified` says whether it is proven.
    const integral = toAssignment(problem, lp.pairs, lp.solution.colValue!);
    if (integral) {
      stats.method = 'lp';
      return certified(problem, integral, knownBound(), finish, trouble);
    }
  }
  if (lp && !trouble) {
    // A fractional LP optimum: only the floor can cause it. The MIP decides.
    stats.method = 'mip';
    const mip = solveFloorMip(problem, {
      solver,
      lpPairs: lp.pairs,
      lpValues: lp.solution.colValue!,
      rowDual: lp.solution.rowDual!,
      lpBound: bound,
      remaining,
      mipRelativeGap,
      maxColumns: MAX_MIP_COLUMNS,
    });
    stats.columns = mip.columns;
    if (mip.infeasible)
      return finish({
        status: 'infeasible',
        assignment: null,
        objective: null,
        bound: null,
        reasons: deepInfeasibilityReasons(problem),
      });
    bound = Math.min(bound, mip.bound);
    if (mip.assignment) return certified(problem, mip.assignment, knownBound(), finish, mip.note);
    trouble = mip.note;
  }
  return fallback(problem, knownBound(), trouble ?? 'the solver gave no answer', finish);
}

type Finish = (solution: Omit<AssignmentSolution, 'stats'>, method?: SolveStats['method']) => AssignmentSolution;

/** Status and bound of a valid assignment: optimal when the bound meets the objective. */
function certified(
  problem: AssignmentProblem,
  assignment: Assignment,
  bound: number,
  finish: Finish,
  note: string | null = null,
): AssignmentSolution {
  const broken = violations(problem, assignment);
  if (broken.length) return fallback(problem, bound, `the solver's answer breaks a rule (${broken[0]})`, finish);
  const objective = assignmentValue(problem, assignment);
  const closed = bound - objective <= OPTIMALITY_TOLERANCE * Math.max(1, Math.abs(objective));
  return finish({
    status: closed ? 'optimal' : 'feasible',
    assignment,
    objective,
    bound: closed ? objective : bound,
    reasons: closed ? [] : [note ?? 'the optimum is not proven', `gap ${formatGap(objective, bound)}`],
  });
}

/**
 * The greedy answer alone, for a caller whose exact solve could not finish (e.g. a worker that was
 * stopped): valid when possible, with the cheap bound.
 */
export function greedyFallback(problem: AssignmentProblem, why: string): AssignmentSolution {
  const pairs = countFreePairs(problem);
  const finish: Finish = (solution, method = 'greedy') => ({
    ...solution,
    stats: { method, rounds: 0, columns: 0, pairs, candidatesPerApplication: 0, seconds: 0 },
  });
  const quick = quickInfeasibilityReasons(problem);
  if (quick.length)
    return finish({ status: 'infeasible', assignment: null, objective: null, bound: null, reasons: quick }, 'none');
  return fallback(problem, simpleBound(problem), why, finish);
}

function fallback(problem: AssignmentProblem, bound: number, why: string, finish: Finish): AssignmentSolution {
  const assignment = greedyAssignment(problem);
  const broken = violations(problem, assignment);
  if (broken.length)
    return finish(
      {
        status: 'unknown',
        assignment: null,
        objective: null,
        bound,
        reasons: [why, `the greedy fallback cannot meet every rule: ${broken[0]}`],
      },
      'greedy',
    );
  const objective = assignmentValue(problem, assignment);
  return finish(
    {
      status: 'feasible',
      assignment,
      objective,
      bound: Math.max(bound, objective),
      reasons: [why, `greedy assignment, gap ${formatGap(objective, bound)}`],
    },
    'greedy',
  );
}

function formatGap(objective: number, bound: number): string {
  if (!Number.isFinite(bound)) return 'unknown';
  return `${((100 * (bound - objective)) / Math.max(1e-9, Math.abs(bound))).toFixed(3)}%`;
}
