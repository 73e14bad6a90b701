// Where the constrained walk stands: the money left and what the portfolio rules still ask for.
// States are copied, never mutated, so a tentative "what if we fund this one" costs nothing to drop.
import type { Cents } from '../money.ts';
import type { Entry, Prepared } from './prepare.ts';

export type WalkState = {
  budget: Cents;
  /** Per minimum rule, how many more funded projects it needs (0: met, or dropped as unsatisfiable). */
  need: number[];
  /** Per commune / organisation, how many more may be funded (Infinity: no maximum). */
  communeLeft: number[];
  organisationLeft: number[];
};

/** The state after the fixed decisions: their money and their counts are taken first. */
export function startState(prepared: Prepared, options: { ignoreFixed?: boolean } = {}): WalkState {
  const state: WalkState = {
    budget: prepared.input.budget,
    need: prepared.minimums.map((m) => m.min),
    communeLeft: prepared.communes.map(() => prepared.maxPerCommune),
    organisationLeft: prepared.organisations.map(() => prepared.maxPerOrganisation),
  };
  if (options.ignoreFixed) return state;
  let s = state;
  for (const e of prepared.entries) if (e.fixed !== undefined && e.fixed > 0) s = withFunded(s, e, e.fixed);
  // A fixed decision may overspend or overfill: it is reported as a violation, and nothing more
  // is added where it did.
  return {
    budget: Math.max(0, s.budget),
    need: s.need,
    communeLeft: s.communeLeft.map((n) => Math.max(0, n)),
    organisationLeft: s.organisationLeft.map((n) => Math.max(0, n)),
  };
}

export function withFunded(state: WalkState, e: Entry, amount: Cents): WalkState {
  const need = state.need.slice();
  for (const r of e.serves) need[r] = Math.max(0, (need[r] ?? 0) - 1);
  const communeLeft = state.communeLeft.slice();
  communeLeft[e.commune] = (communeLeft[e.commune] ?? 0) - 1;
  const organisationLeft = state.organisationLeft.slice();
  organisationLeft[e.organisation] = (organisationLeft[e.organisation] ?? 0) - 1;
  return { budget: state.budget - amount, need, communeLeft, organisationLeft };
}

export function hasNeeds(state: WalkState): boolean {
  return state.need.some((n) => n > 0);
}

export function hasSlot(state: WalkState, e: Entry): boolean {
  return (state.communeLeft[e.commune] ?? 0) > 0 && (state.organisationLeft[e.organisation] ?? 0) > 0;
}

/** How many unmet rules the application counts for. */
export function unmetServed(state: WalkState, e: Entry): number {
  let n = 0;
  for (const r of e.serves) if ((state.need[r] ?? 0) > 0) n++;
  return n;
}

/** The same state asking only for the rules in `keep` (the others count as met). */
export function restrictedTo(state: WalkState, keep: ReadonlySet<number>): WalkState {
  return { ...state, need: state.need.map((n, r) => (keep.has(r) ? n : 0)) };
}
