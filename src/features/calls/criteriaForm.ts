import { randomBytes } from 'node:crypto';
import { criteriaProblems, TRANCHE_TRIGGERS, type CallCriteria, type Tranche } from '../../domain/callCriteria.ts';
import type { Translated } from '../../domain/translated.ts';
import { formRows } from '../../platform/http/formRows.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import { submittedValues } from '../../platform/http/forms.ts';

/** The criteria editor's tables as typed: rows of strings by column. */
export interface CriteriaRows {
  elig: Record<string, string>[];
  eval: Record<string, string>[];
  doc: Record<string, string>[];
  tranche: Record<string, string>[];
  overallThreshold: string;
}

const text = (row: Record<string, string>, key: string): Translated => ({
  fr: (row[`${key}Fr`] ?? '').trim(),
  ...(row[`${key}Nl`]?.trim() ? { nl: row[`${key}Nl`]!.trim() } : {}),
  ...(row[`${key}En`]?.trim() ? { en: row[`${key}En`]!.trim() } : {}),
});
const number = (v: string | undefined) => (v?.trim() ? Number(v.trim().replace(',', '.')) : null);
/** A row keeps its id across edits, so scores given against a criterion stay attached to it. */
const idOf = (row: Record<string, string>) =>
  row.id && /^[a-z0-9-]{1,40}$/.test(row.id) ? row.id : `c-${randomBytes(4).toString('hex')}`;

/**
 * Reads the criteria editor: four tables of rows (blank rows ignored) and the overall threshold.
 * Problems come back as field errors at the row and column where they are.
 */
export function parseCriteria(body: Record<string, unknown>): {
  criteria: CallCriteria;
  errors: FieldErrors;
  version: number;
  rows: CriteriaRows;
} {
  const errors: FieldErrors = {};
  // Blank rows are dropped first, so an error's row number is the row shown again on the page.
  const rows: CriteriaRows = {
    elig: formRows(body, 'elig').filter((r) => r.labelFr?.trim() || r.labelNl?.trim() || r.explFr?.trim()),
    eval: formRows(body, 'eval').filter((r) => r.nameFr?.trim() || r.max?.trim()),
    doc: formRows(body, 'doc').filter((r) => r.labelFr?.trim()),
    tranche: formRows(body, 'tranche').filter((r) => r.percent?.trim()),
    overallThreshold: submittedValues(body).overallThreshold ?? '',
  };
  const eligibilityCriteria = rows.elig.map((r, i) => {
    if (!r.labelFr?.trim()) errors[`elig.${i}.labelFr`] = { key: 'form.error.required' };
    return { id: idOf(r), label: text(r, 'label'), explanation: text(r, 'expl') };
  });
  const evaluationCriteria = rows.eval.map((r, i) => {
    if (!r.nameFr?.trim()) errors[`eval.${i}.nameFr`] = { key: 'form.error.required' };
    for (const col of ['max', 'weight', 'threshold'])
      if (r[col]?.trim() && !Number.isFinite(number(r[col])))
        errors[`eval.${i}.${col}`] = { key: 'form.error.invalid' };
    return {
      id: idOf(r),
      name: text(r, 'name'),
      description: text(r, 'desc'),
      maxScore: number(r.max) ?? 0,
      weight: number(r.weight) ?? 1,
      threshold: number(r.threshold),
    };
  });
  const requiredDocuments = rows.doc.map((r) => ({ id: idOf(r), label: text(r, 'label') }));
  const tranchePlan: Tranche[] = rows.tranche.map((r) => ({
    percent: number(r.percent) ?? 0,
    trigger: (TRANCHE_TRIGGERS as readonly string[]).includes(r.trigger ?? '')
      ? (r.trigger as Tranche['trigger'])
      : 'signature',
  }));
  const criteria: CallCriteria = {
    eligibilityCriteria,
    evaluationCriteria,
    requiredDocuments,
    tranchePlan,
    overallThreshold: number(rows.overallThreshold),
  };
  for (const p of criteriaProblems(criteria))
    errors[p.path] ??= { key: `manage.criteria.problem.${p.code}` as MessageKey };
  return { criteria, errors, version: Number(body.version), rows };
}
