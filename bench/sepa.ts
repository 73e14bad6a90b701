// SEPA credit transfer file benchmark: `node --import tsx bench/sepa.ts`.
// Writes pain.001.001.09 files of 1,000, 5,000 and 20,000 payments with src/domain/sepa/pain001.ts the way a
// route streams one: chunk by chunk into a sink that keeps only the byte count (a response socket or a file).
// Goal (issue 11): 5,000 payments well under 1 s, memory flat as the batch grows.
// For each size: 1 warm-up, then 5 timed runs (median and slowest); the heap the writer adds on top of its input
// (the payments, built and measured beforehand), sampled every 100 chunks and after the last: garbage included
// (bounded by V8's young generation), and alive after a full GC (what the writer holds); for contrast the same
// file joined into one string, whose memory grows with the file; and the time libxml2-wasm takes to
// validate the file against the EPC schema (what the tests do). Peak RSS is sampled by a worker thread.
// Writes bench/results/sepa.json. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { creditTransferXml, writeCreditTransfers, type CreditTransfer } from '../src/domain/sepa/pain001.ts';
import { sampleBatch, samplePayments } from '../src/domain/sepa/testing.ts';
import { validatePain001 } from '../src/platform/sepa/validateXsd.ts';
import { fullGc, mb, MemorySampler, percentile, round1 } from './lib/measure.ts';

const SIZES = [1_000, 5_000, 20_000];
const RUNS = 5;
const SAMPLE_EVERY = 100;

/**
 * Streams the file into a byte counter; returns the bytes and the highest heap seen above `base`, garbage
 * included, or, with `collect`, what is still alive after a full GC at each sample (what the writer holds).
 */
function stream(payments: CreditTransfer[], base: number, collect = false): { bytes: number; extraHeap: number } {
  let bytes = 0;
  let peak = 0;
  let n = 0;
  const sample = () => {
    if (collect) fullGc();
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  for (const chunk of writeCreditTransfers(sampleBatch(), payments)) {
    bytes += Buffer.byteLength(chunk);
    if (++n % (collect ? 10 * SAMPLE_EVERY : SAMPLE_EVERY) === 0) sample();
  }
  sample();
  return { bytes, extraHeap: peak };
}

function heapNow(): number {
  fullGc();
  return process.memoryUsage().heapUsed;
}

async function run(count: number) {
  const empty = heapNow();
  const payments = samplePayments(count);
  const base = heapNow();
  const inputMb = mb(base - empty);

  stream(payments, base); // warm-up: the first run also compiles the writer
  const times: number[] = [];
  let extraHeap = 0;
  let bytes = 0;
  const sampler = await new MemorySampler().start();
  for (let i = 0; i < RUNS; i++) {
    fullGc();
    const t = performance.now();
    const r = stream(payments, base);
    times.push(performance.now() - t);
    extraHeap = Math.max(extraHeap, r.extraHeap);
    bytes = r.bytes;
  }
  const { peakRssMb } = await sampler.stop();
  const retained = stream(payments, base, true).extraHeap;

  fullGc();
  const joinedAt = performance.now();
  const xml = creditTransferXml(sampleBatch(), payments);
  const joinedMs = performance.now() - joinedAt;
  fullGc();
  const joinedRetainedMb = mb(process.memoryUsage().heapUsed - base);

  const validatedAt = performance.now();
  const problems = validatePain001(xml);
  const validateMs = performance.now() - validatedAt;
  if (problems.length > 0) throw new Error(`invalid file: ${problems[0]?.message}`);

  return {
    payments: count,
    medianMs: round1(percentile(times, 0.5)),
    slowestMs: round1(Math.max(...times)),
    fileMb: mb(bytes),
    inputMb,
    streamedPeakHeapMb: mb(extraHeap),
    streamedRetainedMb: mb(retained),
    joinedMs: round1(joinedMs),
    joinedRetainedMb,
    peakRssMb,
    validateMs: round1(validateMs),
  };
}

const results = [];
for (const n of SIZES) results.push(await run(n));

console.log(
  'payments  median ms  slowest ms  file MB  input MB  stream peak +heap MB  stream live MB  joined ms  joined live MB  peak RSS MB  XSD ms',
);
for (const r of results)
  console.log(
    [
      String(r.payments).padEnd(10),
      String(r.medianMs).padEnd(11),
      String(r.slowestMs).padEnd(12),
      String(r.fileMb).padEnd(9),
      String(r.inputMb).padEnd(10),
      String(r.streamedPeakHeapMb).padEnd(22),
      String(r.streamedRetainedMb).padEnd(16),
      String(r.joinedMs).padEnd(11),
      String(r.joinedRetainedMb).padEnd(16),
      String(r.peakRssMb).padEnd(13),
      r.validateMs,
    ].join(''),
  );
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results/sepa.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2),
);
console.log('Written to bench/results/sepa.json');
