// Validation of a place, for every way one arrives: a form, an import row, the demo. Each problem
// names its field (the Place path, "address.postalCode") and a code the views translate; values
// are tidied on the way (trimmed text, codes in list order, the phone in international form, the
// opening hours in the library's writing), so a valid place is also a canonical one.

import { z } from 'zod';
import { brusselsToInstant } from '../brusselsTime.ts';
import { parseEnterpriseNumber } from '../enterpriseNumber.ts';
import { applicationReference, parseApplicationReference } from '../reference.ts';
import { communeByNis, communeForPostalCode } from '../referenceData.ts';
import { FUNDER_LABELS, LANGUAGES } from './brusselsCodelists.ts';
import { inListOrder, type CodeList } from './codelist.ts';
import { NATIONAL_PROGRAMMES, TRAINING_LABELS } from './frenchProgrammes.ts';
import { ACCESS_MODES, FEES, HELP_MODES, MOBILITY, PUBLICS, SERVICES, SUPPORTS } from './mediationCodelists.ts';
import { parseOpeningHours, type HoursProblem } from './openingHours.ts';
import { parseBelgianPhone } from './phoneNumber.ts';
import type { Place } from './place.ts';

export type PlaceProblemCode =
  | 'required'
  | 'too-long'
  | 'invalid'
  | 'unknown-code'
  | 'empty-list'
  | 'enterprise-number'
  | 'postal-code'
  | 'commune'
  | 'commune-postal-code'
  | 'coordinates'
  | 'phone'
  | 'email'
  | 'url'
  | 'date'
  | 'hours'
  | 'grant-reference';

export interface PlaceProblem {
  /** The Place path of the field: "name", "address.postalCode", "summary.fr", "services". */
  field: string;
  code: PlaceProblemCode;
  /** For 'too-long': the most characters allowed. */
  max?: number;
  /** For 'unknown-code': the value that is not in the codelist. */
  value?: string;
  /** For 'hours': why the opening hours were refused. */
  hours?: HoursProblem;
}

export type PlaceValidation = { ok: true; place: Place } | { ok: false; problems: PlaceProblem[] };

/** The standard's limit for `presentation_resume`, applied to each language. */
export const SUMMARY_MAX = 280;

const required = (max: number) => z.string({ error: 'required' }).trim().min(1, 'required').max(max, 'too-long');
const optional = (max: number) =>
  z
    .string({ error: 'invalid' })
    .trim()
    .max(max, 'too-long')
    .nullish()
    .transform((v) => v || null);
const url = z
  .string({ error: 'invalid' })
  .trim()
  .max(500, 'too-long')
  .regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, 'url');
const optionalUrl = url
  .nullish()
  .or(z.literal(''))
  .transform((v) => v || null);

function codes<K extends string>(list: CodeList<K>, { atLeastOne = false } = {}) {
  return z
    .array(z.string({ error: 'invalid' }), { error: 'invalid' })
    .default([])
    .superRefine((values, ctx) => {
      for (const value of values)
        if (!list.some((c) => c.key === value))
          ctx.addIssue({ code: 'custom', message: 'unknown-code', params: { value } });
      if (atLeastOne && values.length === 0) ctx.addIssue({ code: 'custom', message: 'empty-list' });
    })
    .transform((values) => inListOrder(list, values as K[]));
}

const text = (max: number) =>
  z.object({ fr: required(max), nl: optional(max), en: optional(max) }, { error: 'required' }).transform((t) => ({
    fr: t.fr,
    ...(t.nl ? { nl: t.nl } : {}),
    ...(t.en ? { en: t.en } : {}),
  }));

const hours = z
  .string({ error: 'invalid' })
  .nullish()
  .transform((value, ctx) => {
    if (!value?.trim()) return null;
    const parsed = parseOpeningHours(value);
    if (parsed.ok) return parsed.hours.text;
    ctx.addIssue({ code: 'custom', message: 'hours', params: { hours: parsed.problem } });
    return z.NEVER;
  });

// The commune comes from the postal code when not given; when given, the two must agree, except that
// some streets of the City of Brussels have 1040 or 1050 (see referenceData.ts).
const address = z
  .object(
    {
      street: required(200),
      complement: optional(200),
      postalCode: z
        .string({ error: 'required' })
        .trim()
        .regex(/^\d{4}$/, 'postal-code'),
      communeNis: optional(5),
    },
    { error: 'required' },
  )
  .transform((a, ctx) => {
    const byPostal = communeForPostalCode(a.postalCode);
    const commune = a.communeNis ? communeByNis(a.communeNis) : byPostal;
    const problem = (field: string, message: PlaceProblemCode) => {
      ctx.addIssue({ code: 'custom', path: [field], message });
      return z.NEVER;
    };
    if (!byPostal) return problem('postalCode', 'postal-code');
    if (!commune) return problem('communeNis', 'commune');
    if (commune !== byPostal && !(commune.nis === '21004' && ['1040', '1050'].includes(a.postalCode)))
      return problem('communeNis', 'commune-postal-code');
    return { ...a, communeNis: commune.nis };
  });

