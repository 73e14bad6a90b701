// A seeded jury for tests and the benchmark: applications of known quality, jurors with known
// offsets, k reviews each with noise, scores kept on the scale. Each application goes to the k
// least-loaded jurors (random among equals), as a real assignment would balance loads.
import { normal, type Random } from '../random.ts';
import type { CalibrationInput } from './input.ts';

export interface JuryShape {
  readonly applications: number;
  readonly jurors: number;
  readonly k: number;
  readonly qualitySd: number;
  readonly offsetSd: number;
  readonly noiseSd: number;
  /** Default 0–20, centred on 10. */
  readonly scale?: { readonly min: number; readonly max: number };
}

export interface SimulatedJury {
  readonly input: CalibrationInput;
  /** True quality by application id (A1, A2, …), on the score scale before noise. */
  readonly trueQuality: ReadonlyMap<string, number>;
  readonly trueOffset: ReadonlyMap<string, number>;
}

export function simulateJury(random: Random, shape: JuryShape): SimulatedJury {
  const scale = shape.scale ?? { min: 0, max: 20 };
  const centre = (scale.min + scale.max) / 2;
  const quality = Array.from({ length: shape.applications }, () => centre + normal(random, 0, shape.qualitySd));
  const offset = Array.from({ length: shape.jurors }, () => normal(random, 0, shape.offsetSd));
  const load = new Array<number>(shape.jurors).fill(0);
  const scores: CalibrationInput['scores'] = [];
  quality.forEach((q, a) => {
    const order = load.map((l, j) => ({ j, key: l + random() })).sort((x, y) => x.key - y.key);
    for (const { j } of order.slice(0, shape.k)) {
      load[j]!++;
      const score = Math.min(scale.max, Math.max(scale.min, q + offset[j]! + normal(random, 0, shape.noiseSd)));
      scores.push({ juror: `J${j + 1}`, application: `A${a + 1}`, score });
    }
  });
  return {
    input: { scores, scale },
    trueQuality: new Map(quality.map((q, a) => [`A${a + 1}`, q])),
    trueOffset: new Map(offset.map((b, j) => [`J${j + 1}`, b])),
  };
}
