// The indexed form of an assignment problem that every algorithm works on.
// Dense typed arrays (application × juror) rather than maps: every algorithm here scans pairs in
// tight loops, and a pair index `a * J + j` costs nothing to compute. At conference scale
// (5,000 × 2,800) the two arrays take 126 MB, which is acceptable for a batch job.
import type { ParsedAssignmentInput } from './input.ts';

export interface AssignmentProblem {
  readonly applicationIds: readonly string[];
  readonly jurorIds: readonly string[];
  /** Jurors per application. */
  readonly k: number;
  readonly capacity: Int32Array;
  readonly minLoad: Int32Array;
  /** affinity[a * J + j]; pairs not given are 0. */
  readonly affinity: Float64Array;
  /** conflict[a * J + j] = 1 when juror j may not review application a. */
  readonly conflict: Uint8Array;
  /** Least summed affinity of each application's jurors, or null. */
  readonly floor: number | null;
}

/** Jurors of each application, as juror indices in increasing order. */
export type Assignment = readonly (readonly number[])[];

// Typed arrays are indexed with Int32 pair numbers, and beyond this the dense form would not fit
// in memory anyway (50 M pairs = 450 MB).
const MAX_PAIRS = 50_000_000;

/** Builds the indexed problem from an input whose references were checked (`checkReferences`). */
export function buildProblem(input: ParsedAssignmentInput): AssignmentProblem {
  const applicationIds = input.applications.map((a) => a.id);
  const jurorIds = input.jurors.map((j) => j.id);
  const A = applicationIds.length;
  const J = jurorIds.length;
  if (A * J > MAX_PAIRS) throw new RangeError(`${A} applications × ${J} jurors is more than ${MAX_PAIRS} pairs`);
  const applicationIndex = new Map(applicationIds.map((id, i) => [id, i]));
  const jurorIndex = new Map(jurorIds.map((id, i) => [id, i]));
  const pair = (juror: string, application: string): number => {
    const a = applicationIndex.get(application);
    const j = jurorIndex.get(juror);
    if (a === undefined || j === undefined)
      throw new Error(`unknown pair ${juror}/${application}: check references first`);
    return a * J + j;
  };
  const affinity = new Float64Array(A * J);
  for (const [juror, application, value] of input.affinity) affinity[pair(juror, application)] = value;
  const conflict = new Uint8Array(A * J);
  for (const [juror, application] of input.conflicts) conflict[pair(juror, application)] = 1;
  return {
    applicationIds,
    jurorIds,
    k: input.reviewersPerApplication,
    capacity: Int32Array.from(input.jurors, (j) => j.capacity),
    minLoad: Int32Array.from(input.jurors, (j) => j.minLoad ?? 0),
    affinity,
    conflict,
    floor: input.applicationAffinityFloor ?? null,
  };
}
