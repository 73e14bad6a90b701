// A place as a row of the standard "lieux de médiation numérique", and back. Multiple values are
// joined with "|" as the standard says; codelists are written with the standard's values; what the
// standard cannot carry goes in extra columns after its own (EXTRA_COLUMNS). Empty values are left
// out of a row. Reading a row gives the place's fields for validatePlace, plus the problems of the
// values no codelist knows, each with its column.

import { communeByNis } from '../referenceData.ts';
import { codeForStandard, standardValues, type CodeList } from './codelist.ts';
import { communeFromQuery } from './communeLookup.ts';
import { NATIONAL_PROGRAMMES, TRAINING_LABELS } from './frenchProgrammes.ts';
import { ACCESS_MODES, FEES, HELP_MODES, MOBILITY, PUBLICS, SERVICES, SUPPORTS } from './mediationCodelists.ts';
import type { Place } from './place.ts';
import type { PlaceProblem, PlaceProblemCode } from './placeSchema.ts';

/** The Brussels additions, written after the standard's columns. Their values are Octroi's keys. */
export const EXTRA_COLUMNS = [
  'code_nis',
  'langues',
  'acces_sans_marche',
  'publics_bruxelles',
  'labels_bruxelles',
  'subvention',
  'presentation_resume_nl',
  'presentation_resume_en',
  'presentation_detail_nl',
  'presentation_detail_en',
] as const;

export type StandardRow = Record<string, string | number>;

/** A problem of one column of a row: what PlaceProblem says of a field, said of the column. */
export type ColumnProblem = Omit<PlaceProblem, 'field' | 'code'> & {
  column: string;
  /** A place's problem, or one of the file: an id already used by an earlier row, a row of the wrong length. */
  code: PlaceProblemCode | 'duplicate-id' | 'column-count';
};

const SEPARATOR = '|';
const joined = (values: readonly string[]) => values.join(SEPARATOR);

// The codelist fields, with their column and the Place field they fill.
const CODELISTS: readonly [string, keyof Place, CodeList<string>][] = [
  ['services', 'services', SERVICES],
  ['publics_specifiquement_adresses', 'publics', PUBLICS],
  ['prise_en_charge_specifique', 'supports', SUPPORTS],
  ['frais_a_charge', 'fees', FEES],
  ['modalites_acces', 'accessModes', ACCESS_MODES],
  ['modalites_accompagnement', 'helpModes', HELP_MODES],
  ['itinerance', 'mobility', MOBILITY],
  ['dispositif_programmes_nationaux', 'nationalProgrammes', NATIONAL_PROGRAMMES],
  ['formations_labels', 'trainingLabels', TRAINING_LABELS],
];

/** The place as a row; empty values are left out, as the standard reads a missing value. */
export function placeToRow(place: Place): StandardRow {
  const commune = communeByNis(place.address.communeNis);
  const brusselsPublics = place.publics.filter((key) => PUBLICS.find((p) => p.key === key)?.standard === null);
  const row: Record<string, string | number | null | undefined> = {
    id: place.id,
    pivot: place.enterpriseNumber,
    nom: place.name,
    commune: commune?.fr,
    code_postal: place.address.postalCode,
    adresse: place.address.street,
    complement_adresse: place.address.complement,
    latitude: place.coordinates?.latitude,
    longitude: place.coordinates?.longitude,
    typologie: joined(place.typology),
    telephone: place.phone,
    courriels: joined(place.emails),
    site_web: joined(place.websites),
    horaires: place.openingHours,
    presentation_resume: place.summary.fr,
    presentation_detail: place.details?.fr,
    source: place.source,
    structure_parente: place.organisation,
    date_maj: place.checkedOn,
    autres_formations_labels: place.otherLabels,
    fiche_acces_libre: place.accessibilityUrl,
    prise_rdv: place.bookingUrl,
    ...Object.fromEntries(
      CODELISTS.map(([column, field, list]) => [column, joined(standardValues(list, place[field] as string[]))]),
    ),
    code_nis: place.address.communeNis,
    langues: joined(place.languages),
    acces_sans_marche: place.stepFree === null ? null : String(place.stepFree),
    publics_bruxelles: joined(brusselsPublics),
    labels_bruxelles: joined(place.funderLabels),
    subvention: place.grantReference,
    presentation_resume_nl: place.summary.nl,
    presentation_resume_en: place.summary.en,
    presentation_detail_nl: place.details?.nl,
    presentation_detail_en: place.details?.en,
  };
  return Object.fromEntries(
    Object.entries(row).filter(
      (e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== '',
    ),
  );
}

// Place fields and the column that carries them, to say a problem of a field as a problem of a column.
const COLUMN_OF: Readonly<Record<string, string>> = {
  id: 'id',
  enterpriseNumber: 'pivot',
  organisation: 'structure_parente',
  name: 'nom',
  'summary.fr': 'presentation_resume',
  'summary.nl': 'presentation_resume_nl',
  'summary.en': 'presentation_resume_en',
  summary: 'presentation_resume',
  'details.fr': 'presentation_detail',
  'details.nl': 'presentation_detail_nl',
  'details.en': 'presentation_detail_en',
  'address.street': 'adresse',
  'address.complement': 'complement_adresse',
  'address.postalCode': 'code_postal',
  'address.communeNis': 'code_nis',
  coordinates: 'latitude',
  'coordinates.longitude': 'longitude',
  phone: 'telephone',
  emails: 'courriels',
  websites: 'site_web',
  bookingUrl: 'prise_rdv',
  accessibilityUrl: 'fiche_acces_libre',
  openingHours: 'horaires',
  languages: 'langues',
  stepFree: 'acces_sans_marche',
  typology: 'typologie',
  otherLabels: 'autres_formations_labels',
  funderLabels: 'labels_bruxelles',
  grantReference: 'subvention',
  source: 'source',
  checkedOn: 'date_maj',
  ...Object.fromEntries(CODELISTS.map(([column, field]) => [field, column])),
};

/** The column of a Place field ("emails.2" → "courriels"). */
export function columnOf(field: string): string {
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const column = COLUMN_OF[parts.slice(0, n).join('.')];
    if (column) return column;
  }
  return field;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value).trim());
