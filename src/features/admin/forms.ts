import { z } from 'zod';
import { ROLES } from '../../domain/access.ts';

const optionalName = z
  .string()
  .trim()
  .max(200, 'form.error.tooLong')
  .optional()
  .transform((v) => v || undefined);

export const funderForm = z.object({
  slug: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(40, 'form.error.tooLong')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'form.error.slug'),
  nameFr: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(200, 'form.error.tooLong'),
  nameNl: optionalName,
  nameEn: optionalName,
});

export const grantForm = z.object({
  email: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .pipe(z.email('form.error.email')),
  funderId: z.uuid('form.error.choice'),
  role: z.enum(ROLES, 'form.error.choice'),
});
