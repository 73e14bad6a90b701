import { z } from 'zod';
import { FIELD_TYPES, type FieldDef, type FieldType } from '../../domain/forms/definition.ts';
import { parseMoney } from '../../domain/money.ts';
import type { Translated } from '../../domain/translated.ts';

const optional = z
  .string()
  .trim()
  .max(2000, 'form.error.tooLong')
  .optional()
  .transform((v) => v || undefined);
const translated = (fr: string, nl?: string, en?: string): Translated => ({
  fr,
  ...(nl ? { nl } : {}),
  ...(en ? { en } : {}),
});

/** An option's value is derived from its French label, so officers never type technical keys. */
export function optionValue(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'option'
  );
}

/**
 * The form builder's field editor. Options are typed one per line as "French / Dutch / English";
 * limits are typed as people write numbers and amounts.
 */
export const fieldForm = z
  .object({
    sectionId: z.string().min(1, 'form.error.choice'),
    id: z
      .string({ error: 'form.error.required' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9-]{0,39}$/, 'manage.form.error.id'),
    type: z.enum(FIELD_TYPES, 'form.error.choice'),
    labelFr: z
      .string({ error: 'form.error.required' })
      .trim()
      .min(1, 'form.error.required')
      .max(300, 'form.error.tooLong'),
    labelNl: optional,
    labelEn: optional,
    helpFr: optional,
    helpNl: optional,
    helpEn: optional,
    required: z
      .string()
      .optional()
      .transform((v) => v === 'on' || v === 'true'),
    maxLength: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? Number(v) : undefined)),
    min: z.string().optional(),
    max: z.string().optional(),
    options: z
      .string()
      .optional()
      .transform((v) =>
        (v ?? '')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    version: z.coerce.number().int(),
  })
  .transform((f, ctx): { sectionId: string; version: number; field: FieldDef } => {
    const base = {
      id: f.id,
      label: translated(f.labelFr, f.labelNl, f.labelEn),
      required: f.required,
      ...(f.helpFr ? { help: translated(f.helpFr, f.helpNl, f.helpEn) } : {}),
    };
    const bound = (raw: string | undefined, key: 'min' | 'max', money: boolean): number | undefined => {
      if (!raw?.trim()) return undefined;
      if (money) {
        const parsed = parseMoney(raw);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [key], message: `money.error.${parsed.error}` });
        return parsed.ok ? parsed.value : undefined;
      }
      const n = Number(raw.replace(',', '.'));
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', path: [key], message: 'form.error.invalid' });
      return n;
    };
    const type: FieldType = f.type;
    let field: FieldDef;
    switch (type) {
      case 'short-text':
        field = { ...base, type, ...(f.maxLength ? { maxLength: f.maxLength } : {}) };
        break;
      case 'long-text':
        field = { ...base, type, maxLength: f.maxLength ?? 3000 };
        break;
      case 'number':
      case 'money': {
        const min = bound(f.min, 'min', type === 'money');
        const max = bound(f.max, 'max', type === 'money');
        field = { ...base, type, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
        break;
      }
      case 'single-choice':
      case 'multi-choice':
        field = {
          ...base,
          type,
          options: f.options.map((line) => {
            const [fr = '', nl, en] = line.split('/').map((p) => p.trim());
            return { value: optionValue(fr), label: translated(fr, nl, en) };
          }),
        };
        break;
      default:
        field = { ...base, type } as FieldDef;
    }
    return { sectionId: f.sectionId, version: f.version, field };
  });

export const sectionForm = z.object({
  // Not `id`: the question editor on the same page already has a field of that name.
  newSectionId: z
    .string({ error: 'form.error.required' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'manage.form.error.id'),
  titleFr: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(200, 'form.error.tooLong'),
  titleNl: optional,
  titleEn: optional,
  version: z.coerce.number().int(),
});

/** The editor's values for an existing field, to edit it in the same form that created it. */
export function fieldFormValues(
  sectionId: string,
  field: FieldDef,
  version: number,
  money: (cents: number) => string,
): Record<string, string> {
  const values: Record<string, string> = {
    sectionId,
    id: field.id,
    type: field.type,
    labelFr: field.label.fr,
    labelNl: field.label.nl ?? '',
    labelEn: field.label.en ?? '',
    helpFr: field.help?.fr ?? '',
    helpNl: field.help?.nl ?? '',
    helpEn: field.help?.en ?? '',
    required: field.required ? 'on' : '',
    version: String(version),
  };
  if ((field.type === 'short-text' || field.type === 'long-text') && field.maxLength)
    values.maxLength = String(field.maxLength);
  if (field.type === 'number' || field.type === 'money') {
    const show = (n: number | undefined) => (n === undefined ? '' : field.type === 'money' ? money(n) : String(n));
    values.min = show(field.min);
    values.max = show(field.max);
  }
  if (field.type === 'single-choice' || field.type === 'multi-choice') {
    values.options = field.options
      .map((o) => [o.label.fr, o.label.nl, o.label.en].filter(Boolean).join(' / '))
      .join('\n');
  }
  return values;
}
