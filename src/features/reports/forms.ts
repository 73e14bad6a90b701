import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendarDate.ts';
import { parseMoney } from '../../domain/money.ts';

const version = z.coerce.number({ error: 'form.error.invalid' }).int().min(0);
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || isCalendarDate(v), 'reports.error.date');

/** The report form's own fields (the indicators are read by readReportForm). */
export const reportForm = z.object({ version, intent: z.enum(['save', 'submit']).catch('save') });

export const decisionForm = z.object({
  version,
  decision: z.enum(['approve', 'return'], { error: 'form.error.invalid' }),
  remarks: z.string().trim().max(5_000, 'form.error.tooLong').optional().default(''),
  returnDueOn: optionalDate,
});

export const skipForm = z.object({
  version,
  reason: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(2_000, 'form.error.tooLong'),
});

export const moveForm = z.object({
  version,
  dueOn: z
    .string({ error: 'form.error.required' })
    .trim()
    .refine((v) => isCalendarDate(v), 'reports.error.date'),
});

export const versionForm = z.object({ version });

export const expenseForm = z.object({
  line: z.coerce.number({ error: 'form.error.invalid' }).int().min(0, 'form.error.invalid'),
  amount: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .transform((v, ctx) => {
      const parsed = parseMoney(v);
      if (!parsed.ok || parsed.value <= 0) {
        ctx.addIssue({ code: 'custom', message: 'reports.error.amount' });
        return 0;
      }
      return parsed.value;
    }),
  description: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(500, 'form.error.tooLong'),
});
