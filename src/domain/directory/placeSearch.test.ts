import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brusselsToInstant } from '../brusselsTime.ts';
import { communeByNis } from '../referenceData.ts';
import type { Place } from './place.ts';
import { DirectoryIndex, type PlaceFilters } from './placeSearch.ts';
import { buildPlace } from './testing/buildPlace.ts';

// Monday 7 December 2026, 10:30 in Brussels.
const NOW = (() => {
  const at = brusselsToInstant('2026-12-07', '10:30');
  assert.ok(at.ok);
  return at.value;
})();

function at(nis: string, overrides: Partial<Place>): Place {
  const commune = communeByNis(nis);
  assert.ok(commune);
  return buildPlace({
    address: { street: 'Rue 1', complement: null, postalCode: commune.postal[0] ?? '', communeNis: nis },
    ...overrides,
  });
}

const INDEX = new DirectoryIndex([
  at('21015', { id: 'schaerbeek-open', name: 'Zèbre numérique', openingHours: 'Mo-Fr 09:00-17:00' }),
  at('21015', { id: 'schaerbeek-closed', name: 'Atelier Helmet', openingHours: 'Sa 10:00-12:00', stepFree: false }),
  at('21014', {
    id: 'saint-josse',
    name: 'Cyber Madou',
    openingHours: 'Mo-Fr 09:00-12:00',
    fees: ['paid'],
    languages: ['fr', 'tr'],
  }),
  at('21004', {
    id: 'city',
    name: 'Accueil Senne',
    openingHours: null,
    publics: [],
    supports: ['deafness', 'illiteracy'],
    services: ['low-cost-devices'],
  }),
  at('21016', {
    id: 'uccle',
    name: 'aide Uccle',
    openingHours: 'Mo-Fr 09:00-12:00 "sur rendez-vous"',
    publics: ['seniors'],
    fees: ['free-under-conditions'],
  }),
  at('21003', { id: 'berchem', name: 'Berchem Digital', openingHours: 'Mo-Su 09:00-20:00', publics: ['women'] }),
]);

const ids = (filters: PlaceFilters) => INDEX.search(filters, NOW, 'fr').map((h) => h.place.id);

test('nearest commune first, then open now, then name', () => {
  // From Schaerbeek: Schaerbeek (0), Saint-Josse and the City (1), Uccle (2), Berchem (3).
  assert.deepEqual(ids({ commune: '21015' }), [
    'schaerbeek-open',
    'schaerbeek-closed',
    'saint-josse',
    'city',
    'uccle',
    'berchem',
  ]);
  const hits = INDEX.search({ commune: '21015' }, NOW, 'fr');
  assert.deepEqual(
    hits.map((h) => [h.distance, h.status?.state ?? null]),
    [
      [0, 'open'],
      [0, 'closed'],
      [1, 'open'],
      [1, null],
      [2, 'unknown'],
      [3, 'open'],
    ],
  );
});

test('without a commune, open places first, then by name in the reader’s language', () => {
  assert.deepEqual(ids({}), ['berchem', 'saint-josse', 'schaerbeek-open', 'uccle', 'schaerbeek-closed', 'city']);
});

test('within a number of borders', () => {
  assert.deepEqual(ids({ commune: '21015', within: 0 }), ['schaerbeek-open', 'schaerbeek-closed']);
  assert.deepEqual(ids({ commune: '21015', within: 1 }).length, 4);
});

test('each filter keeps only the places that fit', () => {
  assert.deepEqual(ids({ services: ['low-cost-devices'] }), ['city']);
  assert.deepEqual(ids({ services: ['low-cost-devices', 'internet-access'] }).length, 6, 'any of the services');
  assert.deepEqual(ids({ language: 'tr' }), ['saint-josse']);
  assert.deepEqual(ids({ supports: ['deafness', 'illiteracy'] }), ['city']);
  assert.deepEqual(ids({ supports: ['deafness', 'visual-impairment'] }), []);
  assert.deepEqual(ids({ free: true }), ['berchem', 'schaerbeek-open', 'uccle', 'schaerbeek-closed', 'city']);
  assert.deepEqual(ids({ openNow: true }), ['berchem', 'saint-josse', 'schaerbeek-open']);
  assert.deepEqual(ids({ weekends: true }), ['berchem', 'schaerbeek-closed']);
  assert.deepEqual(ids({ stepFree: true }).includes('schaerbeek-closed'), false);
});

test('a public keeps the places for that public and the places for everyone', () => {
  // The test places are for homeless people unless said otherwise; the City’s is for everyone.
  assert.deepEqual(ids({ public: 'seniors' }), ['uccle', 'city']);
  assert.deepEqual(ids({ public: 'women' }), ['berchem', 'city']);
});

test('filters combine', () => {
  assert.deepEqual(ids({ commune: '21014', free: true, openNow: true }), ['schaerbeek-open', 'berchem']);
});

test('places sharing hours share one parsed schedule', () => {
  const index = new DirectoryIndex([
    buildPlace({ id: 'a' }),
    buildPlace({ id: 'b' }),
    buildPlace({ id: 'c', openingHours: null }),
  ]);
  assert.ok(index.hoursAt(0) && index.hoursAt(0) === index.hoursAt(1));
  assert.equal(index.hoursAt(2), null);
  assert.equal(index.size, 3);
});

test('a status kept from an earlier search is the status the later instant has', () => {
  const index = new DirectoryIndex([buildPlace({ openingHours: 'Mo-Fr 09:00-12:00' })]);
  const at = (time: string) => {
    const instant = brusselsToInstant('2026-12-07', time);
    assert.ok(instant.ok);
    return index.search({}, instant.value, 'en')[0]?.status;
  };
  assert.equal(at('10:30')?.state, 'open');
  assert.equal(at('11:59')?.state, 'open');
  assert.equal(at('12:00')?.state, 'closed', 'the change at noon is seen');
  assert.equal(at('12:00')?.next?.state, 'open');
  assert.equal(at('08:00')?.state, 'closed', 'an earlier instant is worked out again');
});

test('names are ordered as each language sorts them', () => {
  const index = new DirectoryIndex([
    buildPlace({ id: 'e', name: 'Écrans' }),
    buildPlace({ id: 'z', name: 'zèbre' }),
    buildPlace({ id: 'a', name: 'atelier 10' }),
    buildPlace({ id: 'b', name: 'atelier 9' }),
  ]);
  assert.deepEqual(
    index.search({}, NOW, 'fr').map((h) => h.place.id),
    ['b', 'a', 'e', 'z'],
  );
});
