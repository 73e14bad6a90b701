// Load from outside the server under test: autocannon (the Node load generator), and Octroi or a
// bare Fastify started as child processes on loopback, as in production, so that the server has a
// process (and a core) of its own and the load generator does not share its event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { round1 } from './measure.ts';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; p90: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;

// autocannon ships CommonJS without type declarations: its promise API, typed as used here.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadFigures {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  bytesPerResponse: number;
  errors: number;
  non2xx: number;
  /** The machine's 1-minute load average when the run ended (2 cores here, shared). */
  load1: number;
}

/** `connections` clients asking for `url` as fast as answered, for `seconds`. */
export async function hammer(
  url: string,
  opts: { connections: number; seconds: number; headers?: Record<string, string> },
): Promise<LoadFigures> {
  const r = await autocannon({
    url,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.headers ? { headers: opts.headers } : {}),
  });
  return {
    reqPerSec: round1(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    bytesPerResponse: r.requests.average ? Math.round(r.throughput.average / r.requests.average) : 0,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    load1: round1(loadavg()[0]!),
  };
}

export interface Server {
  url: string;
  child: ChildProcess;
  /** Milliseconds from launch to the first answer on `/`. */
  readyMs: number;
  stop(): Promise<void>;
}

/**
 * Starts `args` with node and waits until its stdout says `running at <url>` and `/` answers 200.
 * The child is stopped with SIGTERM (SIGKILL after 10 s).
 */
export async function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { timeoutMs?: number } = {},
): Promise<Server> {
  const began = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    for (;;) {
      const url = /running at (http:\/\/[\w.:[\]]+)/.exec(out)?.[1];
      if (
        url &&
        (await fetch(url)
          .then((r) => r.status === 200)
          .catch(() => false))
      )
        return { url, child, readyMs: round1(performance.now() - began), stop };
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}: ${out}`);
      if (performance.now() - began > (opts.timeoutMs ?? 600_000)) throw new Error(`not answering: ${out}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The same 12 KB page from a bare Fastify route: the ceiling of this machine's HTTP in the same run. */
export const BARE_SERVER = `
import Fastify from 'fastify';
const page = '<!doctype html><html lang="en"><head><title>bare</title></head><body>' + '<p>lorem ipsum dolor sit amet</p>'.repeat(363) + '</body></html>';
const app = Fastify();
app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log('running at ' + url + ' (' + Buffer.byteLength(page) + ' bytes)');
`;

export const startBareServer = () =>
  startServer(['--input-type=module', '-e', BARE_SERVER], { ...process.env, NODE_ENV: 'production' });
