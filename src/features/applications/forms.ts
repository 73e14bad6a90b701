import { z } from 'zod';
import { brusselsToInstant } from '../../domain/brusselsTime.ts';
import { MAX_TITLE_LENGTH, readTitle } from '../../domain/forms/answers.ts';

export const applyForm = z.object({
  organisationId: z.uuid('form.error.choice'),
  // The domain's rule, the one every save of the application applies too.
  title: z.string({ error: 'form.error.required' }).transform((typed, ctx) => {
    const title = readTitle(typed);
    if (title.ok) return title.value;
    if (title.error.code === 'too-long')
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: MAX_TITLE_LENGTH,
        inclusive: true,
        input: typed,
        message: 'form.error.tooLong',
      });
    else ctx.addIssue({ code: 'custom', input: typed, message: 'form.error.required' });
    return z.NEVER;
  }),
});

export const withdrawForm = z.object({
  reason: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(2000, 'form.error.tooLong'),
});

export const returnForm = z
  .object({
    message: z
      .string({ error: 'form.error.required' })
      .trim()
      .min(1, 'form.error.required')
      .max(5000, 'form.error.tooLong'),
    openFields: z
      .union([z.string(), z.array(z.string())], { error: 'application.return.noFields' })
      .transform((v) => (Array.isArray(v) ? v : [v])),
    dueDate: z.string({ error: 'form.error.required' }).min(1, 'form.error.required'),
    dueTime: z.string().optional(),
  })
  .transform((f, ctx) => {
    const due = brusselsToInstant(f.dueDate, f.dueTime?.trim() || '12:00');
    if (!due.ok)
      ctx.addIssue({
        code: 'custom',
        path: [due.error === 'invalid-date' ? 'dueDate' : 'dueTime'],
        message: `call.error.${due.error}`,
      });
    return { message: f.message, openFields: f.openFields, dueAt: due.ok ? due.value : new Date(0) };
  });
