// Which Brussels communes share a border (reference-data/brussels-commune-neighbours.json, with its
// sources), and how many borders apart two communes are: 0 for the same commune, 1 for neighbours,
// 2 for a neighbour's neighbour… Results are shown nearest commune first with this alone: it needs
// no map service and no address geocoding, and a resident thinks in communes anyway.

import neighboursJson from '../../../reference-data/brussels-commune-neighbours.json' with { type: 'json' };
import { COMMUNES } from '../referenceData.ts';

const TABLE: Readonly<Record<string, readonly string[]>> = neighboursJson.neighbours;

/** The NIS codes of the communes bordering `nis` (none for a code that is not one of the 19). */
export function neighboursOf(nis: string): readonly string[] {
  return TABLE[nis] ?? [];
}

// Breadth-first from each commune: 19 × 19 distances, computed once.
const DISTANCES: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map(
  COMMUNES.map(({ nis: from }) => {
    const distance = new Map([[from, 0]]);
    const queue = [from];
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      for (const next of neighboursOf(current)) {
        if (distance.has(next)) continue;
        distance.set(next, (distance.get(current) ?? 0) + 1);
        queue.push(next);
      }
    }
    return [from, distance];
  }),
);

/** Borders to cross from one commune to the other; Infinity when either is not a Brussels commune. */
export function communeDistance(from: string, to: string): number {
  return DISTANCES.get(from)?.get(to) ?? Infinity;
}
