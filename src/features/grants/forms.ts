import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendarDate.ts';
import { parseIban } from '../../domain/iban.ts';
import { parseMoney } from '../../domain/money.ts';

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
  const raw = body.tranche;
  const ids = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  return { executionDate: typeof body.executionDate === 'string' ? body.executionDate.trim() : '', trancheIds: ids };
}
