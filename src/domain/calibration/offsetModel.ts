// Reviewer-offset model:  score(j, a) = quality(a) + offset(j) + noise,
// fitted by ridge-regularised least squares:  minimise Σ residual² + λ Σ_j offset(j)².
// Eliminating the qualities (each is its application's mean of score − offset) leaves, for the
// offsets b, the normal equations M b = c with
//   M = diag(n_j + λ) − Σ_a (1/m_a) u_a u_aᵀ   (u_a: indicator of a's jurors)
//   c_j = Σ over j's reviews of (score − its application's raw mean)
// M is symmetric positive definite for λ > 0, so conjugate gradients solve it exactly enough in at
// most J steps, touching each review twice per step: no J × J matrix is ever formed.
import type { ScoreTable } from './input.ts';

export interface OffsetFit {
  readonly quality: Float64Array;
  readonly offset: Float64Array;
  /** Sum of squared residuals. */
  readonly residual: number;
}

export function fitOffsets(table: ScoreTable, lambda: number): OffsetFit {
  const mean = applicationMeans(table);
  const c = new Float64Array(table.jurorIds.length);
  for (let r = 0; r < table.score.length; r++)
    c[table.jurorOf[r]!]! += table.score[r]! - mean[table.applicationOf[r]!]!;
  const offset = conjugateGradient((x, out) => applyNormalMatrix(table, lambda, x, out), c);
  const quality = mean.slice();
  for (let r = 0; r < table.score.length; r++)
    quality[table.applicationOf[r]!]! -=
      offset[table.jurorOf[r]!]! / table.applicationReviews[table.applicationOf[r]!]!;
  let residual = 0;
  for (let r = 0; r < table.score.length; r++)
    residual += (table.score[r]! - quality[table.applicationOf[r]!]! - offset[table.jurorOf[r]!]!) ** 2;
  return { quality, offset, residual };
}

/** Mean score of each application. */
export function applicationMeans(table: ScoreTable): Float64Array {
  const mean = new Float64Array(table.applicationIds.length);
  for (let r = 0; r < table.score.length; r++) mean[table.applicationOf[r]!]! += table.score[r]!;
  return mean.map((sum, a) => sum / table.applicationReviews[a]!);
}

/** out = M x, in O(reviews). */
export function applyNormalMatrix(table: ScoreTable, lambda: number, x: Float64Array, out: Float64Array): void {
  const perApplication = new Float64Array(table.applicationIds.length);
  for (let r = 0; r < table.score.length; r++) perApplication[table.applicationOf[r]!]! += x[table.jurorOf[r]!]!;
  for (let j = 0; j < x.length; j++) out[j] = (table.jurorReviews[j]! + lambda) * x[j]!;
  for (let r = 0; r < table.score.length; r++) {
    const a = table.applicationOf[r]!;
    out[table.jurorOf[r]!]! -= perApplication[a]! / table.applicationReviews[a]!;
  }
}

/**
 * Solves A x = b for a symmetric positive (semi)definite A given as a product. From x = 0 the
 * iterates stay in A's range, so a consistent semidefinite system converges too.
 */
export function conjugateGradient(
  apply: (x: Float64Array, out: Float64Array) => void,
  b: Float64Array,
  tolerance = 1e-12,
): Float64Array {
  const n = b.length;
  const x = new Float64Array(n);
  const r = b.slice();
  const p = b.slice();
  const Ap = new Float64Array(n);
  const target = tolerance * tolerance * Math.max(dot(b, b), Number.MIN_VALUE);
  let rr = dot(r, r);
  // In exact arithmetic n steps suffice; the margin absorbs rounding.
  for (let step = 0; step < 2 * n + 20 && rr > target; step++) {
    apply(p, Ap);
    const pAp = dot(p, Ap);
    if (pAp <= 0) break; // a direction in the null space: nothing left to reduce
    const alpha = rr / pAp;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * Ap[i]!;
    }
    const next = dot(r, r);
    const beta = next / rr;
    rr = next;
    for (let i = 0; i < n; i++) p[i] = r[i]! + beta * p[i]!;
  }
  return x;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}
