// Which indicators a call's reports ask: a choice among the default set for digital inclusion, and counts of the
// call's own (lessons given in a library, people helped to file a tax return…), each labelled in the three
// languages because the grantee reports in its own. A breakdown splits the participants, so it is asked only
// with them.

import type { KeyedLabel } from '../referenceData.ts';
import type { Translated } from '../translated.ts';
import { defaultIndicatorSet, type IndicatorDefinition } from './reportIndicators.ts';

/** A count of the call's own. Its id stays with it across edits: the reports' values are keyed by it. */
export interface CustomIndicator {
  id: string;
  label: Required<Translated>;
  required: boolean;
}

export interface IndicatorChoice {
  /** Ids from defaultIndicatorSet, in any order (the reports ask them in the set's order). */
  defaults: readonly string[];
  custom: readonly CustomIndicator[];
}

/** The ids of the default set; the publics only change a breakdown's categories, never the ids. */
export const DEFAULT_INDICATOR_IDS: readonly string[] = defaultIndicatorSet([]).map((d) => d.id);

/** What a call that has not chosen asks: the whole default set, nothing of its own. */
export const DEFAULT_INDICATOR_CHOICE: IndicatorChoice = { defaults: DEFAULT_INDICATOR_IDS, custom: [] };

/** At most this many indicators of the call's own: a report is a form people fill in, not a survey. */
export const MAX_CUSTOM_INDICATORS = 20;

export type IndicatorChoiceProblem =
  | { id: string; code: 'unknown-indicator' | 'breakdown-without-participants' | 'duplicate-id' | 'id' }
  | { id: string; code: 'label'; locale: 'fr' | 'nl' | 'en' }
  | { id: null; code: 'too-many' | 'none' };

/** What is wrong with a call's choice of indicators; empty when its reports can ask it. */
export function indicatorChoiceProblems(choice: IndicatorChoice): IndicatorChoiceProblem[] {
  const problems: IndicatorChoiceProblem[] = [];
  const set = defaultIndicatorSet([]);
  for (const id of choice.defaults) {
    const d = set.find((x) => x.id === id);
    if (!d) problems.push({ id, code: 'unknown-indicator' });
    else if (d.kind === 'breakdown' && !choice.defaults.includes(d.of))
      problems.push({ id, code: 'breakdown-without-participants' });
  }
  if (choice.defaults.length + choice.custom.length === 0) problems.push({ id: null, code: 'none' });
  if (choice.custom.length > MAX_CUSTOM_INDICATORS) problems.push({ id: null, code: 'too-many' });
  const ids = new Set(DEFAULT_INDICATOR_IDS);
  for (const c of choice.custom) {
    if (!/^custom-[a-z0-9]{1,20}$/.test(c.id)) problems.push({ id: c.id, code: 'id' });
    if (ids.has(c.id)) problems.push({ id: c.id, code: 'duplicate-id' });
    ids.add(c.id);
    for (const locale of ['fr', 'nl', 'en'] as const)
      if (!c.label[locale]?.trim()) problems.push({ id: c.id, code: 'label', locale });
  }
  return problems;
}

/**
 * The indicators a call's reports ask, in the default set's order and then the call's own counts. `publics`
 * are the call's target publics (the breakdown by public lists them).
 */
export function chosenIndicators(choice: IndicatorChoice, publics: readonly KeyedLabel[]): IndicatorDefinition[] {
  return [
    ...defaultIndicatorSet(publics).filter((d) => choice.defaults.includes(d.id)),
    ...choice.custom.map((c): IndicatorDefinition => ({
      id: c.id,
      kind: 'count',
      label: c.label,
      required: c.required,
    })),
  ];
}
