// Juror-assignment benchmark: `node --import tsx bench/assignment.ts`.
// 1. Seeded instances 1,000 × 100 and 300 × 30 (k = 3, capacity 35, 2 % conflicts, uniform
//    affinities): time of the certified optimum (the first solve, then the median of three),
//    objective, bound, and the greedy fallback's objective as a share of the optimum.
//    Goal: 1,000 × 100 certified in ≤ 1 s.
// 2. Growing sizes up to 5,000 × 2,800 with a 30 s limit each, capacity ⌈1.2 × 3 × A / J⌉ (the
//    1,000 × 100 case gives 36 ≈ 35; a fixed 35 would leave 2,800 jurors nearly idle and make the
//    large cases trivial). The model starts from the best `candidatesPerApplication` jurors of
//    each application; pricing adds any other pair that could improve, so the optimum is still
//    certified over all pairs. Stops at the first size not certified within 30 s.
// 3. A binding affinity floor (the MIP path), on purpose hard.
// Writes bench/results/assignment.json. Not a test: nothing here asserts a time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { defaultCandidates } from '../src/domain/assignment/candidates.ts';
import { assignmentValue, violations } from '../src/domain/assignment/evaluate.ts';
import { greedyAssignment } from '../src/domain/assignment/greedy.ts';
import { randomProblem, type RandomProblemShape } from '../src/domain/assignment/instances.ts';
import type { AssignmentProblem } from '../src/domain/assignment/problem.ts';
import { solveAssignmentWith, type AssignmentSolution } from '../src/domain/assignment/solve.ts';
import { mulberry32 } from '../src/domain/random.ts';
import { loadHighsSolver } from '../src/platform/solver/assignmentHighs.ts';

const loadStarted = performance.now();
const solver = await loadHighsSolver();
const loadMs = performance.now() - loadStarted;

const ms = (started: number) => Math.round((performance.now() - started) * 10) / 10;
const round = (value: number | null, digits = 3) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function measure(problem: AssignmentProblem, repeat: number, timeLimitSeconds = 30) {
  const times: number[] = [];
  let solution: AssignmentSolution | null = null;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    solution = solveAssignmentWith(solver, problem, { timeLimitSeconds });
    times.push(ms(started));
  }
  const greedyStarted = performance.now();
  const greedy = greedyAssignment(problem);
  const greedyMs = ms(greedyStarted);
  const s = solution!;
  const greedyValue = violations(problem, greedy).length ? null : assignmentValue(problem, greedy);
  return {
    status: s.status,
    firstMs: times[0]!,
    medianMs: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!,
    objective: round(s.objective),
    bound: round(s.bound),
    greedyObjective: round(greedyValue),
    greedyRatio: greedyValue !== null && s.objective ? round(greedyValue / s.objective, 5) : null,
    greedyMs,
    method: s.stats.method,
    candidatesPerApplication: s.stats.candidatesPerApplication,
    columns: s.stats.columns,
    pairs: s.stats.pairs,
    pricingRounds: s.stats.rounds,
    reason: s.reasons.join('; ') || null,
  };
}

const shape = (applications: number, jurors: number, capacity: number): RandomProblemShape => ({
  applications,
  jurors,
  k: 3,
  capacity,
  conflictRate: 0.02,
});

const fixed = [];
// 1,000 × 100 first: its first solve is the process's first, Wasm compilation included (cold).
for (const [applications, jurors] of [
  [1000, 100],
  [300, 30],
] as const) {
  const problem = randomProblem(mulberry32(applications), shape(applications, jurors, 35));
  fixed.push({ applications, jurors, capacity: 35, ...measure(problem, 3) });
}

const growth = [];
for (const [applications, jurors] of [
  [1000, 100],
  [2000, 300],
  [3000, 800],
  [4000, 1500],
  [5000, 2800],
] as const) {
  const capacity = Math.ceil((1.2 * 3 * applications) / jurors);
  const generated = performance.now();
  const problem = randomProblem(mulberry32(applications + jurors), shape(applications, jurors, capacity));
  const generateMs = ms(generated);
  const row = {
    applications,
    jurors,
    capacity,
    generateMs,
    defaultCandidates: defaultCandidates(problem),
    ...measure(problem, 1, 30),
  };
  growth.push(row);
  console.error(`  ${applications} × ${jurors}: ${row.status} in ${row.firstMs} ms`);
  if (row.status !== 'optimal' || row.firstMs > 30_000) break;
}

