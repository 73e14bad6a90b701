// Calibration as the jury sees it: per application the raw mean and the calibrated estimate, per
// juror the offset, and warnings where the numbers deserve caution. It informs the deliberation;
// it never replaces the scores the jurors gave.
import { estimateQualities } from './estimate.ts';
import { toScoreTable, type CalibrationInput, type ScoreTable } from './input.ts';
import { applicationMeans } from './offsetModel.ts';

export type CalibrationWarning =
  | {
      readonly code: 'not-connected';
      readonly message: string;
      readonly components: readonly { readonly jurors: readonly string[]; readonly applications: readonly string[] }[];
    }
  | { readonly code: 'few-evaluations'; readonly message: string; readonly juror: string; readonly reviews: number }
  | { readonly code: 'offsets-not-identifiable'; readonly message: string };

export interface CalibrationOutput {
  /** In order of first appearance in the scores. */
  readonly applications: readonly {
    readonly id: string;
    readonly raw: number;
    readonly calibrated: number;
    readonly reviews: number;
  }[];
  readonly jurors: readonly { readonly id: string; readonly offset: number; readonly reviews: number }[];
  readonly connected: boolean;
  readonly warnings: readonly CalibrationWarning[];
}

export interface CalibrationOptions {
  /** Below this many evaluations a juror's offset is flagged as uncertain. Default 3. */
  readonly minEvaluations?: number;
}

export function calibrate(input: CalibrationInput, options: CalibrationOptions = {}): CalibrationOutput {
  const table = toScoreTable(input.scores);
  const { quality, offset, shrinkage, parts } = estimateQualities(table);
  const raw = applicationMeans(table);
  const clamp = (value: number) => Math.min(input.scale.max, Math.max(input.scale.min, value));
  const warnings: CalibrationWarning[] = [];
  if (parts.count > 1) warnings.push(notConnected(table, parts.count, parts.ofJuror, parts.ofApplication));
  const minimum = options.minEvaluations ?? 3;
  table.jurorIds.forEach((id, j) => {
    const reviews = table.jurorReviews[j]!;
    if (reviews < minimum) {
      warnings.push({
        code: 'few-evaluations',
        juror: id,
        reviews,
        message: `juror ${id} has only ${reviews} evaluation${reviews === 1 ? '' : 's'}: its offset is uncertain and was shrunk towards 0`,
      });
    }
  });
  if (!shrinkage.identifiable) {
    warnings.push({
      code: 'offsets-not-identifiable',
      message:
        'too few applications reviewed by several jurors to tell juror offsets from noise: calibrated scores equal the raw means',
    });
  }
  return {
    applications: table.applicationIds.map((id, a) => ({
      id,
      raw: round(raw[a]!),
      calibrated: round(clamp(quality[a]!)),
      reviews: table.applicationReviews[a]!,
    })),
    jurors: table.jurorIds.map((id, j) => ({ id, offset: round(offset[j]!), reviews: table.jurorReviews[j]! })),
    connected: parts.count <= 1,
    warnings,
  };
}

function notConnected(
  table: ScoreTable,
  count: number,
  ofJuror: Int32Array,
  ofApplication: Int32Array,
): CalibrationWarning {
  const groups = Array.from({ length: count }, () => ({ jurors: [] as string[], applications: [] as string[] }));
  table.jurorIds.forEach((id, j) => groups[ofJuror[j]!]!.jurors.push(id));
  table.applicationIds.forEach((id, a) => groups[ofApplication[a]!]!.applications.push(id));
  const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
  const described = groups.map(
    (g, i) =>
      `group ${i + 1}: ${plural(g.jurors.length, 'juror')} ${g.jurors.join(', ')} with ${g.applications.length} ${plural(g.applications.length, 'application')}`,
  );
  return {
    code: 'not-connected',
    components: groups,
    message: `jurors and applications form ${count} groups with no application in common; offsets and calibrated scores are comparable only within a group (${described.join('; ')})`,
  };
}

/** 3 decimals: finer than any jury reads, coarse enough to hide floating-point noise. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000 + 0;
}
