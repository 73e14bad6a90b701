// Terse builders for hand-written selection cases: only what a test is about is spelled out.
import { bruteForceCoverSolver } from '../cover.ts';
import { select } from '../select.ts';
import type { ApplicationInput, SelectionInput, SelectionResult } from '../types.ts';

export function app(
  id: string,
  requested: number,
  score: number,
  extra: Partial<ApplicationInput> = {},
): ApplicationInput {
  return {
    id,
    requested,
    score,
    passedThresholds: true,
    targetPublics: [],
    commune: '21001',
    organisation: `org-${id}`,
    ...extra,
  };
}

export function request(applications: ApplicationInput[], extra: Partial<SelectionInput> = {}): SelectionInput {
  return { mode: 'ranking', budget: 10_000, grant: {}, applications, ...extra };
}

/** Runs the engine with the brute-force cover solver (the domain does not load HiGHS). */
export function run(input: SelectionInput): Promise<SelectionResult> {
  return select(input, { solver: bruteForceCoverSolver });
}

/** `id:amount` of the selected, in rank order: compact to compare. */
export function funded(result: SelectionResult): string[] {
  return result.selected.map((s) => `${s.id}:${s.amount}`);
}
