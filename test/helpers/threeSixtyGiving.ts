// The 360Giving 1.4.3 schemas as validators, for every test that checks open data.
import assert from 'node:assert/strict';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import packageSchema from '../../reference-data/360giving-1.4.3/360-giving-package-schema.json' with { type: 'json' };
import grantSchema from '../../reference-data/360giving-1.4.3/360-giving-schema.json' with { type: 'json' };

// Both schemas are draft 2020-12, files unchanged. They name the meta-schema by its http address,
// which ajv does not know (it has the https one), hence validateSchema: false. The 1.4.3 package
// schema points its grants at the 1.4.2 grant schema's address, so the 1.4.3 one is registered there.
const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, validateSchema: false });
addFormats.default(ajv);
ajv.addVocabulary(['codelist', 'openCodelist', 'rollUp']); // 360Giving annotations, not assertions
ajv.addSchema(grantSchema, packageSchema.properties.grants.items.$ref);
export const validatePackage = ajv.compile(packageSchema);
export const validateGrant = ajv.getSchema(grantSchema.$id) as ValidateFunction;
export { grantSchema };

export function assertValid(validate: ValidateFunction, data: unknown, what: string): void {
  assert.ok(validate(data), `${what}: ${ajv.errorsText(validate.errors)}`);
}
