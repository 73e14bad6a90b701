import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../random.ts';
import { toScoreTable } from './input.ts';
import { fitOffsets } from './offsetModel.ts';
import { simulateJury } from './simulate.ts';

describe('ridge fit of the offset model', () => {
  const table = toScoreTable(
    simulateJury(mulberry32(4), { applications: 40, jurors: 8, k: 3, qualitySd: 2, offsetSd: 2, noiseSd: 1 }).input
      .scores,
  );

  for (const lambda of [1e-6, 0.5, 50]) {
    test(`solves the normal equations (λ = ${lambda})`, () => {
      const { quality, offset } = fitOffsets(table, lambda);
      // Gradient of Σ residual² + λ Σ b²: per application Σ residual = 0, per juror Σ residual = λ b.
      const perApplication = new Float64Array(quality.length);
      const perJuror = new Float64Array(offset.length);
      for (let r = 0; r < table.score.length; r++) {
        const residual = table.score[r]! - quality[table.applicationOf[r]!]! - offset[table.jurorOf[r]!]!;
        perApplication[table.applicationOf[r]!]! += residual;
        perJuror[table.jurorOf[r]!]! += residual;
      }
      perApplication.forEach((g) => assert.ok(Math.abs(g) < 1e-8, `application gradient ${g}`));
      perJuror.forEach((g, j) =>
        assert.ok(Math.abs(g - lambda * offset[j]!) < 1e-8, `juror gradient ${g - lambda * offset[j]!}`),
      );
    });
  }

  test('a large λ shrinks the offsets to 0 and the qualities to the raw means', () => {
    const { offset } = fitOffsets(table, 1e9);
    offset.forEach((b) => assert.ok(Math.abs(b) < 1e-6));
  });
});
