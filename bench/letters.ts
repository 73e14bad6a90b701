// Decision letters benchmark: `node --import tsx bench/letters.ts`.
// A decision renders one tagged PDF letter per applicant before its transaction (see
// src/features/decisions/letterDelivery.ts), so this is most of the time a confirmation takes.
// Renders the letters of a call of 26 applicants (BEE's) and of 200, in the three languages, with
// four criteria and their comments: time per letter (first, median, p95), total, and size.
// Writes bench/results/letters.json. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Locale } from '../src/domain/locale.ts';
import { letterSpec, type LetterFacts } from '../src/features/decisions/letters.ts';
import { renderPdf } from '../src/platform/pdf/renderPdf.ts';
import { percentile, round1 } from './lib/measure.ts';

const LOCALES: Locale[] = ['fr', 'nl', 'en'];
const CRITERIA = ['Pertinence', 'Méthode', 'Faisabilité', 'Impact'].map((name, i) => ({
  id: `c${i}`,
  name: { fr: name },
  description: { fr: '' },
  maxScore: 20,
  weight: i < 2 ? 2 : 1,
  threshold: null,
}));
const COMMENT =
  'Le projet rejoint des personnes éloignées du numérique par des partenaires de terrain solides ; le budget est réaliste et la méthode éprouvée.';

function facts(i: number, count: number): LetterFacts {
  const outcome = i < count / 3 ? 'selected' : i < count / 2 ? 'reserve' : 'not-selected';
  return {
    locale: LOCALES[i % 3]!,
    funderName: { fr: 'Bruxelles Économie Emploi' },
    callTitle: { fr: 'Former les Bruxellois au numérique' },
    decidingBody: { fr: 'Le Gouvernement de la Région de Bruxelles-Capitale' },
    decidedOn: '2026-11-20',
    recordedAt: new Date('2026-11-20T10:00:00Z'),
    funder: { address: ['Rue du Progrès 80', '1035 Bruxelles'], contactEmail: 'appels@bee.example.org', logo: null },
    signatory: { name: 'Camille Dupont', function: { fr: 'Directrice générale' } },
    appealRoutes: null,
    application: {
      reference: `BEE-2026-${String(i + 1).padStart(4, '0')}`,
      title: `Projet numéro ${i + 1} : formation au numérique`,
      organisationName: `Asbl ${i + 1}`,
      requestedCents: 5_690_400,
    },
    outcome: {
      outcome,
      amountCents: outcome === 'selected' ? 5_690_400 : null,
      partial: false,
      rank: i + 1,
      reason: outcome === 'not-selected' ? 'budget' : 'rank',
    },
    reservePosition: outcome === 'reserve' ? 1 : null,
    rankedCount: count,
    criteria: CRITERIA,
    consensus: {
      scores: { c0: 17, c1: 15.5, c2: 14, c3: 16 },
      comments: Object.fromEntries(CRITERIA.map((c) => [c.id, COMMENT])),
      comment: COMMENT,
      total: 79.4,
    },
  };
}

async function run(count: number) {
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    bytes += (await renderPdf(letterSpec(facts(i, count)))).length;
    times.push(performance.now() - t);
  }
  const total = performance.now() - started;
  return {
    letters: count,
    firstMs: round1(times[0]!),
    medianMs: round1(percentile(times, 0.5)),
    p95Ms: round1(percentile(times, 0.95)),
    totalS: round1(total / 1000),
    meanKb: round1(bytes / count / 1024),
  };
}

const results = [await run(26), await run(200)];
console.log('letters  first ms  median ms  p95 ms  total s  mean KB');
for (const r of results)
  console.log(
    `${String(r.letters).padEnd(9)}${String(r.firstMs).padEnd(10)}${String(r.medianMs).padEnd(11)}${String(r.p95Ms).padEnd(8)}${String(r.totalS).padEnd(9)}${r.meanKb}`,
  );
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/letters.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
console.log('Written to bench/results/letters.json');
