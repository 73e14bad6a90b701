// The standard "lieux de médiation numérique" v1.0.2 is a Frictionless Table Schema
// (reference-data/mediation-numerique-1.0.2/schema.json). This turns it into a JSON Schema
// (draft 2020-12) for one row and for a file of rows, so that imports and exports can be checked
// with any JSON Schema validator, and so reusers can check our files the same way.
//
// The translation follows the Table Schema rules: a required field must be present and not empty;
// a pattern must match the whole value (Table Schema patterns are implicitly anchored, JSON Schema
// ones are not); a date is YYYY-MM-DD; an empty optional value is left out of the row. Columns the
// standard does not have are allowed: the Brussels additions travel in them.
//
// The Brussels profile relaxes exactly two French constraints, which no Brussels place could meet
// (SOURCE.txt in the reference folder): Belgian postal codes have 4 digits, and Belgian phone
// numbers start with +32. The standard's `code_insee` is never written: the NIS code goes in `code_nis`.

import standard from '../../../reference-data/mediation-numerique-1.0.2/schema.json' with { type: 'json' };
import { BELGIAN_PHONE } from './phoneNumber.ts';

interface TableField {
  name: string;
  title: string;
  description: string;
  type: string;
  constraints?: { required?: boolean; pattern?: string; maxLength?: number };
}

const FIELDS: readonly TableField[] = standard.fields;

/** The standard's columns, in its order: the head of every file Octroi writes. */
export const STANDARD_COLUMNS: readonly string[] = FIELDS.map((f) => f.name);

/** Patterns of the Brussels profile, replacing the standard's for these fields. */
export const BRUSSELS_PATTERNS: Readonly<Record<string, string>> = {
  code_postal: '^\\d{4}$|^\\d{5}$',
  telephone: `${FIELDS.find((f) => f.name === 'telephone')?.constraints?.pattern ?? ''}|${BELGIAN_PHONE.source}`,
};

const anchored = (pattern: string) => `^(?:${pattern})$`;

function fieldSchema(field: TableField): Record<string, unknown> {
  const c = field.constraints ?? {};
  const pattern = BRUSSELS_PATTERNS[field.name] ?? c.pattern;
  const base = { title: field.title, description: field.description };
  if (field.type === 'number') return { ...base, type: 'number' };
  return {
    ...base,
    type: 'string',
    ...(c.required ? { minLength: 1 } : {}),
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(field.type === 'date' ? { pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' } : {}),
    ...(pattern !== undefined ? { pattern: anchored(pattern) } : {}),
  };
}

/** One row of the standard, Brussels profile: an object keyed by column name. */
export const STANDARD_ROW_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://octroi.example/schemas/mediation-numerique-1.0.2-bruxelles/row.json',
  title: `${standard.title} ${standard.version} (profil Bruxelles), une ligne`,
  type: 'object',
  required: FIELDS.filter((f) => f.constraints?.required).map((f) => f.name),
  properties: Object.fromEntries(FIELDS.map((f) => [f.name, fieldSchema(f)])),
  additionalProperties: true,
} as const;

/** A file of rows, as the JSON export writes it. The `id` column is the key: no two rows share one. */
export const STANDARD_FILE_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://octroi.example/schemas/mediation-numerique-1.0.2-bruxelles/file.json',
  title: `${standard.title} ${standard.version} (profil Bruxelles)`,
  type: 'array',
  items: { $ref: STANDARD_ROW_SCHEMA.$id },
} as const;
