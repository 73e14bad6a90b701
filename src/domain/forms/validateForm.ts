// Checks on the form definition an officer builds, before it is saved or published, and the rule
// that decides whether editing a published call's form needs a new version of it.

import { canonicalJson } from './canonicalJson.ts';
import { FIELD_TYPES, type FieldDef, type FormDefinition } from './definition.ts';

/** Field and section ids: they end up in answers, URLs and HTML ids, so they are kept plain. */
export const FORM_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
export const MAX_TEXT_LENGTH = 100_000;

export type FormProblemCode =
  | 'invalid-id' // not FORM_ID_PATTERN
  | 'duplicate-id' // a field id (or section id) used twice
  | 'missing-label' // no French label on a field or option, no French title on a section
  | 'unknown-type'
  | 'too-few-options' // a choice field with fewer than 2 options
  | 'invalid-option-value' // empty, or with spaces around it
  | 'duplicate-option'
  | 'invalid-max-length' // not a whole number between 1 and MAX_TEXT_LENGTH
  | 'invalid-bound' // a number's min/max not a finite number, a money min/max not whole cents ≥ 0
  | 'invalid-range' // min > max
  | 'invalid-max-files' // not a whole number ≥ 1
  | 'too-many-budget-tables';

/**
 * `path` names the offending part, e.g. `sections[0].fields[2].options[1].value`, so the form
 * builder can put the message next to it.
 */
export interface FormProblem {
  path: string;
  code: FormProblemCode;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(FIELD_TYPES);

function hasFrench(text: { fr?: unknown } | undefined): boolean {
  return typeof text?.fr === 'string' && text.fr.trim() !== '';
}

function isWhole(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
}

/** Every problem at once, in form order; an empty list means the form may be saved and used. */
export function validateForm(form: FormDefinition): FormProblem[] {
  const problems: FormProblem[] = [];
  const add = (path: string, code: FormProblemCode): void => {
    problems.push({ path, code });
  };
  const sectionIds = new Set<string>();
  const fieldIds = new Set<string>();
  let budgetTables = 0;

  form.sections.forEach((section, s) => {
    const sp = `sections[${s}]`;
    if (!FORM_ID_PATTERN.test(section.id)) add(`${sp}.id`, 'invalid-id');
    else if (sectionIds.has(section.id)) add(`${sp}.id`, 'duplicate-id');
    sectionIds.add(section.id);
    if (!hasFrench(section.title)) add(`${sp}.title`, 'missing-label');

    section.fields.forEach((field, f) => {
      const fp = `${sp}.fields[${f}]`;
      if (!FORM_ID_PATTERN.test(field.id)) add(`${fp}.id`, 'invalid-id');
      else if (fieldIds.has(field.id)) add(`${fp}.id`, 'duplicate-id');
      fieldIds.add(field.id);
      if (!hasFrench(field.label)) add(`${fp}.label`, 'missing-label');
      if (!KNOWN_TYPES.has(field.type)) {
        add(`${fp}.type`, 'unknown-type');
        return;
      }
      checkField(field, fp, add);
      if (field.type === 'budget-table' && ++budgetTables > 1) add(`${fp}.type`, 'too-many-budget-tables');
    });
  });
  return problems;
}

function checkField(field: FieldDef, fp: string, add: (path: string, code: FormProblemCode) => void): void {
  switch (field.type) {
    case 'short-text':
      if (field.maxLength !== undefined && !isWhole(field.maxLength, 1, MAX_TEXT_LENGTH))
        add(`${fp}.maxLength`, 'invalid-max-length');
      break;
    case 'long-text':
      if (!isWhole(field.maxLength, 1, MAX_TEXT_LENGTH)) add(`${fp}.maxLength`, 'invalid-max-length');
      break;
    case 'number':
    case 'money': {
      // Money bounds are cents, like every amount in the domain.
      const ok = (b: number | undefined): boolean =>
        b === undefined || (field.type === 'money' ? isWhole(b, 0, Number.MAX_SAFE_INTEGER) : Number.isFinite(b));
      if (!ok(field.min)) add(`${fp}.min`, 'invalid-bound');
      if (!ok(field.max)) add(`${fp}.max`, 'invalid-bound');
      if (
        ok(field.min) &&
        ok(field.max) &&
        field.min !== undefined &&
        field.max !== undefined &&
        field.min > field.max
      ) {
        add(`${fp}.max`, 'invalid-range');
      }
      break;
    }
    case 'single-choice':
    case 'multi-choice': {
      const options = Array.isArray(field.options) ? field.options : [];
      if (options.length < 2) add(`${fp}.options`, 'too-few-options');
      const values = new Set<string>();
      options.forEach((option, o) => {
        const op = `${fp}.options[${o}]`;
        const v: unknown = option.value;
        if (typeof v !== 'string' || v === '' || v !== v.trim()) add(`${op}.value`, 'invalid-option-value');
        else if (values.has(v)) add(`${op}.value`, 'duplicate-option');
        if (typeof v === 'string') values.add(v);
        if (!hasFrench(option.label)) add(`${op}.label`, 'missing-label');
      });
      break;
    }
    case 'file':
      if (field.maxFiles !== undefined && !isWhole(field.maxFiles, 1, 1000)) add(`${fp}.maxFiles`, 'invalid-max-files');
      break;
    default:
      break;
  }
}

// What a field accepts, without the texts that only describe it.
function fieldShape(field: FieldDef): unknown {
  const { label: _label, help: _help, ...rest } = field;
  if (rest.type === 'single-choice' || rest.type === 'multi-choice') {
    return { ...rest, options: rest.options.map((o) => o.value) };
  }
  return rest;
}

function formShape(form: FormDefinition): string {
  const fields = form.sections.flatMap((s) => s.fields).map((f) => [f.id, fieldShape(f)] as const);
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalJson(fields);
}

/**
 * Whether a published call's form edit must become a new version of the form.
 *
 * Deliberately simple: any change to what a field accepts is breaking — a field added or removed,
 * its type, `required`, maxLength, min/max/integer, maxFiles, or any change to its option values
 * (added, removed or reordered), even one that only widens it. Only texts are free to change:
 * field labels and help, option labels, section titles. Answers are keyed by field id and checked
 * field by field, so moving a field, reordering fields, or regrouping them into other sections
 * (section ids included) is not breaking either.
 */
export function formChangeBreaksAnswers(oldForm: FormDefinition, newForm: FormDefinition): boolean {
  return formShape(oldForm) !== formShape(newForm);
}
