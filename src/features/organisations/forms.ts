import { z } from 'zod';
import { parseEnterpriseNumber } from '../../domain/enterpriseNumber.ts';
import { parseIban } from '../../domain/iban.ts';
import { LEGAL_FORMS } from './schema.ts';

const text = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.error.tooLong')
    .optional()
    .transform((v) => v || null);

export const organisationForm = z.object({
  name: text(200),
  legalForm: z.enum(LEGAL_FORMS, 'form.error.choice'),
  enterpriseNumber: text(20).transform((v, ctx) => {
    const parsed = parseEnterpriseNumber(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `organisation.error.enterpriseNumber.${parsed.error}` });
    return parsed.ok ? parsed.value : v;
  }),
  street: text(200),
  postalCode: z
    .string({ error: 'form.error.required' })
    .trim()
    .regex(/^\d{4}$/, 'organisation.error.postalCode'),
  city: text(100),
  iban: text(50).transform((v, ctx) => {
    const parsed = parseIban(v);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `organisation.error.iban.${parsed.error}` });
    return parsed.ok ? parsed.value : v;
  }),
  accountHolder: text(200),
  contactName: text(200),
  contactEmail: text(254).pipe(z.email('form.error.email')),
  contactPhone: optional(40),
  website: optional(300).refine((v) => v === null || /^https?:\/\/\S+$/.test(v), 'organisation.error.website'),
  version: z.coerce.number().int().optional(),
});
export type OrganisationInput = Omit<z.infer<typeof organisationForm>, 'version'>;

export const inviteForm = z.object({
  email: text(254).pipe(z.email('form.error.email')),
  role: z.enum(['owner', 'member'], 'form.error.choice'),
});
