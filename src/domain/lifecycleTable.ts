// A lifecycle as a table of `{event, from, to, guard}` rules, in the shape of applicationLifecycle.ts, for the
// lifecycles that came after it (grant, agreement version, tranche, report): one implementation of
// `transition`, `can` and `availableEvents` instead of a copy per table.

import { err, ok, type Result } from './result.ts';

export interface LifecycleRule<S extends string, E extends string, C, G extends string> {
  event: E;
  from: readonly S[];
  to: S;
  /** Refuses the move with a code when the state alone is not enough; null lets it through. */
  guard?: (ctx: C, from: S) => G | null;
}

export interface Lifecycle<S extends string, E extends string, C, G extends string> {
  readonly statuses: readonly S[];
  readonly events: readonly E[];
  readonly rules: readonly LifecycleRule<S, E, C, G>[];
  /** The status `event` leads to from `status`, or why not: 'invalid-transition' or the guard's code. */
  transition(status: S, event: E, ctx: C): Result<S, G | 'invalid-transition'>;
  can(status: S, event: E, ctx: C): boolean;
  /** The events allowed now from `status`, in the order of `events`: the actions to offer. */
  availableEvents(status: S, ctx: C): E[];
}

/**
 * Builds the three questions a lifecycle answers from its table. Throws at module load if the table names an
 * unknown status or event, or has two rules for one (event, status): the table is then ambiguous.
 */
export function lifecycle<S extends string, E extends string, C, G extends string>(
  statuses: readonly S[],
  events: readonly E[],
  rules: readonly LifecycleRule<S, E, C, G>[],
): Lifecycle<S, E, C, G> {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (!events.includes(rule.event)) throw new Error(`unknown event ${rule.event}`);
    for (const s of [...rule.from, rule.to]) if (!statuses.includes(s)) throw new Error(`unknown status ${s}`);
    for (const from of rule.from) {
      const key = `${rule.event}/${from}`;
      if (seen.has(key)) throw new Error(`two rules for ${key}`);
      seen.add(key);
    }
  }
  const transition = (status: S, event: E, ctx: C): Result<S, G | 'invalid-transition'> => {
    const rule = rules.find((r) => r.event === event && r.from.includes(status));
    if (!rule) return err('invalid-transition');
    const refused = rule.guard?.(ctx, status) ?? null;
    return refused ? err(refused) : ok(rule.to);
  };
  const can = (status: S, event: E, ctx: C): boolean => transition(status, event, ctx).ok;
  return {
    statuses,
    events,
    rules,
    transition,
    can,
    availableEvents: (status, ctx) => events.filter((e) => can(status, e, ctx)),
  };
}
