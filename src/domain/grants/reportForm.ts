// The report form as the browser sends it, read into IndicatorValues: one field per count (`i.<id>`), one per
// category of a breakdown (`i.<id>.<key>`), the DigComp areas ticked (`i.<id>`, repeated) and the narrative.
// An empty box is "not given" (nothing stored); what is not a whole number is kept out of the values and said
// at its field, so a draft saves what can be saved and the member sees what to correct.
import type { IndicatorProblem } from './indicatorProblems.ts';
import type { IndicatorDefinition, IndicatorValue, IndicatorValues } from './reportIndicators.ts';

export type RawReportForm = Readonly<Record<string, unknown>>;

const fieldName = (id: string, key?: string) => (key === undefined ? `i.${id}` : `i.${id}.${key}`);
export { fieldName as indicatorFieldName };

const first = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;

/** A count as typed: spaces (thousands) ignored; undefined when empty, NaN when not a number. */
function countOf(v: unknown): number | undefined {
  const s = first(v)?.replace(/[\s\u202f\u00a0]/g, '');
  if (!s) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function readReportForm(
  definitions: readonly IndicatorDefinition[],
  raw: RawReportForm,
): { values: IndicatorValues; problems: IndicatorProblem[] } {
  const values: Record<string, IndicatorValue> = {};
  const problems: IndicatorProblem[] = [];
  const count = (field: string, v: unknown, category?: string): number | undefined => {
    const n = countOf(v);
    if (Number.isNaN(n)) problems.push({ field, ...(category ? { category } : {}), code: 'not-an-integer' });
    return n === undefined || Number.isNaN(n) ? undefined : n;
  };
  for (const def of definitions) {
    switch (def.kind) {
      case 'count': {
        const n = count(def.id, raw[fieldName(def.id)]);
        if (n !== undefined) values[def.id] = n;
        break;
      }
      case 'breakdown': {
        const split: Record<string, number> = {};
        for (const c of def.categories) {
          const n = count(def.id, raw[fieldName(def.id, c.key)], c.key);
          if (n !== undefined) split[c.key] = n;
        }
        if (Object.keys(split).length) values[def.id] = split;
        break;
      }
      case 'digcomp-areas': {
        const v = raw[fieldName(def.id)];
        const areas = (Array.isArray(v) ? v : [v]).filter((a): a is string => typeof a === 'string' && a !== '');
        if (areas.length) values[def.id] = [...new Set(areas)].sort();
        break;
      }
      case 'narrative': {
        const text = first(raw[fieldName(def.id)])?.replace(/\r\n/g, '\n');
        if (text && text.trim()) values[def.id] = text;
        break;
      }
    }
  }
  return { values, problems };
}
