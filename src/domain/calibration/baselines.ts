// The estimators the offset model is compared with in tests and the benchmark.
import type { ScoreTable } from './input.ts';
import { applicationMeans } from './offsetModel.ts';

export { applicationMeans as rawMeans };

/**
 * Mean per application of each juror's standardised scores, (score − juror's mean) / juror's sd:
 * the classic correction, which also rescales each juror's spread. A juror with one review or no
 * spread contributes 0.
 */
export function zScoreMeans(table: ScoreTable): Float64Array {
  const J = table.jurorIds.length;
  const sum = new Float64Array(J);
  const squares = new Float64Array(J);
  for (let r = 0; r < table.score.length; r++) {
    sum[table.jurorOf[r]!]! += table.score[r]!;
    squares[table.jurorOf[r]!]! += table.score[r]! ** 2;
  }
  const mean = sum.map((s, j) => s / table.jurorReviews[j]!);
  const sd = squares.map((s, j) => Math.sqrt(Math.max(0, s / table.jurorReviews[j]! - mean[j]! ** 2)));
  const z = new Float64Array(table.applicationIds.length);
  for (let r = 0; r < table.score.length; r++) {
    const j = table.jurorOf[r]!;
    if (sd[j]! > 1e-12) z[table.applicationOf[r]!]! += (table.score[r]! - mean[j]!) / sd[j]!;
  }
  return z.map((total, a) => total / table.applicationReviews[a]!);
}
