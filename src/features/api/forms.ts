import { z } from 'zod';
import { API_SCOPES } from '../../domain/apiTokenPolicy.ts';

// A group of checkboxes arrives as nothing, one string or several.
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// Messages are message keys: the page translates them next to the field.
export const tokenForm = z.object({
  name: z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(100, 'form.error.tooLong'),
  scopes: list.pipe(z.array(z.enum(API_SCOPES, 'form.error.choice')).min(1, 'apiTokens.scopesRequired')),
  funders: list.pipe(z.array(z.guid('form.error.choice'))),
  // Checked against today by the command (tokenExpiry), which says which bound it broke.
  expiresOn: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(10, 'form.error.invalid'),
});
