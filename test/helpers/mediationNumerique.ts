// The standard "lieux de médiation numérique" v1.0.2 (Brussels profile) as validators, for the
// tests of the directory's imports, exports and demo places.
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { STANDARD_FILE_SCHEMA, STANDARD_ROW_SCHEMA } from '../../src/domain/directory/standardJsonSchema.ts';

const ajv = new Ajv2020({ allErrors: true });
addFormats.default(ajv);
ajv.addSchema(STANDARD_ROW_SCHEMA);
export const validateStandardRow = ajv.getSchema(STANDARD_ROW_SCHEMA.$id) as ValidateFunction;
export const validateStandardFile = ajv.compile(STANDARD_FILE_SCHEMA);

export function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  assert.ok(validate(data), `${what}: ${ajv.errorsText(validate.errors)}`);
}

export function errorsOf(validate: ValidateFunction, data: unknown): string[] {
  validate(data);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
