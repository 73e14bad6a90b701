// The calibration request as the CLI and the API receive it, and its indexed form. The schema
// checks shapes; `checkScores` checks what a schema cannot (a pair scored twice, a score outside
// the scale), so that the model never meets ill-formed data.
import { z } from 'zod';

const id = z.string().min(1, 'must be a non-empty identifier');

export const calibrationInputSchema = z.strictObject({
  scores: z.array(z.strictObject({ juror: id, application: id, score: z.number() })),
  scale: z
    .strictObject({ min: z.number(), max: z.number() })
    .refine((scale) => scale.min < scale.max, 'min must be below max'),
});

export type CalibrationInput = z.output<typeof calibrationInputSchema>;

/** Reviews in indexed form: review r is juror jurorOf[r] scoring application applicationOf[r]. */
export interface ScoreTable {
  /** In order of first appearance in the scores. */
  readonly jurorIds: readonly string[];
  readonly applicationIds: readonly string[];
  readonly jurorOf: Int32Array;
  readonly applicationOf: Int32Array;
  readonly score: Float64Array;
  /** Reviews per juror and per application. */
  readonly jurorReviews: Int32Array;
  readonly applicationReviews: Int32Array;
}

/** Messages for every pair scored twice and every score outside the scale (at most `limit`). */
export function checkScores(input: CalibrationInput, limit = 20): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  input.scores.forEach(({ juror, application, score }, i) => {
    const key = `${juror}\u0000${application}`;
    if (seen.has(key)) errors.push(`scores[${i}]: juror ${juror} scores application ${application} twice`);
    seen.add(key);
    if (score < input.scale.min || score > input.scale.max)
      errors.push(`scores[${i}]: score ${score} is outside the scale ${input.scale.min}–${input.scale.max}`);
  });
  return errors.slice(0, limit);
}

export function toScoreTable(scores: CalibrationInput['scores']): ScoreTable {
  const jurors = new Map<string, number>();
  const applications = new Map<string, number>();
  const index = (map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) map.set(key, (i = map.size));
    return i;
  };
  const jurorOf = Int32Array.from(scores, (s) => index(jurors, s.juror));
  const applicationOf = Int32Array.from(scores, (s) => index(applications, s.application));
  const jurorReviews = new Int32Array(jurors.size);
  const applicationReviews = new Int32Array(applications.size);
  for (let r = 0; r < scores.length; r++) {
    jurorReviews[jurorOf[r]!]!++;
    applicationReviews[applicationOf[r]!]!++;
  }
  return {
    jurorIds: [...jurors.keys()],
    applicationIds: [...applications.keys()],
    jurorOf,
    applicationOf,
    score: Float64Array.from(scores, (s) => s.score),
    jurorReviews,
    applicationReviews,
  };
}
