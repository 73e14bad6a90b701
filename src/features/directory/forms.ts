// What the directory's pages send, read into the domain's terms: a search's query string (lenient:
// an unknown value is left out, so an old bookmark still finds something), the guided path's
// answers, and the place form (checked by the domain's validatePlace, problems put by field).
import { randomBytes } from 'node:crypto';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { LANGUAGES } from '../../domain/directory/brusselsCodelists.ts';
import { isKeyOf } from '../../domain/directory/codelist.ts';
import { communeFromQuery } from '../../domain/directory/communeLookup.ts';
import { GUIDED_PATH, type Answers, type QuestionKey } from '../../domain/directory/guidedPath.ts';
import {
  PUBLICS,
  SERVICES,
  SUPPORTS,
  type ServiceKey,
  type SupportKey,
} from '../../domain/directory/mediationCodelists.ts';
import type { Place } from '../../domain/directory/place.ts';
import { validatePlace, type PlaceProblem } from '../../domain/directory/placeSchema.ts';
import type { PlaceFilters } from '../../domain/directory/placeSearch.ts';
import { communeByNis, type Commune } from '../../domain/referenceData.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { FieldError, FieldErrors } from '../../platform/views/forms.tsx';

export type Query = Record<string, string | string[] | undefined>;

// A JSON body can carry anything where a form has text: only strings are read, the rest is as if absent.
const all = (value: unknown): string[] =>
  (Array.isArray(value) ? (value as unknown[]) : [value])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter(Boolean);
const one = (value: string | string[] | undefined): string => all(value)[0] ?? '';
const flag = (value: string | string[] | undefined) => ['1', 'on', 'true', 'yes'].includes(one(value));

export interface SearchRequest {
  /** What the resident typed for where they live. */
  where: string;
  /** The commune understood, if any. */
  commune: Commune | undefined;
  /** A place typed that no commune matches. */
  whereUnknown: boolean;
  filters: PlaceFilters;
  page: number;
}

/** A search from its query string: `q` (commune or postal code), `commune` (NIS), `service`, `public`, `language`, `support`, flags. */
export function searchFromQuery(query: Query): SearchRequest {
  const where = one(query.q).slice(0, 100);
  const typed = where ? communeFromQuery(where) : undefined;
  const commune = typed ?? communeByNis(one(query.commune));
  const services = all(query.service).filter((s): s is ServiceKey => isKeyOf(SERVICES, s));
  const supports = all(query.support).filter((s): s is SupportKey => isKeyOf(SUPPORTS, s));
  const publicKey = one(query.public);
  const language = one(query.language);
  const filters: PlaceFilters = {
    ...(commune ? { commune: commune.nis } : {}),
    ...(services.length ? { services } : {}),
    ...(supports.length ? { supports } : {}),
    ...(isKeyOf(PUBLICS, publicKey) ? { public: publicKey } : {}),
    ...(isKeyOf(LANGUAGES, language) ? { language } : {}),
    ...(flag(query.free) ? { free: true } : {}),
    ...(flag(query.open) ? { openNow: true } : {}),
    ...(flag(query.weekend) ? { weekends: true } : {}),
    ...(flag(query.stepfree) ? { stepFree: true } : {}),
  };
  const page = Number.parseInt(one(query.page), 10);
  return { where, commune, whereUnknown: !!where && !typed, filters, page: Number.isFinite(page) ? page : 1 };
}

/** The query string of a search (without `?`): pages, the printable sheet and the guided path link to it. */
export function queryOf(filters: PlaceFilters, extra: { q?: string; page?: number } = {}): string {
  const params = new URLSearchParams();
  if (extra.q) params.set('q', extra.q);
  else if (filters.commune) params.set('commune', filters.commune);
  for (const s of filters.services ?? []) params.append('service', s);
  if (filters.public) params.set('public', filters.public);
  if (filters.language) params.set('language', filters.language);
  for (const s of filters.supports ?? []) params.append('support', s);
  if (filters.free) params.set('free', '1');
  if (filters.openNow) params.set('open', '1');
  if (filters.weekends) params.set('weekend', '1');
  if (filters.stepFree) params.set('stepfree', '1');
  if (extra.page && extra.page > 1) params.set('page', String(extra.page));
  return params.toString();
}

/** The guided path's answers so far, as its forms send them (one key per question, several for `help`). */
export function answersFromQuery(query: Query): { answers: Answers; done: boolean } {
  const answers: Answers = {};
  for (const question of GUIDED_PATH) {
    const given = all(query[question.key]).map((v) => v.slice(0, 100));
    if (question.key === 'commune' && !given.length && one(query.communeTyped))
      answers.commune = one(query.communeTyped).slice(0, 100);
    else if (given.length) answers[question.key] = question.multiple ? given : given[0]!;
  }
  return { answers, done: flag(query.done) };
}

/** The first question not answered yet; the last (several answers, none allowed) until the path is done. */
export function nextQuestion(answers: Answers): QuestionKey | null {
  return GUIDED_PATH.find((q) => q.multiple || answers[q.key] === undefined)?.key ?? null;
}

// ---- the place form ----

