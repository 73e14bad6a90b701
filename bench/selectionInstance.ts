// A seeded, Brussels-shaped selection request for the benchmark: applications spread over the 19
// communes (NIS 21001–21019, the City of Brussels and the larger communes more often), six target
// publics of which some are rare and score lower on average (so that the minimums bite and force
// departures from rank order), grants of 30,000–60,000 € with a partial floor of 80 %.
import type { ApplicationInput, SelectionInput } from '../src/domain/selection/types.ts';
import { seeded } from '../src/domain/selection/testing/random.ts';

const COMMUNES = Array.from({ length: 19 }, (_, i) => String(21001 + i));
// Rough weights: Bruxelles (21004), Anderlecht (21001), Schaerbeek (21015), Molenbeek (21012) lead.
const WEIGHT: Record<string, number> = {
  '21004': 6,
  '21001': 4,
  '21015': 4,
  '21012': 3,
  '21016': 2,
  '21009': 2,
  '21013': 2,
};

// [public, share of applications serving it, score handicap]
const PUBLICS: [string, number, number][] = [
  ['homeless', 0.05, 9],
  ['newcomers', 0.12, 5],
  ['women', 0.2, 2],
  ['job-seekers', 0.25, 0],
  ['young-15-25', 0.2, 1],
  ['seniors', 0.08, 6],
];

// [public, minimum as a share of the projects the budget pays for]
const MINIMUM_SHARES: [string, number][] = [
  ['homeless', 0.08],
  ['newcomers', 0.15],
  ['women', 0.2],
  ['job-seekers', 0.22],
  ['young-15-25', 0.2],
  ['seniors', 0.11],
];

export function benchInstance(size: number, seed: number): SelectionInput {
  const rand = seeded(seed);
  const communeBag = COMMUNES.flatMap((c) => Array<string>(WEIGHT[c] ?? 1).fill(c));
  const organisations = Math.round(size * 0.75);
  const applications: ApplicationInput[] = Array.from({ length: size }, (_, i) => {
    let targetPublics = PUBLICS.filter(([, share]) => rand.chance(share)).map(([p]) => p);
    if (targetPublics.length === 0) targetPublics = [rand.pick(PUBLICS)[0]];
    const handicap = Math.max(...PUBLICS.filter(([p]) => targetPublics.includes(p)).map(([, , h]) => h));
    // Scores like a jury's: one decimal, clustered, so that ties occur.
    const score = Math.round((50 + 45 * rand.next() - handicap * rand.next()) * 10) / 10;
    return {
      id: `APP-${String(i + 1).padStart(4, '0')}`,
      requested: rand.int(2_500_000, 6_500_000),
      score,
      passedThresholds: score >= 55,
      targetPublics,
      commune: rand.pick(communeBag),
      organisation: `0${String(400_000_000 + rand.int(0, organisations - 1) * 97).padStart(9, '0')}`,
    };
  });
  const passedTotal = applications.filter((a) => a.passedThresholds).reduce((s, a) => s + a.requested, 0);
  const funded = size * 0.18; // about how many the budget below pays for
  return {
    mode: 'constrained',
    budget: Math.round((passedTotal * 0.22) / 100) * 100,
    grant: { min: 3_000_000, max: 6_000_000, partialFloor: 0.8 },
    applications,
    constraints: {
      // Each minimum asks for a share of the ~funded projects above what rank order gives the
      // rarer publics, so that they bind at both sizes.
      minPerTargetPublic: Object.fromEntries(MINIMUM_SHARES.map(([p, share]) => [p, Math.round(funded * share)])),
      maxPerCommune: Math.ceil((funded / 19) * 1.6),
    },
  };
}
