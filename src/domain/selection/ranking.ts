// The ranking every mode walks: score descending, ties kept in input order (a stable sort), so the
// same file always gives the same ranks. Ranks count every application, passed or not, as the
// jury's ranking does.
import type { ApplicationInput } from './types.ts';

export type Ranked<A extends ApplicationInput = ApplicationInput> = { app: A; rank: number; inputIndex: number };

export function rankApplications<A extends ApplicationInput>(applications: readonly A[]): Ranked<A>[] {
  return applications
    .map((app, inputIndex) => ({ app, inputIndex }))
    .sort((a, b) => b.app.score - a.app.score || a.inputIndex - b.inputIndex)
    .map((r, i) => ({ ...r, rank: i + 1 }));
}