/** The form's fields, and the Place field each fills. */
const FIELD_OF_PATH: Record<string, string> = {
  'summary.fr': 'summaryFr',
  'summary.nl': 'summaryNl',
  'summary.en': 'summaryEn',
  summary: 'summaryFr',
  'address.street': 'street',
  'address.complement': 'complement',
  'address.postalCode': 'postalCode',
  'address.communeNis': 'communeNis',
  address: 'street',
  emails: 'email',
  websites: 'website',
};

function fieldOf(path: string): string {
  if (FIELD_OF_PATH[path]) return FIELD_OF_PATH[path];
  const [head = path, second] = path.split('.');
  if (second !== undefined && FIELD_OF_PATH[head]) return FIELD_OF_PATH[head];
  return head;
}

export function problemMessage(problem: Pick<PlaceProblem, 'code' | 'max' | 'value' | 'hours'>): FieldError {
  if (problem.hours)
    return {
      key: `directory.hours.${problem.hours.code}` as MessageKey,
      values: { position: (problem.hours.position ?? 0) + 1, message: problem.hours.message },
    };
  const values: Record<string, string | number> = {};
  if (problem.max !== undefined) values.max = problem.max;
  if (problem.value !== undefined || problem.code === 'unknown-code') values.value = problem.value ?? '';
  return { key: `directory.problem.${problem.code}` as MessageKey, values };
}

/** A fresh identifier for a place added by hand: "p-" and 10 hex digits. */
export const newPlaceId = () => `p-${randomBytes(5).toString('hex')}`;

export type PlaceFormResult =
  | { ok: true; place: Place; funderId: string; version: number }
  | { ok: false; errors: FieldErrors; values: Record<string, string | string[]> };

/**
 * The place a form describes. Fields the form does not show (coordinates, typology, French
 * programmes…) are kept from `existing`; a new place is checked as of today (Brussels).
 */
export function placeFromForm(body: Query, existing?: Place, now = new Date()): PlaceFormResult {
  const values = Object.fromEntries(
    Object.entries(body).filter(([k, v]) => k !== '_csrf' && v !== undefined),
  ) as Record<string, string | string[]>;
  const stepFree = one(body.stepFree);
  const email = one(body.email);
  const website = one(body.website);
  const input = {
    id: existing?.id ?? newPlaceId(),
    enterpriseNumber: one(body.enterpriseNumber),
    organisation: one(body.organisation) || null,
    name: one(body.name),
    summary: { fr: one(body.summaryFr), nl: one(body.summaryNl), en: one(body.summaryEn) },
    details: existing?.details ?? null,
    address: {
      street: one(body.street),
      complement: one(body.complement) || null,
      postalCode: one(body.postalCode),
      communeNis: one(body.communeNis) || null,
    },
    coordinates: existing?.coordinates ?? null,
    phone: one(body.phone) || null,
    emails: email ? [email] : [],
    websites: website ? [website] : [],
    bookingUrl: one(body.bookingUrl) || null,
    accessibilityUrl: existing?.accessibilityUrl ?? null,
    openingHours: one(body.openingHours) || null,
    services: all(body.services),
    publics: all(body.publics),
    supports: all(body.supports),
    fees: all(body.fees),
    accessModes: all(body.accessModes),
    helpModes: all(body.helpModes),
    mobility: all(body.mobility),
    languages: all(body.languages),
    stepFree: stepFree === 'yes' ? true : stepFree === 'no' ? false : null,
    typology: existing?.typology ?? [],
    nationalProgrammes: existing?.nationalProgrammes ?? [],
    trainingLabels: existing?.trainingLabels ?? [],
    otherLabels: existing?.otherLabels ?? null,
    funderLabels: all(body.funderLabels),
    grantReference: one(body.grantReference) || null,
    source: existing?.source ?? 'Octroi',
    checkedOn: existing?.checkedOn ?? instantToBrussels(now).date,
  };
  const checked = validatePlace(input);
  const version = Number.parseInt(one(body.version), 10);
  if (checked.ok) return { ok: true, place: checked.place, funderId: one(body.funderId), version: version || 0 };
  const errors: FieldErrors = {};
  for (const problem of checked.problems) {
    const field = fieldOf(problem.field);
    errors[field] ??= problemMessage(problem);
  }
  return { ok: false, errors, values };
}

/** The form's values for a place being edited. */
export function formValuesOf(place: Place): Record<string, string | string[]> {
  return {
    name: place.name,
    organisation: place.organisation ?? '',
    enterpriseNumber: place.enterpriseNumber,
    summaryFr: place.summary.fr,
    summaryNl: place.summary.nl ?? '',
    summaryEn: place.summary.en ?? '',
    street: place.address.street,
    complement: place.address.complement ?? '',
    postalCode: place.address.postalCode,
    communeNis: place.address.communeNis,
    phone: place.phone ?? '',
    email: place.emails[0] ?? '',
    website: place.websites[0] ?? '',
    bookingUrl: place.bookingUrl ?? '',
    openingHours: place.openingHours ?? '',
    services: place.services,
    publics: place.publics,
    supports: place.supports,
    fees: place.fees,
    accessModes: place.accessModes,
    helpModes: place.helpModes,
    mobility: place.mobility,
    languages: place.languages,
    stepFree: place.stepFree === null ? '' : place.stepFree ? 'yes' : 'no',
    funderLabels: place.funderLabels,
    grantReference: place.grantReference ?? '',
  };
}
