// Validation of a selection request, shared by the CLI and (later) the API. Messages are plain
// English for the programme officer who wrote the file; each names the field it is about.
import { z } from 'zod';
import { MAX_CENTS } from '../money.ts';
import type { SelectionInput } from './types.ts';

const cents = (what: string) =>
  z
    .number({ error: `${what} must be a number of cents` })
    .int(`${what} must be a whole number of cents (money is never a fraction of a cent)`)
    .min(0, `${what} must not be negative`)
    .max(MAX_CENTS, `${what} is beyond ${MAX_CENTS} cents`);

const count = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(0, `${what} must not be negative`);

const application = z.object({
  id: z.string({ error: 'id must be a string' }).min(1, 'id must not be empty'),
  requested: cents('requested').min(1, 'requested must be at least 1 cent'),
  score: z.number({ error: 'score must be a number' }).refine(Number.isFinite, 'score must be finite'),
  passedThresholds: z.boolean({ error: 'passedThresholds must be true or false' }),
  targetPublics: z.array(z.string().min(1, 'a target public must not be empty')).default([]),
  commune: z.string({ error: 'commune must be a string' }).min(1, 'commune must not be empty'),
  organisation: z.string({ error: 'organisation must be a string' }).min(1, 'organisation must not be empty'),
});

const schema = z
  .strictObject({
    mode: z.enum(['ranking', 'constrained'], { error: 'mode must be "ranking" or "constrained"' }),
    budget: cents('budget'),
    grant: z.strictObject({
      min: cents('grant.min').nullish(),
      max: cents('grant.max').nullish(),
      partialFloor: z
        .number({ error: 'grant.partialFloor must be a number' })
        .gt(0, 'grant.partialFloor must be above 0')
        .lte(1, 'grant.partialFloor must be at most 1')
        .nullish(),
    }),
    applications: z.array(application),
    constraints: z
      .strictObject({
        minPerTargetPublic: z.record(z.string().min(1), count('a minimum per target public')).optional(),
        maxPerCommune: count('maxPerCommune').nullish(),
        maxPerOrganisation: count('maxPerOrganisation').nullish(),
      })
      .nullish(),
    fixed: z.array(z.strictObject({ id: z.string().min(1), amount: cents('fixed amount') })).nullish(),
  })
  .superRefine((input, ctx) => {
    const { min, max } = input.grant;
    if (min !== undefined && min !== null && max !== undefined && max !== null && min > max) {
      ctx.addIssue({ code: 'custom', path: ['grant'], message: `grant.min (${min}) is above grant.max (${max})` });
    }
    const ids = new Set<string>();
    let requested = 0;
    input.applications.forEach((a, i) => {
      if (ids.has(a.id))
        ctx.addIssue({
          code: 'custom',
          path: ['applications', i, 'id'],
          message: `duplicate application id "${a.id}"`,
        });
      ids.add(a.id);
      requested += a.requested;
    });
    // Sums of amounts must stay exact integers in a double.
    if (requested > Number.MAX_SAFE_INTEGER) {
      ctx.addIssue({
        code: 'custom',
        path: ['applications'],
        message: 'the requests add up to more than can be counted exactly',
      });
    }
    const fixedIds = new Set<string>();
    (input.fixed ?? []).forEach((f, i) => {
      if (!ids.has(f.id))
        ctx.addIssue({
          code: 'custom',
          path: ['fixed', i, 'id'],
          message: `fixed decision for unknown application "${f.id}"`,
        });
      if (fixedIds.has(f.id))
        ctx.addIssue({ code: 'custom', path: ['fixed', i, 'id'], message: `two fixed decisions for "${f.id}"` });
      fixedIds.add(f.id);
    });
  });

export type SelectionInputErrors = { ok: false; errors: string[] };

/** Checks a parsed JSON value; on failure, one line per problem ("applications.2.requested: …"). */
export function parseSelectionInput(value: unknown): { ok: true; value: SelectionInput } | SelectionInputErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

/** Thrown by `select` when handed input that `parseSelectionInput` would refuse. */
export class InvalidSelectionInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid selection input: ${problems.join('; ')}`);
    this.name = 'InvalidSelectionInputError';
  }
}
