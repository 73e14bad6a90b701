import { z } from 'zod';
import type { EligibilityCriterion } from '../../domain/callCriteria.ts';
import { ELIGIBILITY_DECISIONS, isVerdict, type Verdicts } from '../../domain/screening.ts';
import { formRows } from '../../platform/http/formRows.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';

export const NOTE_MAX = 2000;
export const REASON_MAX = 5000;

/** The checklist as typed, by criterion id: what the page shows again after a refusal. */
export type ChecklistValues = Record<string, { verdict: string; note: string }>;

/**
 * Reads the checklist form: one row per criterion, `c.<i>.id`, `c.<i>.verdict` (a radio group) and
 * `c.<i>.note`, matched to the call's criteria by id (the index only keeps the rows apart). A note
 * needs a verdict, so that what is saved is always a verdict with its note.
 */
export function parseChecklist(
  body: Record<string, unknown>,
  criteria: readonly EligibilityCriterion[],
): { ok: boolean; verdicts: Verdicts; values: ChecklistValues; errors: FieldErrors; version: number } {
  const rows = formRows(body, 'c');
  const values: ChecklistValues = {};
  const verdicts: Verdicts = {};
  const errors: FieldErrors = {};
  rows.forEach((row) => {
    const criterion = criteria.find((c) => c.id === row.id);
    if (!criterion) return;
    const verdict = (row.verdict ?? '').trim();
    const note = (row.note ?? '').trim();
    values[criterion.id] = { verdict, note };
    const at = `c.${criteria.indexOf(criterion)}`;
    if (verdict && !isVerdict(verdict)) errors[`${at}.verdict`] = { key: 'form.error.choice' };
    else if (!verdict && note) errors[`${at}.verdict`] = { key: 'screening.error.noteWithoutVerdict' };
    else if (note.length > NOTE_MAX) errors[`${at}.note`] = { key: 'form.error.tooLong', values: { max: NOTE_MAX } };
    else if (isVerdict(verdict)) verdicts[criterion.id] = { verdict, note };
  });
  const version = Number(body.version);
  return {
    ok: Object.keys(errors).length === 0,
    verdicts,
    values,
    errors,
    version: Number.isInteger(version) ? version : 0,
  };
}

export const decisionForm = z
  .object({
    decision: z.enum(ELIGIBILITY_DECISIONS, { error: 'form.error.choice' }),
    reason: z.string().trim().max(REASON_MAX, 'form.error.tooLong').default(''),
    checklistVersion: z.coerce.number({ error: 'form.error.invalid' }).int('form.error.invalid'),
  })
  .superRefine((f, ctx) => {
    if (f.decision === 'ineligible' && !f.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'screening.error.reasonRequired' });
  });

export const reopenForm = z.object({
  reason: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(REASON_MAX, 'form.error.tooLong'),
});
