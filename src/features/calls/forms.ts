import { z } from 'zod';
import type { Translated } from '../../domain/translated.ts';
import { brusselsToInstant } from '../../domain/brusselsTime.ts';
import { parseMoney } from '../../domain/money.ts';

const text = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.error.tooLong')
    .optional()
    .transform((v) => v || undefined);

/** A question about a call, as asked and as an officer may reword it before publishing it with its answer. */
export const MAX_QUESTION_LENGTH = 2000;
export const MAX_ANSWER_LENGTH = 5000;
export const MAX_CLOSE_REASON_LENGTH = 2000;
export const MAX_DOCUMENT_LABEL_LENGTH = 200;

export const questionForm = z.object({ question: text(MAX_QUESTION_LENGTH) });
/** The published question and its answer, in each language typed; the command checks the funder's languages are all there. */
export const answerForm = z
  .object({
    questionFr: optionalText(MAX_QUESTION_LENGTH),
    questionNl: optionalText(MAX_QUESTION_LENGTH),
    questionEn: optionalText(MAX_QUESTION_LENGTH),
    answerFr: optionalText(MAX_ANSWER_LENGTH),
    answerNl: optionalText(MAX_ANSWER_LENGTH),
    answerEn: optionalText(MAX_ANSWER_LENGTH),
  })
  .transform((form) => ({
    question: { fr: form.questionFr ?? '', nl: form.questionNl, en: form.questionEn },
    answer: { fr: form.answerFr ?? '', nl: form.answerNl, en: form.answerEn },
  }));
export const closeForm = z.object({ reason: text(MAX_CLOSE_REASON_LENGTH) });
/** The text fields of the call document upload form (multipart). */
export const documentForm = z.object({
  labelFr: text(MAX_DOCUMENT_LABEL_LENGTH),
  labelNl: optionalText(MAX_DOCUMENT_LABEL_LENGTH),
  labelEn: optionalText(MAX_DOCUMENT_LABEL_LENGTH),
});

const money = (required: boolean) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) {
        if (required) ctx.addIssue({ code: 'custom', message: 'form.error.required' });
        return null;
      }
      const parsed = parseMoney(v);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `money.error.${parsed.error}` });
      return parsed.ok ? parsed.value : null;
    });

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A field as a form sends it: its text ('' when absent), or null for what no form sends (a JSON object, a number). */
function fieldText(value: unknown): string | null {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : null;
}

/** A date and a time typed separately, read as Brussels wall-clock time: an instant, null when empty, or the error. */
function brusselsInstant(form: Record<string, unknown>, dateKey: string, timeKey: string) {
  const date = fieldText(form[dateKey]);
  const time = fieldText(form[timeKey]);
  if (date === null) return { ok: false as const, error: 'invalid-date' as const, path: dateKey };
  if (!date) return { ok: true as const, value: null };
  if (time === null) return { ok: false as const, error: 'invalid-time' as const, path: timeKey };
  const parsed = brusselsToInstant(date, time || '12:00');
  return parsed.ok ? parsed : { ...parsed, path: parsed.error === 'invalid-date' ? dateKey : timeKey };
}

/**
 * The rules between fields (dates, their order, the grant range). They run whatever the other
 * fields' problems, so a form is answered with every error at once, not one stage at a time.
 */
function crossFieldRules(form: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const opens = brusselsInstant(form, 'opensDate', 'opensTime');
  const closes = brusselsInstant(form, 'closesDate', 'closesTime');
  for (const parsed of [opens, closes])
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [parsed.path], message: `call.error.${parsed.error}` });
  if (opens.ok && closes.ok && opens.value && closes.value && opens.value >= closes.value)
    ctx.addIssue({ code: 'custom', path: ['closesDate'], message: 'call.error.closesBeforeOpens' });
  const { grantMin: min, grantMax: max } = form;
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    ctx.addIssue({ code: 'custom', path: ['grantMax'], message: 'call.error.grantRange' });
}

/** The general part of a call, as the officer types it. */
export const callForm = z
  .object({
    funderId: z.uuid('form.error.choice'),
    code: z
      .string({ error: 'form.error.required' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'call.error.code'),
    titleFr: text(300),
    titleNl: optionalText(300),
    titleEn: optionalText(300),
    summaryFr: text(600),
    summaryNl: optionalText(600),
    summaryEn: optionalText(600),
    descriptionFr: text(20_000),
    descriptionNl: optionalText(20_000),
    descriptionEn: optionalText(20_000),
    budget: money(true),
    grantMin: money(false),
    grantMax: money(false),
    coFundingMaxPercent: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? Number(v) : null))
      .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 100), 'call.error.percent'),
    opensDate: z.string().optional(),
    opensTime: z.string().optional(),
    closesDate: z.string().optional(),
    closesTime: z.string().optional(),
    targetPublics: list,
    activityTypes: list,
    version: z.coerce.number().int().optional(),
  })
  .check(z.superRefine(crossFieldRules, { when: () => true }))
  .transform((form) => {
    // The cross-field rules have checked them: here they are only read.
    const instant = (dateKey: string, timeKey: string) => {
      const parsed = brusselsInstant(form, dateKey, timeKey);
      return parsed.ok ? parsed.value : null;
    };
    const opensAt = instant('opensDate', 'opensTime');
    const closesAt = instant('closesDate', 'closesTime');
    return {
      funderId: form.funderId,
      code: form.code,
      title: { fr: form.titleFr, nl: form.titleNl, en: form.titleEn },
      summary: { fr: form.summaryFr, nl: form.summaryNl, en: form.summaryEn },
      description: { fr: form.descriptionFr, nl: form.descriptionNl, en: form.descriptionEn },
      budgetCents: form.budget ?? 0,
      grantMinCents: form.grantMin,
      grantMaxCents: form.grantMax,
      coFundingMaxPercent: form.coFundingMaxPercent,
      opensAt,
      closesAt,
      targetPublics: form.targetPublics,
      activityTypes: form.activityTypes,
      version: form.version,
    };
  });
export type CallInput = Omit<z.output<typeof callForm>, 'version'>;

/**
 * The note that explains a correction to a published call, in each language typed (French first);
 * null when nothing was typed. Whether one is needed is the command's to say.
 */
export function correctionNoteOf(body: unknown): Translated | null {
  const form = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof form[key] === 'string' ? (form[key] as string).trim().slice(0, 2000) : '');
  const note = {
    fr: text('correctionFr'),
    nl: text('correctionNl') || undefined,
    en: text('correctionEn') || undefined,
  };
  return note.fr || note.nl || note.en ? note : null;
}
