import { tokenRoute } from './routePolicy.ts';
import { timingSafeEqual } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.ts';
import { outboxBacklog } from '../mail/outbox.ts';
import { solverRuns, type SolverRun } from '../solver/solverRuns.ts';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SOLVE_BUCKETS = [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120];

/**
 * May this request read /metrics? With METRICS_TOKEN, whoever presents it as a bearer token; without,
 * only a client on this machine, talking to Octroi directly: a request that came through a proxy
 * (it carries X-Forwarded-For) is never taken for a local one, even when the proxy runs here.
 */
export function mayReadMetrics(
  request: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string | undefined } },
  token: string | undefined,
): boolean {
  if (token) {
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  return loopback && request.headers['x-forwarded-for'] === undefined;
}

/** The figures an instance keeps, and how a request and a solver run are counted in them. */
export interface Metrics {
  registry: Registry;
  /** An answered request, by its method, route pattern (never the raw URL) and status, with the seconds it took. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeSolve(run: SolverRun): void;
}

/**
 * Requests and their latency per route pattern (never the raw URL, so no identifier becomes a label)
 * and status class, the mail outbox's backlog, solver runs and their duration, and the process's own
 * figures (memory, CPU, event-loop lag, GC).
 */
export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'octroi_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status_class'],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const solves = new Histogram({
    name: 'octroi_solver_duration_seconds',
    help: 'Time of one solver run, by solver (selection, assignment) and outcome.',
    labelNames: ['solver', 'outcome'],
    buckets: SOLVE_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'octroi_mail_outbox',
    help: 'Mails in the outbox by state: pending (waiting to be sent) or failed (given up).',
    labelNames: ['state'],
    registers: [registry],
    // Read from the database when scraped (so every instance reports the shared outbox as it is),
    // here for both gauges: this one is registered, hence collected, first.
    async collect() {
      const figures = await outboxBacklog(db);
      this.set({ state: 'pending' }, figures.pending);
      this.set({ state: 'failed' }, figures.failed);
      oldest.set(figures.oldestPendingSeconds);
    },
  });
  const oldest = new Gauge({
    name: 'octroi_mail_outbox_oldest_pending_seconds',
    help: 'Age of the oldest mail waiting to be sent (0 when none waits).',
    registers: [registry],
  });
  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.observe({ method, route, status_class: `${Math.floor(status / 100)}xx` }, seconds);
    },
    observeSolve(run) {
      solves.observe({ solver: run.solver, outcome: run.outcome }, run.seconds);
    },
  };
}

/** Counts what Fastify answers and solver runs in `metrics`, and serves them: GET /metrics in Prometheus' text format. */
export function registerMetrics(app: FastifyInstance, metrics: Metrics, opts: { token: string | undefined }): void {
  const onSolve = (message: unknown) => metrics.observeSolve(message as SolverRun);
  subscribe(solverRuns.name, onSolve);
  app.addHook('onClose', async () => {
    unsubscribe(solverRuns.name, onSolve);
  });

  // A callback, not an async hook: every response goes through it, a promise each is not worth it.
  app.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });

  // Loopback or METRICS_TOKEN only: the figures tell an outsider how the service is used.
  app.get('/metrics', tokenRoute('metrics'), async (request, reply) => {
    if (!mayReadMetrics(request.raw, opts.token)) return reply.code(403).send('metrics are not public\n');
    return reply
      .header('content-type', metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.registry.metrics());
  });
}
