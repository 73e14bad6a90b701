// The consistency of a report's indicators, checked before it is submitted: counts are whole and not negative,
// each breakdown uses its own categories and adds up to the count it breaks down, DigComp areas exist, the
// narrative fits. Problems are codes per field (and category), which the report form shows next to each.

import { isDigCompArea } from '../referenceData.ts';
import type { IndicatorDefinition, IndicatorValue, IndicatorValues } from './reportIndicators.ts';

export type IndicatorProblemCode =
  | 'required'
  | 'invalid-value' // not the shape the indicator holds (a forged or broken request)
  | 'not-an-integer'
  | 'negative'
  | 'unknown-category'
  | 'breakdown-mismatch' // values: { total, sum }
  | 'invalid-area'
  | 'too-long'; // values: { max }

export interface IndicatorProblem {
  /** The indicator's id. */
  field: string;
  /** The category key or area id the problem is about, if any. */
  category?: string;
  code: IndicatorProblemCode;
  values?: Record<string, number>;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function countProblem(field: string, n: number, category?: string): IndicatorProblem | null {
  const at = category === undefined ? { field } : { field, category };
  if (!Number.isInteger(n)) return { ...at, code: 'not-an-integer' };
  if (n < 0) return { ...at, code: 'negative' };
  return null;
}

/** The valid count a breakdown adds up to, or null when that count is missing or itself wrong. */
function totalOf(values: IndicatorValues, id: string): number | null {
  const v = values[id];
  return isCount(v) && Number.isInteger(v) && v >= 0 ? v : null;
}

function breakdownProblems(
  def: Extract<IndicatorDefinition, { kind: 'breakdown' }>,
  value: IndicatorValue | undefined,
  values: IndicatorValues,
): IndicatorProblem[] {
  if (value !== null && value !== undefined && !isRecord(value)) return [{ field: def.id, code: 'invalid-value' }];
  const problems: IndicatorProblem[] = [];
  const keys = new Set(def.categories.map((c) => c.key));
  let sum = 0;
  for (const [category, n] of Object.entries(value ?? {})) {
    if (!keys.has(category)) problems.push({ field: def.id, category, code: 'unknown-category' });
    else if (!isCount(n)) problems.push({ field: def.id, category, code: 'invalid-value' });
    else {
      const p = countProblem(def.id, n, category);
      if (p) problems.push(p);
      else sum += n;
    }
  }
  const total = totalOf(values, def.of);
  // A missing breakdown counts as all zero: with participants reached, it must be given (there is "not given").
  if (problems.length === 0 && total !== null && sum !== total)
    problems.push({ field: def.id, code: 'breakdown-mismatch', values: { total, sum } });
  return problems;
}

function fieldProblems(def: IndicatorDefinition, value: IndicatorValue | undefined, values: IndicatorValues) {
  const missing = value === null || value === undefined || value === '';
  switch (def.kind) {
    case 'count': {
      if (missing) return def.required ? [{ field: def.id, code: 'required' as const }] : [];
      if (!isCount(value)) return [{ field: def.id, code: 'invalid-value' as const }];
      const p = countProblem(def.id, value);
      return p ? [p] : [];
    }
    case 'breakdown':
      return breakdownProblems(def, value, values);
    case 'digcomp-areas': {
      if (missing) return [];
      if (!Array.isArray(value) || !value.every((a) => typeof a === 'string'))
        return [{ field: def.id, code: 'invalid-value' as const }];
      return value
        .filter((a) => !isDigCompArea(a))
        .map((a) => ({ field: def.id, category: a, code: 'invalid-area' as const }));
    }
    case 'narrative': {
      if (missing || (typeof value === 'string' && value.trim() === ''))
        return def.required ? [{ field: def.id, code: 'required' as const }] : [];
      if (typeof value !== 'string') return [{ field: def.id, code: 'invalid-value' as const }];
      const length = [...value].length; // in characters (code points), as the form counts them
      return length > def.maxLength
        ? [{ field: def.id, code: 'too-long' as const, values: { max: def.maxLength } }]
        : [];
    }
  }
}

/**
 * Every problem with `values` under `definitions`, in definition order; an empty list means the indicators are
 * consistent and the report may be submitted. Values for ids the definitions lack are ignored.
 */
export function indicatorProblems(
  definitions: readonly IndicatorDefinition[],
  values: IndicatorValues,
): IndicatorProblem[] {
  return definitions.flatMap((def): IndicatorProblem[] => fieldProblems(def, values[def.id], values));
}
