import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValid, validateStandardRow } from '../../../test/helpers/mediationNumerique.ts';
import { validatePlace } from './placeSchema.ts';
import { columnOf, placeToRow, rowToPlaceFields } from './standardRow.ts';
import { buildPlace } from './testing/buildPlace.ts';

test('a place as a row of the standard, with the Brussels columns after', () => {
  const row = placeToRow(buildPlace({ publics: ['women', 'homeless'], stepFree: false }));
  assertValid(validateStandardRow, row, 'row');
  assert.equal(row.pivot, '0412345614');
  assert.equal(row.commune, 'Bruxelles');
  assert.equal(row.code_postal, '1000');
  assert.equal(row.services, 'Aide aux démarches administratives|Accès internet et matériel informatique');
  assert.equal(row.publics_specifiquement_adresses, 'Femmes', 'only the standard’s publics in its column');
  assert.equal(row.publics_bruxelles, 'homeless');
  assert.equal(row.latitude, 50.8466);
  assert.equal(row.acces_sans_marche, 'false');
  assert.equal(row.presentation_resume_nl, 'Een computer, internet en iemand die je helpt, zonder afspraak.');
  assert.equal(row.code_nis, '21004');
  assert.equal(row.subvention, 'DIG-2026-0001');
  assert.ok(!('code_insee' in row), 'a NIS code is not an INSEE code');
  assert.ok(!('complement_adresse' in row) && !('prise_rdv' in row), 'empty values are left out');
});

test('a row read back gives the same place', () => {
  for (const place of [
    buildPlace(),
    buildPlace({ stepFree: null, coordinates: null, details: { fr: 'Détails', en: 'Details' }, phone: null }),
  ]) {
    const { fields, problems } = rowToPlaceFields(placeToRow(place));
    assert.deepEqual(problems, []);
    assert.deepEqual(validatePlace(fields), { ok: true, place });
  }
});

test('values a codelist does not know are reported with their column, and the rest is read', () => {
  const { fields, problems } = rowToPlaceFields({
    ...placeToRow(buildPlace()),
    frais_a_charge: 'Gratuit | gratuit sous condition',
    modalites_acces: 'Se présenter|Venir',
    latitude: 'north',
  });
  assert.deepEqual(problems, [
    { column: 'latitude', code: 'invalid' },
    { column: 'frais_a_charge', code: 'unknown-code', value: 'gratuit sous condition' },
    { column: 'modalites_acces', code: 'unknown-code', value: 'Venir' },
  ]);
  assert.deepEqual(fields.fees, ['free']);
  assert.deepEqual(fields.accessModes, ['walk-in']);
});

test('the commune is read from code_nis, else from the commune’s name', () => {
  const { code_nis: _, ...row } = placeToRow(
    buildPlace({ address: { street: 'Rue Haute 1', complement: null, postalCode: '1050', communeNis: '21004' } }),
  );
  assert.equal(
    (rowToPlaceFields({ ...row, commune: 'Bruxelles' }).fields.address as { communeNis: string }).communeNis,
    '21004',
  );
  assert.equal(
    (rowToPlaceFields({ ...row, commune: 'Nowhere' }).fields.address as { communeNis: null }).communeNis,
    null,
  );
});

test('a problem of a field is said of its column', () => {
  assert.equal(columnOf('address.postalCode'), 'code_postal');
  assert.equal(columnOf('emails.2'), 'courriels');
  assert.equal(columnOf('summary.nl'), 'presentation_resume_nl');
  assert.equal(columnOf('fees'), 'frais_a_charge');
  assert.equal(columnOf('coordinates.latitude'), 'latitude');
  assert.equal(columnOf('coordinates.longitude'), 'longitude');
});