// 3. The affinity floor (the MIP path). Uniform affinities almost never make it bind, so here
// affinities are 70 % juror popularity + 30 % noise (everyone wants the same jurors), capacity is
// exactly ⌈3A/J⌉, and the floor is the affinity of the 20th-percentile application in the optimum
// without a floor: a hard case by design.
const floors = [];
for (const [applications, jurors] of [
  [300, 30],
  [1000, 100],
] as const) {
  const random = mulberry32(3);
  const problem = randomProblem(random, shape(applications, jurors, Math.ceil((3 * applications) / jurors)));
  const popularity = Array.from({ length: jurors }, () => random());
  problem.affinity.forEach((value, p) => (problem.affinity[p] = 0.3 * value + 0.7 * popularity[p % jurors]!));
  const free = solveAssignmentWith(solver, problem);
  const sums = free
    .assignment!.map((js, a) => js.reduce((sum, j) => sum + problem.affinity[a * jurors + j]!, 0))
    .sort((x, y) => x - y);
  const floor = sums[Math.floor(0.2 * applications)]!;
  const row = {
    applications,
    jurors,
    floor: round(floor, 4),
    objectiveWithoutFloor: round(free.objective),
    ...measure({ ...problem, floor }, 1, 30),
  };
  floors.push(row);
  console.error(`  floor ${applications} × ${jurors}: ${row.status} in ${row.firstMs} ms`);
}

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const row of [header, ...rows]) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
}

console.log(`HiGHS compiled and loaded in ${Math.round(loadMs)} ms (once per process, not counted below)`);
printTable(
  'Spec instances (k = 3, capacity 35, 2 % conflicts); first solve (1,000 × 100: the first in the process, cold) / median of 3',
  [
    'size',
    'status',
    'first ms',
    'median ms',
    'objective',
    'bound',
    'greedy',
    'greedy/opt',
    'greedy ms',
    'columns/pairs',
    'rounds',
  ],
  fixed.map((r) => [
    `${r.applications} × ${r.jurors}`,
    r.status,
    String(r.firstMs),
    String(r.medianMs),
    String(r.objective),
    String(r.bound),
    String(r.greedyObjective),
    String(r.greedyRatio),
    String(r.greedyMs),
    `${r.columns}/${r.pairs}`,
    String(r.pricingRounds),
  ]),
);
printTable(
  'Growing sizes (k = 3, capacity ⌈1.2·3·A/J⌉, 2 % conflicts, 30 s limit, shortlist + pricing)',
  [
    'size',
    'capacity',
    'status',
    'solve ms',
    'objective',
    'bound',
    'greedy/opt',
    'shortlist',
    'columns/pairs',
    'rounds',
  ],
  growth.map((r) => [
    `${r.applications} × ${r.jurors}`,
    String(r.capacity),
    r.status,
    String(r.firstMs),
    String(r.objective),
    String(r.bound),
    String(r.greedyRatio),
    String(r.candidatesPerApplication),
    `${r.columns}/${r.pairs}`,
    String(r.pricingRounds),
  ]),
);
printTable(
  'Affinity floor binding for 20 % of applications (correlated affinities, tight capacity, 30 s limit)',
  ['size', 'floor', 'status', 'ms', 'objective', 'bound', 'gap', 'without floor', 'method', 'columns/pairs'],
  floors.map((r) => [
    `${r.applications} × ${r.jurors}`,
    String(r.floor),
    r.status,
    String(r.firstMs),
    String(r.objective),
    String(r.bound),
    r.objective !== null && r.bound !== null ? `${((100 * (r.bound - r.objective)) / r.bound).toFixed(3)}%` : '—',
    String(r.objectiveWithoutFloor),
    r.method,
    `${r.columns}/${r.pairs}`,
  ]),
);
const largest = growth.filter((r) => r.status === 'optimal' && r.firstMs <= 30_000).at(-1);
console.log(
  `\nLargest certified within 30 s: ${largest ? `${largest.applications} × ${largest.jurors} (${largest.firstMs} ms)` : 'none'}`,
);
const goal = fixed.find((r) => r.applications === 1000)!;
console.log(
  `Goal 1,000 × 100 certified in ≤ 1 s: ${goal.status === 'optimal' && goal.firstMs <= 1000 ? 'met' : 'NOT met'} (cold first solve ${goal.firstMs} ms, then median ${goal.medianMs} ms)`,
);

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/assignment.json',
  JSON.stringify(
    {
      benchmark: 'assignment',
      node: process.version,
      ranAt: new Date().toISOString(),
      highsLoadMs: Math.round(loadMs),
      fixed,
      growth,
      largestCertifiedWithin30s: largest ?? null,
      floors,
    },
    null,
    2,
  ) + '\n',
);
console.log('Written to bench/results/assignment.json');
