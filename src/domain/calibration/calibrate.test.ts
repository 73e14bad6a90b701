import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../random.ts';
import { rawMeans } from './baselines.ts';
import { calibrate } from './calibrate.ts';
import { estimateQualities } from './estimate.ts';
import { checkScores, toScoreTable, type CalibrationInput } from './input.ts';
import { kendallTau } from './kendall.ts';
import { simulateJury } from './simulate.ts';

const shape = { applications: 120, jurors: 15, k: 3, qualitySd: 2, noiseSd: 1.5 };

/** Mean τ against the true quality over seeds, for the raw mean and the calibrated estimate. */
function meanTau(offsetSd: number, seeds: number) {
  let raw = 0;
  let calibrated = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const jury = simulateJury(mulberry32(seed), { ...shape, offsetSd });
    const table = toScoreTable(jury.input.scores);
    const truth = table.applicationIds.map((id) => jury.trueQuality.get(id)!);
    raw += kendallTau(rawMeans(table), truth) / seeds;
    calibrated += kendallTau(estimateQualities(table).quality, truth) / seeds;
  }
  return { raw, calibrated };
}

const score = (juror: string, application: string, value: number) => ({ juror, application, score: value });

describe('calibration of juror offsets', () => {
  test('with strong offsets (sd 3) the calibrated ranking is clearly closer to the truth', () => {
    const { raw, calibrated } = meanTau(3, 10);
    assert.ok(calibrated - raw > 0.1, `τ raw ${raw.toFixed(3)}, calibrated ${calibrated.toFixed(3)}`);
  });

  test('without offsets the calibrated ranking is no worse than the raw mean', () => {
    const { raw, calibrated } = meanTau(0, 10);
    assert.ok(calibrated >= raw - 0.02, `τ raw ${raw.toFixed(3)}, calibrated ${calibrated.toFixed(3)}`);
  });

  test('noise-free scores give back the offsets exactly, in the review-weighted gauge', () => {
    // Quality A1 12, A2 8, A3 15; offsets J1 +2, J2 −1, J3 0 before the gauge.
    const truth = { A1: 12, A2: 8, A3: 15 } as const;
    const bias = { J1: 2, J2: -1, J3: 0 } as const;
    const pairs: [keyof typeof bias, keyof typeof truth][] = [
      ['J1', 'A1'],
      ['J2', 'A1'],
      ['J2', 'A2'],
      ['J3', 'A2'],
      ['J3', 'A3'],
      ['J1', 'A3'],
      ['J1', 'A2'],
    ];
    const input: CalibrationInput = {
      scores: pairs.map(([j, a]) => score(j, a, truth[a] + bias[j])),
      scale: { min: 0, max: 20 },
    };
    const output = calibrate(input, { minEvaluations: 1 });
    // Weighted gauge: reviews 3, 2, 2 → mean offset (3×2 − 2 + 0) / 7 = 4/7 is removed.
    const shift = 4 / 7;
    const offsets = Object.fromEntries(output.jurors.map((j) => [j.id, j.offset]));
    assert.deepEqual(offsets, { J1: round(2 - shift), J2: round(-1 - shift), J3: round(0 - shift) });
    const calibrated = Object.fromEntries(output.applications.map((a) => [a.id, a.calibrated]));
    assert.deepEqual(calibrated, { A1: round(12 + shift), A2: round(8 + shift), A3: round(15 + shift) });
    assert.ok(
      Math.abs(output.jurors.reduce((s, j) => s + j.reviews * j.offset, 0)) < 0.01,
      'zero up to the printed rounding',
    );
    assert.deepEqual(output.warnings, []);
    assert.equal(output.connected, true);
  });

  test('calibration moves applications relative to each other, not the whole call', () => {
    const jury = simulateJury(mulberry32(8), { ...shape, offsetSd: 3, scale: { min: -100, max: 100 } });
    const output = calibrate(jury.input);
    const meanOf = (key: 'raw' | 'calibrated') => output.applications.reduce((s, a) => s + a[key] * a.reviews, 0);
    assert.ok(Math.abs(meanOf('raw') - meanOf('calibrated')) < 0.01 * output.applications.length);
    assert.ok(Math.abs(output.jurors.reduce((s, j) => s + j.offset * j.reviews, 0)) < 0.01 * output.jurors.length);
  });

  test('calibrated scores stay on the scale', () => {
    const input: CalibrationInput = {
      scores: [
        score('J1', 'A1', 20),
        score('J2', 'A1', 20),
        score('J1', 'A2', 10),
        score('J2', 'A2', 2),
        score('J1', 'A3', 19),
        score('J2', 'A3', 5),
      ],
      scale: { min: 0, max: 20 },
    };
    for (const a of calibrate(input).applications)
      assert.ok(a.calibrated >= 0 && a.calibrated <= 20, `${a.id}: ${a.calibrated}`);
  });

  test('a jury split into groups with no application in common is flagged, groups listed', () => {
    const input: CalibrationInput = {
      scores: [
        score('J1', 'A1', 12),
        score('J2', 'A1', 14),
        score('J1', 'A2', 9),
        score('J2', 'A2', 11),
        score('J3', 'A3', 15),
        score('J4', 'A3', 13),
        score('J3', 'A4', 8),
        score('J4', 'A4', 10),
      ],
      scale: { min: 0, max: 20 },
    };
    const output = calibrate(input, { minEvaluations: 2 });
    assert.equal(output.connected, false);
    assert.deepEqual(output.warnings, [
      {
        code: 'not-connected',
        components: [
          { jurors: ['J1', 'J2'], applications: ['A1', 'A2'] },
          { jurors: ['J3', 'J4'], applications: ['A3', 'A4'] },
        ],
        message:
          'jurors and applications form 2 groups with no application in common; offsets and calibrated scores are comparable only within a group (group 1: jurors J1, J2 with 2 applications; group 2: jurors J3, J4 with 2 applications)',
      },
    ]);
    // Each group has its own zero: offsets sum to 0 within each.
    const offset = Object.fromEntries(output.jurors.map((j) => [j.id, j.offset]));
    assert.equal(offset.J1! + offset.J2!, 0);
    assert.equal(offset.J3! + offset.J4!, 0);
  });

  test('a juror with fewer than 3 evaluations is flagged', () => {
    const jury = simulateJury(mulberry32(2), { ...shape, applications: 30, offsetSd: 1 });
    const input = { ...jury.input, scores: [...jury.input.scores, score('J99', 'A1', 11), score('J99', 'A2', 13)] };
    const flagged = calibrate(input).warnings.filter((w) => w.code === 'few-evaluations');
    assert.deepEqual(flagged, [
      {
        code: 'few-evaluations',
        juror: 'J99',
        reviews: 2,
        message: 'juror J99 has only 2 evaluations: its offset is uncertain and was shrunk towards 0',
      },
    ]);
  });

  test('reviews that only just link the jurors cannot separate offsets from noise: said so, raw means kept', () => {
    // J1 and J2 share A1 only: their difference there is all the evidence, with no check against noise.
    const input: CalibrationInput = {
      scores: [score('J1', 'A1', 12), score('J2', 'A1', 14), score('J2', 'A2', 9)],
      scale: { min: 0, max: 20 },
    };
    const output = calibrate(input, { minEvaluations: 1 });
    assert.ok(output.warnings.some((w) => w.code === 'offsets-not-identifiable'));
    for (const a of output.applications) assert.equal(a.calibrated, a.raw);
  });

  test('the same scores give the same answer, in order of first appearance', () => {
    const jury = simulateJury(mulberry32(6), { ...shape, offsetSd: 2 });
    const first = calibrate(jury.input);
    assert.deepEqual(calibrate(jury.input), first);
    assert.deepEqual(
      first.applications.slice(0, 3).map((a) => a.id),
      ['A1', 'A2', 'A3'],
    );
    assert.equal(first.jurors[0]!.id, jury.input.scores[0]!.juror);
  });

  test('no scores: nothing to calibrate', () => {
    assert.deepEqual(calibrate({ scores: [], scale: { min: 0, max: 20 } }), {
      applications: [],
      jurors: [],
      connected: true,
      warnings: [],
    });
  });

  test('a pair scored twice or a score off the scale is refused', () => {
    const input: CalibrationInput = {
      scores: [score('J1', 'A1', 12), score('J1', 'A1', 13), score('J2', 'A1', 21)],
      scale: { min: 0, max: 20 },
    };
    assert.deepEqual(checkScores(input), [
      'scores[1]: juror J1 scores application A1 twice',
      'scores[2]: score 21 is outside the scale 0–20',
    ]);
  });
});

function round(value: number): number {
  return Math.round(value * 1000) / 1000 + 0;
}
