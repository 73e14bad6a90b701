// Shapes of the selection engine ("select within budget"). They mirror the JSON contract of
// `octroi allocate` one for one, so that the CLI, the API and the app print the same thing.
import type { Cents } from '../money.ts';

export type SelectionMode = 'ranking' | 'constrained';

export type ApplicationInput = {
  id: string;
  requested: Cents;
  score: number;
  passedThresholds: boolean;
  targetPublics: readonly string[];
  commune: string;
  organisation: string;
};

export type GrantRange = {
  min?: Cents | null;
  max?: Cents | null;
  /** Share of the fundable amount a partial grant must reach, in (0, 1]; absent: no partial grant. */
  partialFloor?: number | null;
};

export type PortfolioRules = {
  minPerTargetPublic?: Readonly<Record<string, number>>;
  maxPerCommune?: number | null;
  maxPerOrganisation?: number | null;
};

/** A decision taken by people before the engine runs: amount 0 excludes the application. */
export type FixedDecision = { id: string; amount: Cents };

export type SelectionInput = {
  mode: SelectionMode;
  budget: Cents;
  grant: GrantRange;
  applications: readonly ApplicationInput[];
  constraints?: PortfolioRules | null;
  fixed?: readonly FixedDecision[] | null;
};

/**
 * Why an application sits where it does. `rank` is plain rank order; `fixed` a decision taken by
 * people; `budget` no money left; `rule:<name>` a departure from rank order that rule caused,
 * e.g. `rule:minPerTargetPublic:homeless`, `rule:maxPerCommune`, `rule:grant.min`.
 */
export type Reason = string;

export type SelectedEntry = { id: string; amount: Cents; rank: number; partial: boolean; reason: Reason };
export type ReserveEntry = { id: string; rank: number; reason?: Reason };
export type RejectedEntry = { id: string; rank: number; reason: Reason };

/** A rule a fixed decision breaks; `id` names the decision when one alone breaks it. */
export type Violation = { rule: string; id?: string; detail: string };

/** A portfolio rule no selection can meet; the selection meets all the others. */
export type Unsatisfiable = { rule: string; detail: string };

export type WarningCode = 'capped-at-max' | 'unspent' | 'rule-not-met';
export type SelectionWarning = { code: WarningCode; id?: string; rule?: string; detail: string };

export type SelectionResult = {
  status: 'ok';
  selected: SelectedEntry[];
  reserve: ReserveEntry[];
  rejected: RejectedEntry[];
  total: Cents;
  /** budget − total; negative only when fixed decisions overspend (then also a `budget` violation). */
  unspent: Cents;
  violations: Violation[];
  unsatisfiable: Unsatisfiable[];
  warnings: SelectionWarning[];
};
