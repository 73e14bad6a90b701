import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendarDate.ts';
import { parseIban } from '../../domain/iban.ts';
import { parseMoney } from '../../domain/money.ts';
import { parseForm, submittedList, type FormResult } from '../../platform/http/forms.ts';

const text = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const date = z
  .string({ error: 'form.error.required' })
  .trim()
  .refine((v) => isCalendarDate(v), 'grants.error.date');
const version = z.coerce.number({ error: 'form.error.invalid' }).int().min(0);

/** The agreement's period, and the officer's confirmation after the de minimis warning. */
export const sendForm = z
  .object({
    periodStart: date,
    periodEnd: date,
    version,
    deMinimisConfirmed: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
  })
  .refine((f) => f.periodEnd > f.periodStart, { path: ['periodEnd'], message: 'grants.error.periodEnd' });

export const acceptForm = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'form.error.invalid'),
  confirm: z.literal('yes', 'grants.error.confirmAccept'),
});

export const approveForm = z.object({ version });

const BIC = /^[A-Z0-9]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/;

export const settingsForm = z.object({
  debtorName: text(70),
  debtorIban: text(50).transform((v, ctx) => {
    const parsed = parseIban(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `organisation.error.iban.${parsed.error}` });
    return parsed.ok ? parsed.value : v;
  }),
  debtorBic: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || BIC.test(v), 'grants.error.bic'),
  threshold: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const parsed = parseMoney(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: 'grants.error.amount' });
        return null;
      }
      return parsed.value;
    }),
});

/** The batch form: the execution day and the tranches ticked (one `tranche` field per box). */
export function parseBatchForm(body: Record<string, unknown>): { executionDate: string; trancheIds: string[] } {
  const executionDate = typeof body.executionDate === 'string' ? body.executionDate.trim() : '';
  return { executionDate, trancheIds: submittedList(body, 'tranche') };
}

/** A move on a grant that says why: the grantee declining (the offer or an amendment), an officer suspending, resuming or closing it. */
export const reasonForm = z.object({ version, reason: text(2000) });

/** A transfer the bank rejected or sent back: the reason it gave (an ISO 20022 code, words), for the audit trail. */
export const outcomeForm = z.object({ reason: text(500) });

const money = (v: string, ctx: z.RefinementCtx) => {
  const parsed = parseMoney(v);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: 'grants.error.amount' });
    return 0;
  }
  return parsed.value;
};

/** A recovery: the amount claimed back (euros as typed) and its reason. */
export const recoveryForm = z.object({
  version,
  amount: text(30).transform(money),
  reason: text(4000),
});

/** An amendment extending the period (an extension without cost). */
export const extensionForm = z.object({
  version,
  kind: z.literal('extension'),
  reason: text(2000),
  periodEnd: date,
});

/**
 * An amendment revising the budget between lines: one amount per line of the table in force (`line-0`,
 * `line-1`…, in euros as typed), `lines` saying how many there are.
 */
export function parseBudgetRevision(
  body: Record<string, unknown>,
  lineCount: number,
): FormResult<{ version: number; reason: string; lineAmounts: number[] }> {
  const shape: Record<string, z.ZodType> = { version, reason: text(2000) };
  for (let i = 0; i < lineCount; i++) shape[`line-${i}`] = text(30).transform(money);
  const parsed = parseForm(z.object(shape), body);
  if (!parsed.ok) return parsed;
  const data = parsed.data as Record<string, unknown>;
  return {
    ok: true,
    data: {
      version: data.version as number,
      reason: data.reason as string,
      lineAmounts: Array.from({ length: lineCount }, (_, i) => data[`line-${i}`] as number),
    },
  };
}

/** The call's agreement clauses, one text per language (each may be empty). */
export const templateForm = z.object({
  version,
  fr: z.string().trim().max(20_000, 'form.error.tooLong').default(''),
  nl: z.string().trim().max(20_000, 'form.error.tooLong').default(''),
  en: z.string().trim().max(20_000, 'form.error.tooLong').default(''),
});

/** The amount of a recovery proposed by a link (`?amount=` in cents), shown in euros in the form; else empty. */
export function amountPrefill(query: unknown): string {
  const raw = (query as { amount?: unknown } | null)?.amount;
  if (typeof raw !== 'string' || !/^\d{1,13}$/.test(raw)) return '';
  const cents = Number(raw);
  return cents > 0 ? `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}` : '';
}
