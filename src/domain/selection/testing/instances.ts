// Small random selection requests for the brute-force comparisons: few publics, communes and
// organisations so that the rules bite, integer scores so that ties happen, small amounts so that
// partial floors and grant limits come into play, and now and then fixed decisions that break them.
import type { SelectionInput, SelectionMode } from '../types.ts';
import type { Random } from './random.ts';

export function smallInstance(rand: Random, mode: SelectionMode, size = rand.int(1, 10)): SelectionInput {
  const publics = ['a', 'b', 'c'];
  const applications = Array.from({ length: size }, (_, i) => ({
    id: `A${i + 1}`,
    requested: rand.int(100, 1000),
    score: rand.int(0, 6),
    passedThresholds: rand.chance(0.85),
    targetPublics: publics.filter(() => rand.chance(0.4)),
    commune: rand.pick(['21001', '21002', '21003']),
    organisation: rand.pick(['o1', 'o2', 'o3', 'o4']),
  }));
  const total = applications.reduce((s, a) => s + a.requested, 0);
  const min = rand.chance(0.4) ? rand.int(100, 400) : null;
  const max = rand.chance(0.4) ? rand.int(500, 1000) : null;
  const partialFloor = rand.chance(0.6) ? rand.pick([0.5, 0.75, 0.8, 0.9, 1]) : null;
  const minPerTargetPublic: Record<string, number> = {};
  for (const p of publics) if (rand.chance(0.6)) minPerTargetPublic[p] = rand.int(0, 2);
  const fixed = rand.chance(0.3)
    ? applications
        .filter(() => rand.chance(0.2))
        .slice(0, 2)
        .map((a) => ({ id: a.id, amount: rand.chance(0.3) ? 0 : rand.int(50, 1100) }))
    : [];
  return {
    mode,
    budget: rand.int(Math.floor(total * 0.2), Math.floor(total * 0.9)),
    grant: { min, max, partialFloor },
    applications,
    constraints: {
      minPerTargetPublic,
      maxPerCommune: rand.chance(0.5) ? rand.int(1, 3) : null,
      maxPerOrganisation: rand.chance(0.5) ? rand.int(1, 2) : null,
    },
    fixed,
  };
}

/**
 * A medium request (30–60 applications, four publics, five communes, demanding minimums): too big
 * for brute force, used to check that the bounds and caches change no answer of the solver.
 */
export function mediumInstance(rand: Random): SelectionInput {
  const publics = ['a', 'b', 'c', 'd'];
  const size = rand.int(30, 60);
  const applications = Array.from({ length: size }, (_, i) => ({
    id: `M${i + 1}`,
    requested: rand.int(2_000, 6_500),
    score: rand.int(0, 40),
    passedThresholds: rand.chance(0.9),
    targetPublics: publics.filter((_, p) => rand.chance(0.1 + 0.1 * p)),
    commune: rand.pick(['21001', '21002', '21003', '21004', '21005']),
    organisation: `o${rand.int(1, Math.floor(size * 0.7))}`,
  }));
  const total = applications.reduce((s, a) => s + a.requested, 0);
  const budget = rand.int(Math.floor(total * 0.2), Math.floor(total * 0.4));
  const funded = budget / 4_000;
  return {
    mode: 'constrained',
    budget,
    grant: { min: 2_500, max: 6_000, partialFloor: rand.chance(0.6) ? rand.pick([0.6, 0.8]) : null },
    applications,
    constraints: {
      // The rarer publics (a, b) are asked for beyond their share of the applications.
      minPerTargetPublic: Object.fromEntries(
        publics.map((p, i) => [p, Math.round(funded * (0.25 + 0.1 * rand.next() - 0.03 * i))]),
      ),
      maxPerCommune: rand.chance(0.7) ? Math.ceil(funded / 4) : null,
      maxPerOrganisation: rand.chance(0.3) ? 1 : null,
    },
  };
}
