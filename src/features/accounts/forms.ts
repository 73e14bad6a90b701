import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/identity/passwords.ts';

// Messages are message keys: the page translates them next to the field.
const email = z
  .string({ error: 'form.error.required' })
  .trim()
  .min(1, 'form.error.required')
  .max(254, 'form.error.tooLong')
  .pipe(z.email('form.error.email'))
  .transform((e) => e.toLowerCase());

const newPassword = z
  .string({ error: 'form.error.required' })
  .min(1, 'form.error.required')
  .min(PASSWORD_MIN_LENGTH, 'form.error.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'form.error.tooLong');

const confirmed = <T extends { password: string; passwordConfirm: string }>(form: T, ctx: z.RefinementCtx) => {
  if (form.password !== form.passwordConfirm) {
    ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'form.error.passwordMismatch' });
  }
};

export const signUpForm = z
  .object({
    displayName: z
      .string({ error: 'form.error.required' })
      .trim()
      .min(1, 'form.error.required')
      .max(120, 'form.error.tooLong'),
    email,
    password: newPassword,
    passwordConfirm: z.string({ error: 'form.error.required' }).min(1, 'form.error.required'),
  })
  .superRefine(confirmed);
export type SignUpInput = z.infer<typeof signUpForm>;

export const signInForm = z.object({
  email,
  password: z
    .string({ error: 'form.error.required' })
    .min(1, 'form.error.required')
    .max(PASSWORD_MAX_LENGTH, 'form.error.tooLong'),
});
export type SignInInput = z.infer<typeof signInForm>;

export const forgotForm = z.object({ email });

export const resetForm = z
  .object({
    token: z.string().min(1).max(200),
    password: newPassword,
    passwordConfirm: z.string({ error: 'form.error.required' }).min(1, 'form.error.required'),
  })
  .superRefine(confirmed);
export type ResetInput = z.infer<typeof resetForm>;