const list = (value: unknown): string[] =>
  (Array.isArray(value)
    ? value.map(text)
    : text(value)
        .split(SEPARATOR)
        .map((v) => v.trim())
  ).filter(Boolean);
const orNull = (value: unknown) => text(value) || null;

function number(value: unknown, column: string, problems: ColumnProblem[]): number | null {
  if (typeof value === 'number') return value;
  if (text(value) === '') return null;
  const n = Number(text(value));
  if (Number.isFinite(n)) return n;
  problems.push({ column, code: 'invalid' });
  return null;
}

/** A text in the three languages from a column and its "_nl" and "_en" companions; null when all are empty. */
function texts(row: Record<string, unknown>, column: string): Record<string, string> | null {
  const [fr, nl, en] = [text(row[column]), text(row[`${column}_nl`]), text(row[`${column}_en`])];
  if (!fr && !nl && !en) return null;
  return { fr, ...(nl ? { nl } : {}), ...(en ? { en } : {}) };
}

/**
 * The fields of a place read from a row (values as written: validatePlace checks and tidies them),
 * and the values of codelist columns that are not in the standard's codelist.
 */
export function rowToPlaceFields(row: Record<string, unknown>): {
  fields: Record<string, unknown>;
  problems: ColumnProblem[];
} {
  const problems: ColumnProblem[] = [];
  const codes = (column: string, codelist: CodeList<string>) =>
    list(row[column]).flatMap((value) => {
      const code = codeForStandard(codelist, value);
      if (code) return [code.key];
      problems.push({ column, code: 'unknown-code', value });
      return [];
    });
  const latitude = number(row.latitude, 'latitude', problems);
  const longitude = number(row.longitude, 'longitude', problems);
  const stepFree = text(row.acces_sans_marche).toLowerCase();
  const communeNis = text(row.code_nis) || communeFromQuery(text(row.commune))?.nis || null;
  const fields: Record<string, unknown> = {
    id: text(row.id),
    enterpriseNumber: text(row.pivot),
    organisation: orNull(row.structure_parente),
    name: text(row.nom),
    summary: texts(row, 'presentation_resume') ?? { fr: '' },
    details: texts(row, 'presentation_detail'),
    address: {
      street: text(row.adresse),
      complement: orNull(row.complement_adresse),
      postalCode: text(row.code_postal),
      communeNis,
    },
    coordinates: latitude === null && longitude === null ? null : { latitude, longitude },
    phone: orNull(row.telephone),
    emails: list(row.courriels),
    websites: list(row.site_web),
    bookingUrl: orNull(row.prise_rdv),
    accessibilityUrl: orNull(row.fiche_acces_libre),
    openingHours: orNull(row.horaires),
    ...Object.fromEntries(CODELISTS.map(([column, field, codelist]) => [field, codes(column, codelist)])),
    languages: list(row.langues),
    stepFree: stepFree === 'true' ? true : stepFree === 'false' ? false : stepFree === '' ? null : stepFree,
    typology: list(row.typologie),
    otherLabels: orNull(row.autres_formations_labels),
    funderLabels: list(row.labels_bruxelles),
    grantReference: orNull(row.subvention),
    source: orNull(row.source),
    checkedOn: text(row.date_maj),
  };
  // Brussels publics travel in their own column, as keys.
  fields.publics = [...(fields.publics as string[]), ...list(row.publics_bruxelles)];
  return { fields, problems };
}
