import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks.ts';

const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

// Messages are message keys; whether the address is acceptable is the command's (endpointUrlProblem).
export const endpointForm = z.object({
  url: z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(2000, 'form.error.tooLong'),
  description: z.string().trim().max(200, 'form.error.tooLong').default(''),
  events: list.pipe(z.array(z.enum(WEBHOOK_EVENT_TYPES, 'form.error.choice'))),
});