// The Region fits in this box, with a margin for places on its edge.
const BRUSSELS_BOX = { south: 50.75, north: 50.93, west: 4.23, east: 4.5 };

const schema: z.ZodType<Place> = z.object({
  id: required(100),
  enterpriseNumber: z.string({ error: 'required' }).transform((value, ctx) => {
    const parsed = parseEnterpriseNumber(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error === 'empty' ? 'required' : 'enterprise-number' });
    return z.NEVER;
  }),
  organisation: optional(200),
  name: required(200),
  summary: text(SUMMARY_MAX),
  details: text(5000)
    .nullish()
    .transform((v) => v ?? null),
  address,
  coordinates: z
    .object({ latitude: z.number({ error: 'invalid' }), longitude: z.number({ error: 'invalid' }) })
    .nullish()
    .transform((v) => v ?? null)
    .refine(
      (c) =>
        c === null ||
        (c.latitude >= BRUSSELS_BOX.south &&
          c.latitude <= BRUSSELS_BOX.north &&
          c.longitude >= BRUSSELS_BOX.west &&
          c.longitude <= BRUSSELS_BOX.east),
      'coordinates',
    ),
  phone: z
    .string({ error: 'invalid' })
    .nullish()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const parsed = parseBelgianPhone(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }),
  emails: z.array(z.string({ error: 'invalid' }).trim().pipe(z.email('email')), { error: 'invalid' }).default([]),
  websites: z.array(url, { error: 'invalid' }).default([]),
  bookingUrl: optionalUrl,
  accessibilityUrl: optionalUrl,
  openingHours: hours,
  services: codes(SERVICES, { atLeastOne: true }),
  publics: codes(PUBLICS),
  supports: codes(SUPPORTS),
  fees: codes(FEES),
  accessModes: codes(ACCESS_MODES),
  helpModes: codes(HELP_MODES),
  mobility: codes(MOBILITY),
  languages: codes(LANGUAGES, { atLeastOne: true }),
  stepFree: z
    .boolean({ error: 'invalid' })
    .nullish()
    .transform((v) => v ?? null),
  typology: z
    .array(z.string({ error: 'invalid' }).regex(/^[A-Z][A-Z0-9_]{0,49}$/, 'unknown-code'), { error: 'invalid' })
    .default([]),
  nationalProgrammes: codes(NATIONAL_PROGRAMMES),
  trainingLabels: codes(TRAINING_LABELS),
  otherLabels: optional(500),
  funderLabels: codes(FUNDER_LABELS),
  grantReference: z
    .string({ error: 'invalid' })
    .nullish()
    .transform((value, ctx) => {
      if (!value?.trim()) return null;
      const parsed = parseApplicationReference(value);
      if (parsed.ok) return applicationReference(parsed.value.callCode, parsed.value.year, parsed.value.n);
      ctx.addIssue({ code: 'custom', message: 'grant-reference' });
      return z.NEVER;
    }),
  source: optional(200),
  checkedOn: z
    .string({ error: 'required' })
    .trim()
    .refine((d) => brusselsToInstant(d, '12:00').ok, 'date'),
});

function problemOf(issue: z.core.$ZodIssue): PlaceProblem {
  const field = issue.path.map(String).join('.');
  const params = (issue as { params?: { value?: string; hours?: HoursProblem } }).params;
  const code = issue.message as PlaceProblemCode;
  if (issue.code === 'too_big') return { field, code: 'too-long', max: Number(issue.maximum) };
  if (params?.hours) return { field, code, hours: params.hours };
  if (params?.value !== undefined) return { field, code, value: params.value };
  // zod's own messages (an object where a string was expected…) are not ours: say "invalid".
  return { field, code: /^[a-z-]+$/.test(code) ? code : 'invalid' };
}

/** Checks and tidies a place; on failure, every problem found, each with its field. */
export function validatePlace(input: unknown): PlaceValidation {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, place: parsed.data };
  return { ok: false, problems: parsed.error.issues.map(problemOf) };
}
