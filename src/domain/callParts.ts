import { editability, type CallPart, type CallStatus } from './callLifecycle.ts';
import { canonicalJson } from './forms/canonicalJson.ts';

/** Which fields of a call make up each part an officer edits through the call's general form. */
export const GENERAL_PARTS = {
  texts: ['title', 'summary', 'description'],
  budget: ['budgetCents', 'grantMinCents', 'grantMaxCents', 'coFundingMaxPercent'],
  dates: ['opensAt', 'closesAt'],
  publics: ['targetPublics', 'activityTypes'],
} as const satisfies Partial<Record<CallPart, readonly string[]>>;

type GeneralField = (typeof GENERAL_PARTS)[keyof typeof GENERAL_PARTS][number];
export type GeneralFields = { [F in GeneralField]: unknown };

/** The parts whose fields differ between two versions of a call's general form, in the order of GENERAL_PARTS. */
export function changedParts(before: GeneralFields, after: GeneralFields): CallPart[] {
  const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);
  return (Object.entries(GENERAL_PARTS) as [CallPart, readonly GeneralField[]][])
    .filter(([, fields]) => fields.some((f) => !same(normal(before[f]), normal(after[f]))))
    .map(([part]) => part);
}

// Absent translations and empty ones are the same text; instants compare by their value.
function normal(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && !Array.isArray(value))
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return value;
}

/**
 * Parts whose correction says itself on the public page ("the application form was changed",
 * "document added: …"), so that no note is asked for each edit of the form builder.
 */
const SELF_EXPLAINED: readonly CallPart[] = ['form', 'documents'];

export type ChangeRefusal = `locked-${CallPart}` | 'note-required';

/**
 * Why changing these parts of a call is refused now: a part locked in the call's state, or a change
 * after publication without the note that explains it to those who read the call before.
 */
export function changeRefusals(status: CallStatus, parts: readonly CallPart[], hasNote: boolean): ChangeRefusal[] {
  const refusals: ChangeRefusal[] = parts
    .filter((part) => editability(status, part) === 'locked')
    .map((part) => `locked-${part}` as const);
  const explained = parts.some((part) => editability(status, part) === 'correction' && !SELF_EXPLAINED.includes(part));
  if (!refusals.length && explained && !hasNote) refusals.push('note-required');
  return refusals;
}

/** Whether changing these parts now is a correction, to record and show. */
export function isCorrection(status: CallStatus, parts: readonly CallPart[]): boolean {
  return parts.some((part) => editability(status, part) === 'correction');
}
