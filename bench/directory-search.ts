// Directory search benchmark: `node --import tsx bench/directory-search.ts`.
// 5,000 generated places (the demo's places copied into every commune with shuffled services,
// publics, languages and hours, so about as many distinct schedules as a real directory has), and
// the pure search with the filters a resident uses, "open now" included, each search 15 seconds
// after the previous one. Prints time per search (first, which works out every status, then median
// and p95) and the number of hits, and writes bench/results/directory-search.json. A second run
// gives every place hours of its own, the worst case for "open now". The machine's load average is
// recorded with the figures: on a shared machine it explains most of their spread. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { filtersFromAnswers } from '../src/domain/directory/guidedPath.ts';
import type { Place } from '../src/domain/directory/place.ts';
import { DirectoryIndex, type PlaceFilters } from '../src/domain/directory/placeSearch.ts';
import { mulberry32, randomInt } from '../src/domain/random.ts';
import { COMMUNES } from '../src/domain/referenceData.ts';
import { DEMO_PLACES } from '../src/features/demo/demoPlaces.ts';
import { percentile, round1 } from './lib/measure.ts';

const SIZE = 5000;
const RUNS = 200;
const DISTINCT_SIZE = 1000; // parsing a schedule takes ~2 ms: 5,000 distinct ones would be the bench's own cost

const random = mulberry32(5000);
const pick = <T>(list: readonly T[]): T => list[randomInt(random, list.length)] as T;
const some = <T>(list: readonly T[]): T[] => list.filter(() => random() < 0.5);

function generated(size: number, ownHours: boolean): Place[] {
  return Array.from({ length: size }, (_, i) => {
    const template = pick(DEMO_PLACES).place;
    const other = pick(DEMO_PLACES).place;
    const commune = pick(COMMUNES);
    // A schedule of its own: the template's hours shifted by a few minutes.
    const hours = ownHours
      ? `Mo-Fr 08:${String(i % 60).padStart(2, '0')}-${12 + (i % 9)}:00; PH off`
      : other.openingHours;
    return {
      ...template,
      id: `bench-${i}`,
      name: `${template.name} ${i}`,
      address: { ...template.address, postalCode: commune.postal[0] ?? '1000', communeNis: commune.nis },
      services: [...new Set([...template.services, ...some(other.services)])],
      languages: [...new Set([...template.languages, ...some(other.languages)])],
      publics: random() < 0.6 ? [] : other.publics,
      openingHours: hours,
    };
  });
}

const SEARCHES: [string, PlaceFilters][] = [
  ['everything (sort all)', {}],
  ['commune', { commune: '21015' }],
  ['commune + need', { commune: '21012', services: ['admin-procedures'] }],
  ['commune + need + language', { commune: '21001', services: ['job-search'], language: 'ar' }],
  ['open now', { openNow: true }],
  ['commune + open now + free', { commune: '21009', openNow: true, free: true }],
  ['weekends', { weekends: true }],
  ['public + step-free', { public: 'seniors', stepFree: true }],
  [
    'guided path (4 answers)',
    filtersFromAnswers({ need: 'procedure', language: 'fr', commune: '1080', help: ['reading'] }),
  ],
  [
    'all filters',
    {
      commune: '21004',
      within: 2,
      services: ['everyday-tools'],
      public: 'women',
      language: 'fr',
      free: true,
      openNow: true,
      weekends: true,
      stepFree: true,
    },
  ],
];

// Successive requests 15 seconds apart from Monday 16 November 2026, 10:00 in Brussels, as on a
// busy morning; the first search of each case is the cold one (no status worked out yet).
const START = Date.parse('2026-11-16T09:00:00Z');
const instant = (i: number) => new Date(START + i * 15_000);

function measure(places: Place[]) {
  const indexStarted = performance.now();
  const index = new DirectoryIndex(places, { extraHolidays: ['iris-day'] });
  const indexMs = performance.now() - indexStarted;
  const schedules = new Set(places.map((_, i) => index.hoursAt(i)).filter(Boolean)).size;
  const cases = SEARCHES.map(([name, filters]) => {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      hits += index.search(filters, instant(i), 'fr').length;
      times.push(performance.now() - started);
    }
    return {
      name,
      firstMs: round1(times[0] ?? 0),
      medianMs: round1(percentile(times, 0.5)),
      p95Ms: round1(percentile(times, 0.95)),
      meanHits: Math.round(hits / RUNS),
    };
  });
  return { places: places.length, distinctSchedules: schedules, indexMs: Math.round(indexMs), cases };
}

const loadBefore = loadavg()[0];
const shared = measure(generated(SIZE, false));
const distinct = measure(generated(DISTINCT_SIZE, true));

for (const [title, run] of [
  [`${shared.places} places, ${shared.distinctSchedules} distinct schedules`, shared],
  [`${distinct.places} places, each with its own schedule (worst case for "open now")`, distinct],
] as const) {
  console.log(`\n${title}; indexed in ${run.indexMs} ms, once per list. ${RUNS} searches each:\n`);
  const table = [
    ['search', 'first ms', 'median ms', 'p95 ms', 'hits'],
    ...run.cases.map((c) => [c.name, String(c.firstMs), String(c.medianMs), String(c.p95Ms), String(c.meanHits)]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/directory-search.json',
  JSON.stringify(
    {
      benchmark: 'directory-search',
      node: process.version,
      ranAt: new Date().toISOString(),
      runs: RUNS,
      shared,
      distinct,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nLoad average (1 min) ${loadBefore?.toFixed(1)} before, ${loadavg()[0]?.toFixed(1)} after.`);
console.log('Written to bench/results/directory-search.json');
