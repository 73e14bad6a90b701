// Fits the offset model with its estimated shrinkage and fixes the gauge. Numbers only, unrounded:
// `calibrate` turns them into the printed answer, the benchmark ranks them directly.
import { components, type Components } from './components.ts';
import type { ScoreTable } from './input.ts';
import { fitOffsets } from './offsetModel.ts';
import { estimateShrinkage, type Shrinkage } from './shrinkage.ts';

export interface Estimate {
  /** Estimated quality of each application, on the score scale (not clamped). */
  readonly quality: Float64Array;
  /** Estimated offset of each juror; Σ reviews × offset = 0 within each component. */
  readonly offset: Float64Array;
  readonly shrinkage: Shrinkage;
  readonly parts: Components;
}

export function estimateQualities(table: ScoreTable, options: { lambda?: number } = {}): Estimate {
  const parts = components(table);
  const shrinkage =
    options.lambda === undefined
      ? estimateShrinkage(table, parts)
      : { lambda: options.lambda, noiseVariance: null, offsetVariance: null, identifiable: true };
  const { quality, offset } = fitOffsets(table, shrinkage.lambda);
  // Gauge. Only quality + offset is determined by the data within a component; the ridge makes
  // the plain mean of offsets zero. Shifting instead so that the review-weighted mean is zero
  // makes the mean calibrated score (over reviews) equal the mean raw score: calibration moves
  // applications relative to one another, never the whole call up or down.
  const weighted = new Float64Array(parts.count);
  const reviews = new Float64Array(parts.count);
  offset.forEach((b, j) => {
    weighted[parts.ofJuror[j]!]! += table.jurorReviews[j]! * b;
    reviews[parts.ofJuror[j]!]! += table.jurorReviews[j]!;
  });
  const shift = weighted.map((w, c) => w / reviews[c]!);
  offset.forEach((b, j) => (offset[j] = b - shift[parts.ofJuror[j]!]!));
  quality.forEach((q, a) => (quality[a] = q + shift[parts.ofApplication[a]!]!));
  return { quality, offset, shrinkage, parts };
}
