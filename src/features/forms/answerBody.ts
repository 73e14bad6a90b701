import { formRows } from '../../platform/http/formRows.ts';
import {
  BUDGET_CATEGORIES,
  type BudgetCategory,
  type FieldDef,
  type RawAnswers,
  type RawBudget,
} from '../../domain/forms/definition.ts';

/** The HTML name of a field's input: answers are namespaced so they never clash with the form's own fields. */
export const inputName = (fieldId: string, ...rest: (string | number)[]) => ['a', fieldId, ...rest].join('.');

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const asText = (v: unknown): string => (Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v));

/**
 * Reads the answers of the given fields from a submitted form body, as typed. Fields absent from
 * the body are answered "nothing" (an unticked checkbox sends nothing), so only the fields of the
 * section that was on screen may be passed in.
 */
export function rawAnswersFromBody(fields: FieldDef[], body: Record<string, unknown>): RawAnswers {
  const raw: RawAnswers = {};
  for (const field of fields) {
    const name = inputName(field.id);
    switch (field.type) {
      case 'multi-choice':
      case 'communes':
      case 'target-publics':
      case 'digcomp-areas':
        raw[field.id] = asList(body[name]);
        break;
      case 'file':
        // Files are attached by their own upload form; the section form never changes them.
        break;
      case 'participants-per-public': {
        const prefix = `${name}.`;
        raw[field.id] = Object.fromEntries(
          Object.entries(body)
            .filter(([k]) => k.startsWith(prefix))
            .map(([k, v]) => [k.slice(prefix.length), asText(v)]),
        );
        break;
      }
      case 'budget-table':
        raw[field.id] = budgetFromBody(name, body);
        break;
      default:
        raw[field.id] = asText(body[name]);
    }
  }
  return raw;
}

function budgetFromBody(name: string, body: Record<string, unknown>): RawBudget {
  const lines = formRows(body, `${name}.line`)
    .map((r) => ({
      category: (BUDGET_CATEGORIES.includes(r.category as BudgetCategory) ? r.category : 'other') as BudgetCategory,
      label: (r.label ?? '').trim(),
      amount: (r.amount ?? '').trim(),
    }))
    .filter((l) => l.label || l.amount);
  const otherFunding = formRows(body, `${name}.other`)
    .map((r) => ({ source: (r.source ?? '').trim(), amount: (r.amount ?? '').trim() }))
    .filter((l) => l.source || l.amount);
  return { lines, requested: asText(body[`${name}.requested`]).trim(), otherFunding };
}
