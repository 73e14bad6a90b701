// Turns a validated request into the indexed form both modes walk: applications in rank order with
// their amount bounds, the portfolio rules in priority order, communes and organisations numbered.
// Done once, so that the walks compare small integers rather than strings.
import type { Cents } from '../money.ts';
import { amountBounds, partialFloorOf, type AmountBounds } from './amounts.ts';
import { rankApplications } from './ranking.ts';
import type { ApplicationInput, SelectionInput } from './types.ts';

/** A minimum per target public; earlier ones have priority when not all can be met together. */
export type MinimumRule = { name: string; targetPublic: string; min: number };

export type Entry = {
  id: string;
  rank: number;
  app: ApplicationInput;
  bounds: AmountBounds;
  /** The fixed decision's amount, when people already decided. */
  fixed: Cents | undefined;
  commune: number;
  organisation: number;
  /** Indices into `minimums` of the rules this application counts for. */
  serves: number[];
};

export type Prepared = {
  input: SelectionInput;
  entries: Entry[];
  minimums: MinimumRule[];
  /** Infinity when the call sets no maximum. */
  maxPerCommune: number;
  maxPerOrganisation: number;
  communes: string[];
  organisations: string[];
};

function numbering(): { of: (key: string) => number; keys: string[] } {
  const index = new Map<string, number>();
  const keys: string[] = [];
  return {
    keys,
    of(key) {
      let i = index.get(key);
      if (i === undefined) {
        i = keys.length;
        keys.push(key);
        index.set(key, i);
      }
      return i;
    },
  };
}

export function prepareSelection(input: SelectionInput): Prepared {
  const floor = partialFloorOf(input.grant);
  const fixed = new Map((input.fixed ?? []).map((f) => [f.id, f.amount]));
  // Key order of the JSON object is the call's priority order (JavaScript keeps it, except that
  // integer-like keys come first in ascending order).
  const minimums = Object.entries(input.constraints?.minPerTargetPublic ?? {}).map(([targetPublic, min]) => ({
    name: `minPerTargetPublic:${targetPublic}`,
    targetPublic,
    min,
  }));
  const ruleOf = new Map(minimums.map((m, i) => [m.targetPublic, i]));
  const communes = numbering();
  const organisations = numbering();
  const entries = rankApplications(input.applications).map(({ app, rank }): Entry => {
    const serves = [...new Set(app.targetPublics)]
      .map((p) => ruleOf.get(p))
      .filter((i): i is number => i !== undefined)
      .sort((a, b) => a - b);
    return {
      id: app.id,
      rank,
      app,
      bounds: amountBounds(app.requested, input.grant, floor),
      fixed: fixed.get(app.id),
      commune: communes.of(app.commune),
      organisation: organisations.of(app.organisation),
      serves,
    };
  });
  return {
    input,
    entries,
    minimums,
    maxPerCommune: input.constraints?.maxPerCommune ?? Infinity,
    maxPerOrganisation: input.constraints?.maxPerOrganisation ?? Infinity,
    communes: communes.keys,
    organisations: organisations.keys,
  };
}

/** Applications the engine may choose: passed the thresholds, not decided by people, fundable. */
export function candidatePool(prepared: Prepared, options: { ignoreFixed?: boolean } = {}): Entry[] {
  return prepared.entries.filter(
    (e) => e.app.passedThresholds && e.bounds.fundable && (options.ignoreFixed || e.fixed === undefined),
  );
}

/** Fixed decisions that fund an application (amount above 0). */
export function fundedFixed(prepared: Prepared): Entry[] {
  return prepared.entries.filter((e) => e.fixed !== undefined && e.fixed > 0);
}
