import { z } from 'zod';
import { parseMoney } from '../../domain/money.ts';
import type { Translated } from '../../domain/translated.ts';
import type { FieldErrors } from '../../platform/views/forms.tsx';
import type { PlanSettings } from './selectionFacts.ts';

/** The raw text of the selection form, kept to show the page again exactly as typed. */
export type PlanValues = Record<string, string>;

export type ParsedPlan =
  | { ok: true; plan: PlanSettings; budgetCents: number | null; intent: 'preview' | 'save'; values: PlanValues }
  | { ok: false; errors: FieldErrors; values: PlanValues };

const text = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : '';

export const MAX_FIXED_JUSTIFICATION_LENGTH = 2000;
export const MAX_PLAN_JUSTIFICATION_LENGTH = 4000;

/**
 * Reads the selection form: the mode, the what-if budget (null: the call's), the partial-funding
 * floor, the portfolio rules (`min.<public>`, one per target public) and a fixed amount with its
 * justification per application (`fixed.<id>`, `reason.<id>`). Empty means "no rule" or "the
 * engine decides"; 0 excludes an application. Which publics and applications the call has is the
 * service's to know: the selection ignores the others.
 */
export function parsePlanForm(body: Record<string, unknown>): ParsedPlan {
  const values: PlanValues = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  const errors: FieldErrors = {};
  const count = (name: string, min: number, max: number): number | null => {
    const raw = text(body, name);
    if (raw === '') return null;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      errors[name] = { key: 'decisions.error.count', values: { min, max } };
      return null;
    }
    return Number(raw);
  };
  const money = (name: string): number | null => {
    const raw = text(body, name);
    if (raw === '') return null;
    const parsed = parseMoney(raw);
    if (!parsed.ok) {
      errors[name] = { key: `money.error.${parsed.error}` };
      return null;
    }
    return parsed.value;
  };

  const mode = text(body, 'mode') === 'constrained' ? 'constrained' : 'ranking';
  const budgetCents = money('budget');
  const suffixes = (prefix: string) =>
    Object.keys(body).flatMap((k) =>
      k.startsWith(prefix) && k.length > prefix.length ? [k.slice(prefix.length)] : [],
    );
  const partialFloorPercent = count('partialFloor', 1, 100);
  const minPerTargetPublic: Record<string, number> = {};
  for (const key of suffixes('min.')) {
    const n = count(`min.${key}`, 0, 1000);
    if (n) minPerTargetPublic[key] = n;
  }
  const maxPerCommune = count('maxPerCommune', 1, 1000);
  const maxPerOrganisation = count('maxPerOrganisation', 1, 1000);
  // A justification over its limit is refused with a message, never cut short without a word.
  const justified = (name: string, max: number): string => {
    const raw = text(body, name);
    if (raw.length > max) errors[name] = { key: 'form.error.tooLong', values: { max } };
    return raw;
  };
  const fixed = suffixes('fixed.').flatMap((id) => {
    const amountCents = money(`fixed.${id}`);
    const justification = justified(`reason.${id}`, MAX_FIXED_JUSTIFICATION_LENGTH);
    return amountCents === null ? [] : [{ applicationId: id, amountCents, justification }];
  });
  const justification = justified('justification', MAX_PLAN_JUSTIFICATION_LENGTH);
  if (Object.keys(errors).length) return { ok: false, errors, values };
  const intent = text(body, 'intent') === 'save' ? 'save' : 'preview';
  return {
    ok: true,
    plan: { mode, partialFloorPercent, minPerTargetPublic, maxPerCommune, maxPerOrganisation, fixed, justification },
    budgetCents,
    intent,
    values,
  };
}

/** The selection form's text for a saved plan: what the page shows before anything is typed. */
export function planValues(
  plan: PlanSettings,
  budgetCents: number,
  formatCents: (cents: number) => string,
): PlanValues {
  const values: PlanValues = {
    mode: plan.mode,
    budget: formatCents(budgetCents),
    partialFloor: plan.partialFloorPercent === null ? '' : String(plan.partialFloorPercent),
    maxPerCommune: plan.maxPerCommune === null ? '' : String(plan.maxPerCommune),
    maxPerOrganisation: plan.maxPerOrganisation === null ? '' : String(plan.maxPerOrganisation),
    justification: plan.justification,
  };
  for (const [key, n] of Object.entries(plan.minPerTargetPublic)) values[`min.${key}`] = String(n);
  for (const f of plan.fixed) {
    values[`fixed.${f.applicationId}`] = formatCents(f.amountCents);
    values[`reason.${f.applicationId}`] = f.justification;
  }
  return values;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'decisions.error.date');

/** A text of the decision typed in each language; blank ones are left out, and the command checks the funder's. */
const perLanguage = (max: number) => z.string().trim().max(max, 'form.error.tooLong').default('');
const translated = (fr: string, nl: string, en: string): Translated => ({
  fr,
  ...(nl ? { nl } : {}),
  ...(en ? { en } : {}),
});

export const confirmForm = z
  .object({
    version: z.coerce.number().int(),
    decidingBodyFr: z.string().trim().min(1, 'form.error.required').max(300, 'form.error.tooLong'),
    decidingBodyNl: perLanguage(300),
    decidingBodyEn: perLanguage(300),
    decidedOn: isoDate,
    /** Who signs the letters, and in which function; the letters name them. */
    signatoryName: z.string().trim().max(200).default(''),
    signatoryFunctionFr: perLanguage(200),
    signatoryFunctionNl: perLanguage(200),
    signatoryFunctionEn: perLanguage(200),
    /** How and by when to contest, when not the default text (the Council of State, within 60 days). */
    appealRoutesFr: perLanguage(4000),
    appealRoutesNl: perLanguage(4000),
    appealRoutesEn: perLanguage(4000),
  })
  .transform((f) => ({
    version: f.version,
    decidedOn: f.decidedOn,
    decidingBody: translated(f.decidingBodyFr, f.decidingBodyNl, f.decidingBodyEn),
    signatoryName: f.signatoryName,
    signatoryFunction: translated(f.signatoryFunctionFr, f.signatoryFunctionNl, f.signatoryFunctionEn),
    appealRoutes:
      f.appealRoutesFr || f.appealRoutesNl || f.appealRoutesEn
        ? translated(f.appealRoutesFr, f.appealRoutesNl, f.appealRoutesEn)
        : null,
  }));

export const announcementForm = z.object({
  fr: z.string().trim().min(1, 'form.error.required').max(20_000),
  nl: z.string().trim().min(1, 'form.error.required').max(20_000),
});

export const withdrawalForm = z.object({
  applicationId: z.uuid('form.error.invalid'),
  reason: z.string().trim().min(1, 'form.error.required').max(2000),
});
