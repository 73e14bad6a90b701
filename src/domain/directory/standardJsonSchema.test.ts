import { test } from 'node:test';
import assert from 'node:assert/strict';
import standard from '../../../reference-data/mediation-numerique-1.0.2/schema.json' with { type: 'json' };
import { errorsOf, validateStandardFile, validateStandardRow } from '../../../test/helpers/mediationNumerique.ts';
import { BRUSSELS_PATTERNS, STANDARD_COLUMNS, STANDARD_ROW_SCHEMA } from './standardJsonSchema.ts';

/** The smallest row the standard accepts, for a Brussels place. */
const ROW = {
  id: 'ara-senne',
  pivot: '0412345614',
  nom: 'Espace numérique de la Senne',
  commune: 'Bruxelles',
  code_postal: '1000',
  adresse: 'Rue de la Senne 30',
  date_maj: '2026-09-14',
};

test('the columns are the standard’s 32 fields, in its order', () => {
  assert.equal(STANDARD_COLUMNS.length, 32);
  assert.deepEqual(STANDARD_COLUMNS.slice(0, 5), ['id', 'pivot', 'nom', 'commune', 'code_postal']);
});

test('required fields must be present and not empty', () => {
  assert.deepEqual(errorsOf(validateStandardRow, ROW), []);
  assert.deepEqual(STANDARD_ROW_SCHEMA.required, [
    'id',
    'pivot',
    'nom',
    'commune',
    'code_postal',
    'adresse',
    'date_maj',
  ]);
  const { nom: _, ...withoutName } = ROW;
  assert.deepEqual(errorsOf(validateStandardRow, withoutName), [" must have required property 'nom'"]);
  assert.deepEqual(errorsOf(validateStandardRow, { ...ROW, nom: '' }), ['/nom must NOT have fewer than 1 characters']);
});

test('codelist patterns match whole values only, as Table Schema patterns do', () => {
  assert.ok(validateStandardRow({ ...ROW, frais_a_charge: 'Gratuit|Payant' }));
  assert.ok(!validateStandardRow({ ...ROW, frais_a_charge: 'Gratuit|Payant|' }));
  assert.ok(!validateStandardRow({ ...ROW, frais_a_charge: 'xGratuit' }));
  assert.ok(!validateStandardRow({ ...ROW, frais_a_charge: 'gratuit' }));
  assert.ok(!validateStandardRow({ ...ROW, services: 'Comprehension du monde numérique' }), 'the pattern’s spelling');
  assert.ok(!validateStandardRow({ ...ROW, presentation_resume: 'x'.repeat(281) }));
  assert.ok(!validateStandardRow({ ...ROW, date_maj: '2026-02-30' }));
  assert.ok(!validateStandardRow({ ...ROW, latitude: '50.85' }), 'a number is a number');
});

test('the Brussels profile relaxes only the postal code and the phone number', () => {
  assert.ok(validateStandardRow({ ...ROW, code_postal: '1000', telephone: '+3225550130' }));
  assert.ok(validateStandardRow({ ...ROW, code_postal: '51100', telephone: '+33180059880' }), 'French rows still pass');
  assert.ok(!validateStandardRow({ ...ROW, code_postal: '100' }));
  assert.ok(!validateStandardRow({ ...ROW, telephone: '+49301234567' }));
  assert.ok(!validateStandardRow({ ...ROW, telephone: '02 555 01 30' }));
  assert.deepEqual(Object.keys(BRUSSELS_PATTERNS), ['code_postal', 'telephone']);
  // Every other field keeps the standard's constraints exactly.
  for (const field of standard.fields) {
    if (field.name in BRUSSELS_PATTERNS || !field.constraints.pattern) continue;
    const schema = STANDARD_ROW_SCHEMA.properties[field.name] as { pattern?: string };
    assert.equal(schema.pattern, `^(?:${field.constraints.pattern})$`, field.name);
  }
});

test('extra columns are allowed, and a file is an array of rows', () => {
  assert.ok(validateStandardRow({ ...ROW, code_nis: '21004', langues: 'fr|nl' }));
  assert.ok(validateStandardFile([ROW, { ...ROW, id: 'other' }]));
  assert.ok(!validateStandardFile([ROW, { id: 'other' }]));
});
