// Each solve is announced on a diagnostics channel, so that whoever watches (the server's metrics)
// hears of it while the solvers stay free of any metrics library: a command that only computes
// loads none, and publishing costs nothing while nobody subscribes.
import { channel } from 'node:diagnostics_channel';

export interface SolverRun {
  solver: 'selection' | 'assignment';
  /** How the solve ended: the solver's status (optimal, infeasible…) or `error`. */
  outcome: string;
  seconds: number;
}

export const solverRuns = channel('octroi:solver-run');

/** Runs one solve and announces it with its duration and outcome, errors included. */
export async function announcedSolve<T>(
  solver: SolverRun['solver'],
  solve: () => Promise<T> | T,
  outcomeOf: (result: T) => string,
): Promise<T> {
  const began = performance.now();
  const announce = (outcome: string) => {
    if (solverRuns.hasSubscribers)
      solverRuns.publish({ solver, outcome, seconds: (performance.now() - began) / 1000 } satisfies SolverRun);
  };
  try {
    const result = await solve();
    announce(outcomeOf(result));
    return result;
  } catch (error) {
    announce('error');
    throw error;
  }
}
