// Calibration benchmark: `node --import tsx bench/calibration.ts`.
// Simulated juries (120 applications, 15 jurors, k = 3, true quality sd 2, noise sd 1.5, scale
// 0–20) with juror offsets of sd 0, 1.5 and 3, 20 seeds each: Kendall's τ between the true
// quality and (a) the raw mean, (b) the mean of per-juror z-scores, (c) the offset model. Then the
// time of a full `calibrate` (shrinkage estimate included) for 300 applications, and for larger
// juries to show how it grows. Writes bench/results/calibration.json. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rawMeans, zScoreMeans } from '../src/domain/calibration/baselines.ts';
import { calibrate } from '../src/domain/calibration/calibrate.ts';
import { estimateQualities } from '../src/domain/calibration/estimate.ts';
import { toScoreTable } from '../src/domain/calibration/input.ts';
import { kendallTau } from '../src/domain/calibration/kendall.ts';
import { simulateJury, type JuryShape } from '../src/domain/calibration/simulate.ts';
import { mulberry32 } from '../src/domain/random.ts';

const SEEDS = 20;
const base = { applications: 120, jurors: 15, k: 3, qualitySd: 2, noiseSd: 1.5 };
const r3 = (value: number) => Math.round(value * 1000) / 1000;

const accuracy = [0, 1.5, 3].map((offsetSd) => {
  const tau = { raw: [] as number[], zScore: [] as number[], offsetModel: [] as number[] };
  const lambdas: number[] = [];
  for (let seed = 1; seed <= SEEDS; seed++) {
    const jury = simulateJury(mulberry32(seed), { ...base, offsetSd });
    const table = toScoreTable(jury.input.scores);
    const truth = table.applicationIds.map((id) => jury.trueQuality.get(id)!);
    const estimate = estimateQualities(table);
    tau.raw.push(kendallTau(rawMeans(table), truth));
    tau.zScore.push(kendallTau(zScoreMeans(table), truth));
    tau.offsetModel.push(kendallTau(estimate.quality, truth));
    lambdas.push(estimate.shrinkage.lambda);
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    offsetSd,
    raw: { mean: r3(mean(tau.raw)), sd: r3(sd(tau.raw)) },
    zScore: { mean: r3(mean(tau.zScore)), sd: r3(sd(tau.zScore)) },
    offsetModel: { mean: r3(mean(tau.offsetModel)), sd: r3(sd(tau.offsetModel)) },
    // Paired over the same seeds: the difference is much less noisy than either τ.
    modelMinusRaw: r3(mean(tau.offsetModel.map((t, i) => t - tau.raw[i]!))),
    // Seeds where the model ranks better / the same / worse than the raw mean.
    versusRaw: {
      better: tau.offsetModel.filter((t, i) => t > tau.raw[i]! + 1e-9).length,
      same: tau.offsetModel.filter((t, i) => Math.abs(t - tau.raw[i]!) <= 1e-9).length,
      worse: tau.offsetModel.filter((t, i) => t < tau.raw[i]! - 1e-9).length,
    },
    medianLambda: r3(median(lambdas)),
  };
});

function timeCalibration(shape: JuryShape, repeat = 5) {
  const jury = simulateJury(mulberry32(1), shape);
  calibrate(jury.input); // warm-up: the first call also compiles the code
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    calibrate(jury.input);
    times.push(performance.now() - started);
  }
  return {
    applications: shape.applications,
    jurors: shape.jurors,
    reviews: jury.input.scores.length,
    medianMs: r3([...times].sort((a, b) => a - b)[Math.floor(repeat / 2)]!),
  };
}
const timing = [
  timeCalibration({ ...base, applications: 300, jurors: 30, offsetSd: 1.5 }),
  timeCalibration({ ...base, applications: 1000, jurors: 100, offsetSd: 1.5 }),
  timeCalibration({ ...base, applications: 5000, jurors: 600, offsetSd: 1.5 }, 3),
];

function printTable(title: string, rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}
const cell = (t: { mean: number; sd: number }) => `${t.mean.toFixed(3)} ± ${t.sd.toFixed(3)}`;
printTable(
  `Kendall τ against true quality (mean ± sd over ${SEEDS} seeds; 120 applications, 15 jurors, k = 3, noise sd 1.5, quality sd 2)`,
  [
    ['offset sd', 'raw mean', 'z-score', 'offset model', 'model − raw', 'seeds better/same/worse', 'median λ'],
    ...accuracy.map((a) => [
      String(a.offsetSd),
      cell(a.raw),
      cell(a.zScore),
      cell(a.offsetModel),
      (a.modelMinusRaw >= 0 ? '+' : '') + a.modelMinusRaw.toFixed(3),
      `${a.versusRaw.better}/${a.versusRaw.same}/${a.versusRaw.worse}`,
      String(a.medianLambda),
    ]),
  ],
);
printTable('Time of a full calibration (median; includes the shrinkage estimate)', [
  ['applications', 'jurors', 'reviews', 'ms'],
  ...timing.map((t) => [String(t.applications), String(t.jurors), String(t.reviews), String(t.medianMs)]),
]);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/calibration.json',
  JSON.stringify(
    {
      benchmark: 'calibration',
      node: process.version,
      ranAt: new Date().toISOString(),
      seeds: SEEDS,
      shape: base,
      accuracy,
      timing,
    },
    null,
    2,
  ) + '\n',
);
console.log('\nWritten to bench/results/calibration.json');
