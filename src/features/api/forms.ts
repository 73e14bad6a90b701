import { z } from 'zod';

// Messages are message keys: the page translates them next to the field.
export const tokenForm = z.object({
  name: z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(100, 'form.error.tooLong'),
});
