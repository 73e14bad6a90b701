import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place } from './place.ts';
import { validatePlace, type PlaceProblem } from './placeSchema.ts';
import { buildPlace } from './testing/buildPlace.ts';

function problems(input: unknown): PlaceProblem[] {
  const result = validatePlace(input);
  assert.ok(!result.ok, 'refused');
  return result.problems;
}
function valid(input: unknown): Place {
  const result = validatePlace(input);
  assert.ok(result.ok, JSON.stringify(result.ok ? null : result.problems));
  return result.place;
}

test('a complete place is valid and comes back as given', () => {
  assert.deepEqual(valid(buildPlace()), buildPlace());
});

test('values are tidied: trimmed text, codes in list order once, phone and hours in their canonical form', () => {
  const place = valid({
    ...buildPlace(),
    name: '  Espace numérique  ',
    enterpriseNumber: 'BE 0412.345.614',
    phone: '02 555 01 30',
    openingHours: 'mo-fr 9:00-12:00 ; ph off',
    services: ['internet-access', 'admin-procedures', 'internet-access'],
    summary: { fr: 'Aide', nl: '  ', en: '' },
    grantReference: 'dig-2026-1',
    address: { street: 'Rue de la Senne 30', postalCode: '1000' },
  });
  assert.equal(place.name, 'Espace numérique');
  assert.equal(place.enterpriseNumber, '0412345614');
  assert.equal(place.phone, '+3225550130');
  assert.equal(place.openingHours, 'Mo-Fr 09:00-12:00; PH off');
  assert.deepEqual(place.services, ['admin-procedures', 'internet-access']);
  assert.deepEqual(place.summary, { fr: 'Aide' }, 'an empty translation is no translation');
  assert.equal(place.grantReference, 'DIG-2026-0001');
  assert.deepEqual(place.address, {
    street: 'Rue de la Senne 30',
    complement: null,
    postalCode: '1000',
    communeNis: '21004',
  });
});

test('every problem is reported at once, each with its field and a code to translate', () => {
  assert.deepEqual(
    problems({
      ...buildPlace(),
      name: ' ',
      enterpriseNumber: '0412345615',
      summary: { fr: 'x'.repeat(281) },
      address: { street: 'Rue Haute 1', postalCode: '1030', communeNis: '21001' },
      phone: '+33 1 80 05 98 80',
      emails: ['not-an-email'],
      websites: ['javascript:alert(1)'],
      services: [],
      fees: ['Gratuit'],
      languages: ['fr', 'klingon'],
      checkedOn: '2026-02-30',
      grantReference: 'grant 7',
      coordinates: { latitude: 48.85, longitude: 2.35 },
    }),
    [
      { field: 'enterpriseNumber', code: 'enterprise-number' },
      { field: 'name', code: 'required' },
      { field: 'summary.fr', code: 'too-long', max: 280 },
      { field: 'address.communeNis', code: 'commune-postal-code' },
      { field: 'coordinates', code: 'coordinates' },
      { field: 'phone', code: 'phone' },
      { field: 'emails.0', code: 'email' },
      { field: 'websites.0', code: 'url' },
      { field: 'services', code: 'empty-list' },
      { field: 'fees', code: 'unknown-code', value: 'Gratuit' },
      { field: 'languages', code: 'unknown-code', value: 'klingon' },
      { field: 'grantReference', code: 'grant-reference' },
      { field: 'checkedOn', code: 'date' },
    ],
  );
});

test('opening hours that cannot be read are refused with the reason from the hours reader', () => {
  const [problem] = problems({ ...buildPlace(), openingHours: 'Mo-Fr 09:00-17:00; SH off' });
  assert.deepEqual(problem, {
    field: 'openingHours',
    code: 'hours',
    hours: { code: 'school-holidays', position: 19, message: 'school holidays' },
  });
  assert.equal(valid({ ...buildPlace(), openingHours: '  ' }).openingHours, null, 'no hours is allowed');
});

test('the commune: from the postal code, checked against it, one of the 19', () => {
  const at = (address: object) => ({ ...buildPlace(), address: { street: 'Rue Royale 1', ...address } });
  assert.equal(valid(at({ postalCode: '1030' })).address.communeNis, '21015');
  assert.equal(valid(at({ postalCode: '1050', communeNis: '21004' })).address.communeNis, '21004', 'Avenue Louise');
  assert.deepEqual(problems(at({ postalCode: '1300' })), [{ field: 'address.postalCode', code: 'postal-code' }]);
  assert.deepEqual(problems(at({ postalCode: '75001' })), [{ field: 'address.postalCode', code: 'postal-code' }]);
  assert.deepEqual(problems(at({ postalCode: '1000', communeNis: '21099' })), [
    { field: 'address.communeNis', code: 'commune' },
  ]);
});

test('what is not an object of the right shape is refused, not thrown at', () => {
  assert.deepEqual(problems('a place'), [{ field: '', code: 'invalid' }]);
  assert.deepEqual(
    problems({ ...buildPlace(), services: 'admin-procedures', stepFree: 'yes', coordinates: { latitude: '50.8' } }),
    [
      { field: 'coordinates.latitude', code: 'invalid' },
      { field: 'coordinates.longitude', code: 'invalid' },
      { field: 'services', code: 'invalid' },
      { field: 'stepFree', code: 'invalid' },
    ],
  );
});
