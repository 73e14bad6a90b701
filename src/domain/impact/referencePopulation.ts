// The population the calls exist for, as reference-data/seed-calls.json states it from the press releases:
// 40 % of the Brussels residents aged 16–74, over 300,000 people, are digitally vulnerable. The dashboards set
// the participants of those ages against it.

import seed from '../../../reference-data/seed-calls.json' with { type: 'json' };
import type { Reach } from './aggregate.ts';

export interface ReferencePopulation {
  region: string;
  /** The ages it counts, as age band keys of the reports (reportIndicators.ts AGE_BANDS). */
  ageBands: readonly string[];
  digitallyVulnerablePeople: number;
  digitallyVulnerableShare: number;
  source: string;
}

export const REFERENCE_POPULATION: ReferencePopulation = Object.freeze({
  region: seed.reference_population.region,
  // 16–74 in the reports' bands.
  ageBands: Object.freeze(['16-24', '25-54', '55-74']),
  digitallyVulnerablePeople: seed.reference_population.digitally_vulnerable_people,
  digitallyVulnerableShare: seed.reference_population.digitally_vulnerable_share,
  source: seed.reference_population.source,
});

/** The participants of the reference ages, and their share of the digitally vulnerable people. */
export function coverageOf(reach: Reach, population: ReferencePopulation = REFERENCE_POPULATION) {
  const byAge = reach.breakdowns['participants-by-age'] ?? {};
  const people = population.ageBands.reduce((sum, band) => sum + (byAge[band] ?? 0), 0);
  return { people, share: people / population.digitallyVulnerablePeople, of: population.digitallyVulnerablePeople };
}
