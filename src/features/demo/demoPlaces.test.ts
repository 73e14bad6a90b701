import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValid, validateStandardFile } from '../../../test/helpers/mediationNumerique.ts';
import { brusselsToInstant } from '../../domain/brusselsTime.ts';
import { FUNDER_LABELS, LANGUAGES } from '../../domain/directory/brusselsCodelists.ts';
import { filtersFromAnswers, GUIDED_PATH } from '../../domain/directory/guidedPath.ts';
import {
  ACCESS_MODES,
  FEES,
  HELP_MODES,
  MOBILITY,
  PUBLICS,
  SERVICES,
  SUPPORTS,
} from '../../domain/directory/mediationCodelists.ts';
import { formatBelgianPhone } from '../../domain/directory/phoneNumber.ts';
import { placesToRows } from '../../domain/directory/placeExport.ts';
import { validatePlace } from '../../domain/directory/placeSchema.ts';
import { DirectoryIndex, type PlaceFilters } from '../../domain/directory/placeSearch.ts';
import { COMMUNES } from '../../domain/referenceData.ts';
import { seedCall } from './demoContent.ts';
import { DEMO_PLACES } from './demoPlaces.ts';

const places = DEMO_PLACES.map((d) => d.place);
const index = new DirectoryIndex(places, { extraHolidays: ['iris-day'] });

function brussels(date: string, time: string): Date {
  const at = brusselsToInstant(date, time);
  assert.ok(at.ok);
  return at.value;
}
// A Monday morning, outside school and public holidays.
const MONDAY = brussels('2026-11-16', '10:30');
const found = (filters: PlaceFilters, now = MONDAY) => index.search(filters, now, 'fr').length;

test('about sixty places, each valid as it is, ids unique, phones only in the fiction range', () => {
  assert.ok(places.length >= 55 && places.length <= 65, `${places.length} places`);
  for (const place of places) assert.deepEqual(validatePlace(place), { ok: true, place }, place.id);
  assert.equal(new Set(places.map((p) => p.id)).size, places.length);
  for (const place of places) if (place.phone) assert.match(formatBelgianPhone(place.phone), /^02 555 /);
});

test('every commune has at least two places', () => {
  for (const commune of COMMUNES)
    assert.ok(places.filter((p) => p.address.communeNis === commune.nis).length >= 2, commune.fr);
});

test('every value of every codelist is used by some place', () => {
  const uses = (field: keyof (typeof places)[number], key: string) =>
    places.some((p) => (p[field] as readonly string[]).includes(key));
  for (const [field, list] of [
    ['services', SERVICES],
    ['publics', PUBLICS],
    ['supports', SUPPORTS],
    ['fees', FEES],
    ['accessModes', ACCESS_MODES],
    ['helpModes', HELP_MODES],
    ['mobility', MOBILITY],
    ['languages', LANGUAGES],
    ['funderLabels', FUNDER_LABELS],
  ] as const)
    for (const { key } of list) assert.ok(uses(field, key), `${field}: ${key}`);
  assert.ok(places.some((p) => p.stepFree === true) && places.some((p) => p.stepFree === false));
});

test('every filter and every answer of the guided path finds something', () => {
  assert.ok(found({ free: true }) > 0);
  assert.ok(found({ stepFree: true }) > 0);
  assert.ok(found({ weekends: true }) > 0);
  for (const publicKey of PUBLICS.map((p) => p.key)) assert.ok(found({ public: publicKey }) > 0, publicKey);
  for (const question of GUIDED_PATH)
    for (const answer of question.answers)
      assert.ok(found(filtersFromAnswers({ [question.key]: answer.key })) > 0, `${question.key}: ${answer.key}`);
});

test('something is open now on a weekday morning, a weekday evening, a Saturday and a Sunday', () => {
  for (const [date, time] of [
    ['2026-11-16', '10:30'],
    ['2026-11-17', '19:30'],
    ['2026-11-21', '11:00'],
    ['2026-11-22', '15:00'],
  ] as const)
    assert.ok(found({ openNow: true }, brussels(date, time)) > 0, `${date} ${time}`);
  // On a public holiday, places that close on holidays are closed.
  const christmas = brussels('2026-12-25', '10:30');
  assert.ok(found({ openNow: true }, christmas) < found({ openNow: true }, brussels('2026-12-24', '10:30')));
});

test('hours of every kind: weekdays, evenings, weekends, by appointment, closed in summer, mobile', () => {
  const hours = places.map((p) => p.openingHours ?? '');
  assert.ok(
    hours.some((h) => /18:00-21:00/.test(h)),
    'evenings',
  );
  assert.ok(
    hours.some((h) => /Su /.test(h)),
    'Sundays',
  );
  assert.ok(
    hours.some((h) => h.includes('"sur rendez-vous"')),
    'by appointment',
  );
  assert.ok(
    hours.some((h) => h.includes('Jul 15-Aug 15 off')),
    'a summer closure',
  );
  assert.ok(
    hours.some((h) => !h.includes('PH off')),
    'open on public holidays',
  );
  assert.ok(places.some((p) => p.mobility.includes('mobile')));
});

test('places of the funded projects name organisations the seed calls selected', () => {
  const funded = DEMO_PLACES.filter((d) => d.funding);
  assert.ok(funded.length >= 10);
  for (const { funding, place } of funded) {
    const call = seedCall(funding?.call ?? '');
    assert.ok(
      call.selected.some((s) => s.organisation === funding?.organisation),
      `${place.id}: ${funding?.organisation}`,
    );
  }
  assert.ok(funded.some((d) => d.funding?.call === 'bee-digital-skills'));
  assert.ok(funded.some((d) => d.funding?.call === 'digital-brussels'));
});

test('the demo directory is valid open data', () => {
  assertValid(validateStandardFile, placesToRows(places), 'demo places');
});
