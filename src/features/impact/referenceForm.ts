import { z } from 'zod';
import type { ReferenceFigures } from './commands/setReferencePopulation.ts';

/** A number as people type it in Brussels: spaces between thousands, a comma or a point for decimals. */
const typedNumber = (message: 'impact.reference.peopleInvalid' | 'impact.reference.shareInvalid') =>
  z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .transform((s) => Number(s.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')))
    .pipe(z.number({ error: message }).finite(message));

/** The reference population's form: the figures setReferencePopulation takes, and the version read. */
export const referenceForm = z.object({
  people: typedNumber('impact.reference.peopleInvalid').pipe(
    z
      .number()
      .int('impact.reference.peopleInvalid')
      .min(1, 'impact.reference.peopleInvalid')
      .max(10_000_000, 'impact.reference.peopleInvalid'),
  ),
  sharePercent: typedNumber('impact.reference.shareInvalid').pipe(
    z.number().gt(0, 'impact.reference.shareInvalid').max(100, 'impact.reference.shareInvalid'),
  ),
  source: z
    .string({ error: 'form.error.required' })
    .trim()
    .min(1, 'form.error.required')
    .max(500, 'form.error.tooLong'),
  version: z.coerce.number().int().min(0),
});

export function referenceFiguresFrom(data: z.infer<typeof referenceForm>): ReferenceFigures {
  return {
    digitallyVulnerablePeople: data.people,
    digitallyVulnerableShare: data.sharePercent / 100,
    source: data.source,
  };
}
