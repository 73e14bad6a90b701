import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';
import { LOCALES } from '../../domain/locale.ts';
import type { FunderSettings } from './commands/updateFunder.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.error.tooLong')
    .optional()
    .transform((v) => v || undefined);
const requiredText = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');

export const funderForm = z.object({
  slug: requiredText(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'form.error.slug'),
  nameFr: requiredText(200),
  nameNl: optionalText(200),
  nameEn: optionalText(200),
});

export const grantForm = z.object({
  email: requiredText(320).pipe(z.email('form.error.email')),
  funderId: z.uuid('form.error.choice'),
  role: z.enum(ROLES, 'form.error.choice'),
});

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const NAME_FIELD = { fr: 'nameFr', nl: 'nameNl', en: 'nameEn' } as const;

/** A funder's settings as its administrator types them; a name is needed in each language the funder requires. */
export const funderSettingsForm = z
  .object({
    nameFr: requiredText(200),
    nameNl: optionalText(200),
    nameEn: optionalText(200),
    descriptionFr: optionalText(2000),
    descriptionNl: optionalText(2000),
    descriptionEn: optionalText(2000),
    website: optionalText(300).pipe(z.url('form.error.url').optional()),
    contactEmail: optionalText(320).pipe(z.email('form.error.email').optional()),
    street: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    keepsNationalNumber: z.literal('yes', 'form.error.choice').optional(),
    nationalNumberLegalBasis: optionalText(1000),
    requiredLanguages: list.pipe(
      z.array(z.enum(LOCALES, 'form.error.choice')).min(1, 'admin.funder.languagesRequired'),
    ),
    version: z.coerce.number().int(),
  })
  .transform((form, ctx): { settings: FunderSettings; version: number } => {
    const name = { fr: form.nameFr, nl: form.nameNl, en: form.nameEn };
    for (const lang of form.requiredLanguages) {
      if (!name[lang]) ctx.addIssue({ code: 'custom', path: [NAME_FIELD[lang]], message: 'form.error.required' });
    }
    if (form.keepsNationalNumber && !form.nationalNumberLegalBasis)
      ctx.addIssue({ code: 'custom', path: ['nationalNumberLegalBasis'], message: 'admin.funder.legalBasisRequired' });
    return {
      version: form.version,
      settings: {
        name,
        description: { fr: form.descriptionFr ?? '', nl: form.descriptionNl, en: form.descriptionEn },
        website: form.website ?? null,
        contactEmail: form.contactEmail ?? null,
        street: form.street ?? null,
        postalCode: form.postalCode ?? null,
        city: form.city ?? null,
        requiredLanguages: LOCALES.filter((l) => form.requiredLanguages.includes(l)),
        // The basis typed while the box is unticked is not kept: unticked, the funder keeps no number.
        nationalNumberLegalBasis: form.keepsNationalNumber ? form.nationalNumberLegalBasis! : null,
      },
    };
  });

/** The audit trail's filters, as typed in the page's query string; what cannot be read is left out. */
export const auditFilterForm = z.object({
  actor: optionalText(200).catch(undefined),
  action: optionalText(100).catch(undefined),
  subject: optionalText(100).catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
  verify: z.literal('1').optional().catch(undefined),
});
