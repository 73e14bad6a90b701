// Offsets are comparable only between jurors linked by shared applications: the bipartite graph
// juror–application must be connected, or each part gets its own, unrelated, zero point.
import type { ScoreTable } from './input.ts';

export interface Components {
  readonly count: number;
  /** Component of each juror and of each application, numbered in order of first appearance. */
  readonly ofJuror: Int32Array;
  readonly ofApplication: Int32Array;
}

export function components(table: ScoreTable): Components {
  const J = table.jurorIds.length;
  // Union–find over jurors (0…J−1) and applications (J…), with path halving.
  const parent = Int32Array.from({ length: J + table.applicationIds.length }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let r = 0; r < table.score.length; r++) {
    const a = find(table.jurorOf[r]!);
    const b = find(J + table.applicationOf[r]!);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  // Renumber roots 0, 1, … in the order their first member appears (jurors come first).
  const number = new Map<number, number>();
  const label = (x: number) => {
    const root = find(x);
    if (!number.has(root)) number.set(root, number.size);
    return number.get(root)!;
  };
  const ofJuror = Int32Array.from({ length: J }, (_, j) => label(j));
  const ofApplication = Int32Array.from({ length: table.applicationIds.length }, (_, a) => label(J + a));
  return { count: number.size, ofJuror, ofApplication };
}
