// The jury's forms as the browser sends them (strings, repeated names for ticked boxes). Messages
// are message keys: the page translates them next to the field.
import { z } from 'zod';
import { LOCALES } from '../../domain/locale.ts';
import { MAX_JUROR_CAPACITY, MAX_REVIEWERS_PER_APPLICATION } from '../calls/service.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../platform/identity/passwords.ts';

const text = (max: number) =>
  z.string({ error: 'form.error.required' }).trim().min(1, 'form.error.required').max(max, 'form.error.tooLong');
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
const ticked = z
  .string()
  .optional()
  .transform((v) => v === 'yes' || v === 'on');

/** A whole number in a range, or null when left empty. */
const optionalCount = (max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = Number(v.trim());
      if (!Number.isInteger(n) || n < 0 || n > max) ctx.addIssue({ code: 'custom', message: 'jury.error.count' });
      return n;
    });
const count = (min: number, max: number) =>
  z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) ctx.addIssue({ code: 'custom', message: 'jury.error.count' });
      return n;
    });

export const inviteForm = z.object({
  email: text(254).pipe(z.email('form.error.email')),
  isChair: ticked,
  capacity: optionalCount(MAX_JUROR_CAPACITY),
});

export const newAccountForm = z
  .object({
    token: z.string().min(1).max(200),
    displayName: text(120),
    password: z
      .string({ error: 'form.error.required' })
      .min(1, 'form.error.required')
      .min(PASSWORD_MIN_LENGTH, 'form.error.passwordTooShort')
      .max(PASSWORD_MAX_LENGTH, 'form.error.tooLong'),
    passwordConfirm: z.string({ error: 'form.error.required' }).min(1, 'form.error.required'),
  })
  .superRefine((form, ctx) => {
    if (form.password !== form.passwordConfirm)
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'form.error.passwordMismatch' });
  });

export const declarationForm = z.object({
  declaration: z
    .string({ error: 'jury.declaration.mustAgree' })
    .refine((v) => v === 'yes', 'jury.declaration.mustAgree'),
  targetPublics: list,
  activityTypes: list,
  digcompAreas: list,
  languages: list
    .transform((v) => v.filter((l): l is (typeof LOCALES)[number] => (LOCALES as readonly string[]).includes(l)))
    .refine((v) => v.length > 0, 'jury.declaration.languageRequired'),
});

/** "organisation:<id>" or "application:<id>", as the conflict forms' one select sends it. */
const target = z
  .string({ error: 'form.error.choice' })
  .regex(/^(organisation|application):[0-9a-f-]{36}$/, 'form.error.choice')
  .transform((v) => {
    const [kind, id] = v.split(':') as ['organisation' | 'application', string];
    return kind === 'organisation' ? { organisationId: id } : { applicationId: id };
  });

export const conflictForm = z.object({ target, reason: text(1000) });
export const recordConflictForm = z.object({ jurorId: z.uuid('form.error.choice'), target, reason: text(1000) });
export const withdrawForm = z.object({ reason: text(1000) });
export const limitsForm = z.object({
  capacity: optionalCount(MAX_JUROR_CAPACITY),
  minLoad: optionalCount(MAX_JUROR_CAPACITY),
});
export const manualAssignForm = z.object({
  jurorId: z.uuid('form.error.choice'),
  applicationId: z.uuid('form.error.choice'),
});

export const computeForm = z.object({
  floor: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return null;
      const n = Number(v.trim().replace(',', '.'));
      if (!Number.isFinite(n) || n < 0 || n > MAX_REVIEWERS_PER_APPLICATION)
        ctx.addIssue({ code: 'custom', message: 'jury.error.floor' });
      return n;
    }),
});

export const confirmForm = z.object({
  pair: list.transform((v, ctx) =>
    v.map((p) => {
      const match = /^([0-9a-f-]{36}):([0-9a-f-]{36})$/.exec(p);
      if (!match) ctx.addIssue({ code: 'custom', message: 'form.error.invalid' });
      return { jurorId: match?.[1] ?? '', applicationId: match?.[2] ?? '' };
    }),
  ),
});

export const settingsForm = z
  .object({
    reviewersPerApplication: count(1, MAX_REVIEWERS_PER_APPLICATION),
    defaultCapacity: count(0, MAX_JUROR_CAPACITY),
    hideOthersUntilSubmitted: ticked,
    halfPoints: ticked,
    version: z.coerce.number().int(),
  })
  .catchall(z.unknown())
  .transform((form) => {
    // Tie-breaks come as tieBreak.0, tieBreak.1… in order; empty choices are skipped.
    const tieBreaks = Object.keys(form)
      .filter((k) => /^tieBreak\.\d+$/.test(k))
      .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]))
      .map((k) => form[k])
      .filter((v): v is string => typeof v === 'string' && v !== '');
    return {
      version: form.version,
      settings: {
        reviewersPerApplication: form.reviewersPerApplication,
        defaultCapacity: form.defaultCapacity,
        hideOthersUntilSubmitted: form.hideOthersUntilSubmitted,
        halfPoints: form.halfPoints,
        tieBreaks,
      },
    };
  });
