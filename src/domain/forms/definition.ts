import type { Translated } from '../translated.ts';

/**
 * A call's application form, as the officer builds it: sections of typed fields. Field ids are
 * stable across versions of the form, so answers survive a new version that keeps the field.
 */
export const FIELD_TYPES = [
  'short-text',
  'long-text',
  'number',
  'money',
  'date',
  'single-choice',
  'multi-choice',
  'yes-no',
  'file',
  'communes',
  'target-publics',
  'digcomp-areas',
  'participants-per-public',
  'budget-table',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface ChoiceOption {
  value: string;
  label: Translated;
}

interface FieldBase {
  /** Stable key: letters, digits, dashes; unique within the form. */
  id: string;
  label: Translated;
  help?: Translated;
  required: boolean;
}

export type FieldDef =
  | (FieldBase & { type: 'short-text'; maxLength?: number })
  | (FieldBase & { type: 'long-text'; maxLength: number })
  | (FieldBase & { type: 'number'; min?: number; max?: number; integer?: boolean })
  | (FieldBase & { type: 'money'; min?: number; max?: number })
  | (FieldBase & { type: 'date' })
  | (FieldBase & { type: 'single-choice' | 'multi-choice'; options: ChoiceOption[] })
  | (FieldBase & { type: 'yes-no' })
  | (FieldBase & { type: 'file'; maxFiles?: number })
  | (FieldBase & {
      type: 'communes' | 'target-publics' | 'digcomp-areas' | 'participants-per-public' | 'budget-table';
    });

export interface FormSection {
  id: string;
  title: Translated;
  fields: FieldDef[];
}

export interface FormDefinition {
  sections: FormSection[];
}

export const BUDGET_CATEGORIES = ['staff', 'operating', 'equipment', 'other'] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

/**
 * What a person typed, kept as typed: a draft never loses input because it does not parse yet.
 * Money stays a string ("56.904,00") until it is validated.
 */
export type RawBudget = {
  lines: { category: BudgetCategory; label: string; amount: string }[];
  requested: string;
  otherFunding: { source: string; amount: string }[];
};
export type RawAnswer = string | string[] | Record<string, string> | RawBudget;
export type RawAnswers = Record<string, RawAnswer | undefined>;

/** Validated, typed values: what is frozen at submission and what exports and filters read. */
export type Budget = {
  lines: { category: BudgetCategory; label: string; amountCents: number }[];
  totalCents: number;
  requestedCents: number;
  otherFunding: { source: string; amountCents: number }[];
  otherFundingCents: number;
};
export type AnswerValue = string | number | boolean | string[] | Record<string, number> | Budget | null;
export type Answers = Record<string, AnswerValue>;

export function allFields(form: FormDefinition): FieldDef[] {
  return form.sections.flatMap((s) => s.fields);
}
