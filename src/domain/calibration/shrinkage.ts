// How much to trust the estimated offsets: the ridge weight λ = noise variance / offset variance,
// the choice that makes the ridge estimate the best linear predictor of the offsets (empirical
// Bayes, by the method of moments). With offsets absent λ grows huge and calibrated ≈ raw mean,
// so calibration costs nothing when there is nothing to correct; with strong offsets λ is small
// and they are removed almost fully.
//   noise variance  σ² = residual sum of squares / degrees of freedom (reviews − applications − jurors + components)
//   offset variance τ² = (Σ b̂² − σ² tr(M₀⁺)) / (jurors − components)
// where b̂ is the (almost) unregularised fit, centred per component, and σ² tr(M₀⁺) is the part
// of Σ b̂² that noise alone would produce.
import { mulberry32 } from '../random.ts';
import type { Components } from './components.ts';
import type { ScoreTable } from './input.ts';
import { applyNormalMatrix, conjugateGradient, fitOffsets } from './offsetModel.ts';

export interface Shrinkage {
  readonly lambda: number;
  readonly noiseVariance: number | null;
  readonly offsetVariance: number | null;
  /** False when there are too few reviews to tell offsets from noise at all. */
  readonly identifiable: boolean;
}

export const LAMBDA_MIN = 1e-6;
export const LAMBDA_MAX = 1e6;
// Above this many jurors the trace is estimated (Hutchinson) rather than computed column by column.
const EXACT_TRACE_JURORS = 300;

export function estimateShrinkage(table: ScoreTable, parts: Components): Shrinkage {
  const J = table.jurorIds.length;
  const freeOffsets = J - parts.count;
  const df = table.score.length - table.applicationIds.length - freeOffsets;
  if (freeOffsets <= 0) return { lambda: LAMBDA_MAX, noiseVariance: null, offsetVariance: null, identifiable: true };
  if (df <= 0) return { lambda: LAMBDA_MAX, noiseVariance: null, offsetVariance: null, identifiable: false };
  const rough = fitOffsets(table, LAMBDA_MIN);
  const noiseVariance = rough.residual / df;
  const spread = rough.offset.reduce((sum, b) => sum + b * b, 0);
  const offsetVariance = Math.max(0, (spread - noiseVariance * traceOfPseudoInverse(table, parts)) / freeOffsets);
  const lambda =
    offsetVariance > 0 ? Math.min(LAMBDA_MAX, Math.max(LAMBDA_MIN, noiseVariance / offsetVariance)) : LAMBDA_MAX;
  return { lambda, noiseVariance, offsetVariance, identifiable: true };
}

/** tr(M₀⁺) on the offsets centred per component: Σ vᵀ M₀⁺ v over a basis, or random probes. */
function traceOfPseudoInverse(table: ScoreTable, parts: Components): number {
  const J = table.jurorIds.length;
  const apply = (x: Float64Array, out: Float64Array) => applyNormalMatrix(table, LAMBDA_MIN, x, out);
  const exact = J <= EXACT_TRACE_JURORS;
  // Rademacher probes give an unbiased estimate; the fixed seed keeps the result reproducible.
  const random = mulberry32(1);
  const probes = exact ? J : 60;
  let trace = 0;
  for (let i = 0; i < probes; i++) {
    const v = exact
      ? Float64Array.from({ length: J }, (_, j) => (j === i ? 1 : 0))
      : Float64Array.from({ length: J }, () => (random() < 0.5 ? -1 : 1));
    centrePerComponent(v, parts);
    const x = conjugateGradient(apply, v);
    for (let j = 0; j < J; j++) trace += v[j]! * x[j]!;
  }
  return exact ? trace : trace / probes; // each random probe estimates the whole trace
}

function centrePerComponent(v: Float64Array, parts: Components): void {
  const sum = new Float64Array(parts.count);
  const size = new Float64Array(parts.count);
  v.forEach((value, j) => {
    sum[parts.ofJuror[j]!]! += value;
    size[parts.ofJuror[j]!]!++;
  });
  v.forEach((value, j) => (v[j] = value - sum[parts.ofJuror[j]!]! / size[parts.ofJuror[j]!]!));
}
