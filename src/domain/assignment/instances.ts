// Instances for tests and the benchmark, built directly in indexed form: at conference scale
// (14 M pairs) a JSON-shaped request would not fit comfortably in memory.
import type { Random } from '../random.ts';
import type { AssignmentProblem } from './problem.ts';

export interface RandomProblemShape {
  readonly applications: number;
  readonly jurors: number;
  readonly k: number;
  readonly capacity: number;
  readonly conflictRate: number;
  readonly minLoad?: number;
  readonly floor?: number | null;
}

/** Seeded random instance: uniform affinities in [0, 1), each pair in conflict with a given probability. */
export function randomProblem(random: Random, shape: RandomProblemShape): AssignmentProblem {
  const { applications: A, jurors: J } = shape;
  const affinity = new Float64Array(A * J);
  const conflict = new Uint8Array(A * J);
  for (let p = 0; p < A * J; p++) {
    affinity[p] = random();
    conflict[p] = random() < shape.conflictRate ? 1 : 0;
  }
  return {
    applicationIds: Array.from({ length: A }, (_, a) => `A${a + 1}`),
    jurorIds: Array.from({ length: J }, (_, j) => `J${j + 1}`),
    k: shape.k,
    capacity: new Int32Array(J).fill(shape.capacity),
    minLoad: new Int32Array(J).fill(shape.minLoad ?? 0),
    affinity,
    conflict,
    floor: shape.floor ?? null,
  };
}

export interface TableShape {
  readonly k: number;
  /** affinity[a][j]; its size gives the numbers of applications and jurors. */
  readonly affinity: readonly (readonly number[])[];
  readonly capacity: readonly number[];
  readonly minLoad?: readonly number[];
  /** [application, juror] index pairs. */
  readonly conflicts?: readonly (readonly [number, number])[];
  readonly floor?: number | null;
}

/** A small hand-written instance: applications A1…, jurors J1… */
export function tableProblem(shape: TableShape): AssignmentProblem {
  const A = shape.affinity.length;
  const J = shape.capacity.length;
  if (shape.affinity.some((row) => row.length !== J))
    throw new RangeError('each affinity row needs one value per juror');
  const conflict = new Uint8Array(A * J);
  for (const [a, j] of shape.conflicts ?? []) conflict[a * J + j] = 1;
  return {
    applicationIds: Array.from({ length: A }, (_, a) => `A${a + 1}`),
    jurorIds: Array.from({ length: J }, (_, j) => `J${j + 1}`),
    k: shape.k,
    capacity: Int32Array.from(shape.capacity),
    minLoad: shape.minLoad ? Int32Array.from(shape.minLoad) : new Int32Array(J),
    affinity: Float64Array.from(shape.affinity.flat()),
    conflict,
    floor: shape.floor ?? null,
  };
}

/**
 * A tiny random instance exercising every rule, for comparison with brute force: capacities 1–4,
 * conflicts (20 %), often minimum loads, often an affinity floor near what is reachable (so that
 * it binds). About a third are infeasible, on purpose.
 */
export function randomSmallProblem(random: Random, applications: number, jurors: number, k: number): AssignmentProblem {
  const capacity = Array.from({ length: jurors }, () => 2 + Math.floor(random() * 3));
  const withMinLoad = random() < 0.4;
  const withFloor = random() < 0.5;
  const affinity = Array.from({ length: applications }, () =>
    Array.from({ length: jurors }, () => Math.round(random() * 100) / 100),
  );
  const conflicts: [number, number][] = [];
  for (let a = 0; a < applications; a++) for (let j = 0; j < jurors; j++) if (random() < 0.2) conflicts.push([a, j]);
  return tableProblem({
    k,
    affinity,
    capacity,
    minLoad: withMinLoad ? capacity.map((c) => Math.floor(random() * Math.min(c, 2) + 0.5)) : undefined,
    conflicts,
    floor: withFloor ? Math.round(k * (20 + random() * 35)) / 100 : null,
  });
}
