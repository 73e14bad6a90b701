// Measuring helpers for in-process HTTP benchmarks: latency statistics, memory (before, sampled
// peak, after, retained after a full GC), event-loop blocking, and a query recorder that wraps the
// database client to count and time the statements a request sends.
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../src/platform/db/client.ts';

const MB = 1024 * 1024;
export const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** A full, synchronous garbage collection: `--expose-gc` if given, else enabled at run time. */
export const fullGc: () => void = (() => {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** Linear-interpolation percentile (type 7, as numpy and R by default). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface MemorySnapshot {
  rssMb: number;
  heapUsedMb: number;
  /** Memory of ArrayBuffers and other C++ objects held from JavaScript (PGlite's WebAssembly memory is here). */
  externalMb: number;
}

export function snapshot(): MemorySnapshot {
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external) };
}

/**
 * Peak memory while running. RSS is process-wide, so a worker thread samples it every
 * `intervalMs` whatever the main thread is doing. The heap of the main thread can only be read
 * from the main thread: it is sampled by a timer (which only fires when the event loop turns — on
 * PGlite it never does during a request, see eventLoopMonitor) and at the points `sample()` is
 * called: when the response is handed to Fastify (onSend, when everything the handler built is
 * still in memory, garbage not yet collected included) and right after each response.
 */
export class MemorySampler {
  peakHeap = 0;
  heapSamples = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly worker = new Worker(RSS_WORKER, { eval: true });

  async start(intervalMs = 10): Promise<this> {
    this.worker.postMessage({ interval: intervalMs });
    await once(this.worker, 'message');
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.sample();
    return this;
  }

  sample(): void {
    const heap = process.memoryUsage().heapUsed;
    this.heapSamples++;
    if (heap > this.peakHeap) this.peakHeap = heap;
  }

  async stop(): Promise<{ peakRssMb: number; rssSamples: number; peakHeapUsedMb: number; heapSamples: number }> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    this.worker.postMessage('read');
    const [{ peak, n }] = (await once(this.worker, 'message')) as [{ peak: number; n: number }];
    await this.worker.terminate();
    return { peakRssMb: mb(peak), rssSamples: n, peakHeapUsedMb: mb(this.peakHeap), heapSamples: this.heapSamples };
  }
}

const RSS_WORKER = `
const { parentPort } = require('node:worker_threads');
let peak = 0, n = 0;
const tick = () => { const rss = process.memoryUsage.rss(); n++; if (rss > peak) peak = rss; };
parentPort.on('message', (m) => {
  if (m === 'read') { tick(); parentPort.postMessage({ peak, n }); return; }
  setInterval(tick, m.interval); tick(); parentPort.postMessage('started');
});
`;

/**
 * The longest stretch the event loop was blocked: what any other request would have waited. It
 * is measured by a timer, so the runs must give the loop a turn between them (the caller does).
 */
export function eventLoopMonitor() {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  return {
    stop() {
      h.disable();
      return { maxMs: round1(h.max / 1e6), p99Ms: round1(h.percentile(99) / 1e6), samples: h.count };
    },
  };
}

export interface RecordedQuery {
  text: string;
  params: unknown[];
  ms: number;
  rows: number;
  /** Length of the rows as JSON: a rough measure of what came over the wire. */
  jsonChars: number;
}

type Queryable = { query: (...args: unknown[]) => Promise<{ rows?: unknown[] }> };

/**
 * Wraps the driver client behind drizzle (`db.$client`: a pg Pool or a PGlite instance) to record
 * every statement, its time and its result size, until `stop()`. Diagnostics only: the recording
 * itself costs time, so timed runs never have it on.
 */
export function recordQueries(db: Database) {
  const client = (db as unknown as { $client: Queryable }).$client;
  const original = client.query;
  const queries: RecordedQuery[] = [];
  client.query = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const result = await original.apply(client, args);
    const ms = performance.now() - started;
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string }).text ?? '');
    const params = (Array.isArray(args[1]) ? args[1] : ((first as { values?: unknown[] }).values ?? [])) as unknown[];
    const rows = result.rows ?? [];
    queries.push({ text, params, ms, rows: rows.length, jsonChars: JSON.stringify(rows).length });
    return result;
  };
  return {
    queries,
    stop() {
      client.query = original;
      return queries;
    },
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a recorded statement, with its own parameters, as text lines. */
export async function explain(db: Database, q: RecordedQuery): Promise<string[]> {
  const client = (db as unknown as { $client: Queryable }).$client;
  const result = await client.query(`explain (analyze, buffers) ${q.text}`, q.params);
  return (result.rows ?? []).map((r) => String(Object.values(r as Record<string, unknown>)[0]));
}
