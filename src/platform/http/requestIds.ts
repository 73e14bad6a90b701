import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Bindings, ChildLoggerOptions, Logger } from 'pino';
import { requestScope } from '../logger.ts';

/** What an incoming X-Request-Id may look like to be kept: a proxy's id, not arbitrary text for the logs. */
const FORWARDED_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * Each request's id: the proxy's `X-Request-Id` when Octroi is told to trust its proxy (so one id
 * follows the request through both logs), otherwise a fresh UUID — a client cannot choose the id
 * that its requests are logged under.
 */
export function requestIdGenerator(trustProxy: boolean): (req: IncomingMessage) => string {
  return (req) => {
    const forwarded = req.headers['x-request-id'];
    return trustProxy && typeof forwarded === 'string' && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
  };
}

/**
 * Echoes the id in the response and runs the request inside the log scope, so that a line logged
 * by a service or the mail outbox during the request carries it too. The scope is entered again
 * after the body is read: body parsing runs in the socket's context, not the request's.
 */
export function registerRequestIds(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    requestScope.run(request.id, done);
  });
  app.addHook('preValidation', (request, _reply, done) => requestScope.run(request.id, done));
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Fastify's `childLoggerFactory`: each request's logger, with its reqId bound, made when the request
 * first logs at a level that is written. Most requests log nothing, and the pino child Fastify makes
 * for each (its bindings serialised through the redaction) was a visible share of a cached page's CPU.
 */
export function lazyRequestLogger(
  parent: FastifyBaseLogger,
  bindings: Bindings,
  opts: ChildLoggerOptions,
): FastifyBaseLogger {
  // A route's own level or serializers (what Fastify passes here; Octroi declares none today): made at once.
  if (opts.level !== undefined || opts.serializers !== undefined) return parent.child(bindings, opts);
  return new LazyLogger(parent as Logger, bindings) as unknown as FastifyBaseLogger;
}

class LazyLogger {
  readonly #parent: Logger;
  readonly #bindings: Bindings;
  #child: FastifyBaseLogger | undefined;
  constructor(parent: Logger, bindings: Bindings) {
    this.#parent = parent;
    this.#bindings = bindings;
  }
  get level(): string {
    return (this.#child ?? this.#parent).level;
  }
  set level(level: string) {
    this.#made().level = level;
  }
  child(bindings: Bindings, opts?: ChildLoggerOptions): FastifyBaseLogger {
    return this.#made().child(bindings, opts);
  }
  fatal(...args: unknown[]) {
    this.#log('fatal', args);
  }
  error(...args: unknown[]) {
    this.#log('error', args);
  }
  warn(...args: unknown[]) {
    this.#log('warn', args);
  }
  info(...args: unknown[]) {
    this.#log('info', args);
  }
  debug(...args: unknown[]) {
    this.#log('debug', args);
  }
  trace(...args: unknown[]) {
    this.#log('trace', args);
  }
  silent() {}
  #log(level: Level, args: unknown[]) {
    if (!this.#child && !this.#parent.isLevelEnabled(level)) return;
    (this.#made()[level] as (...a: unknown[]) => void)(...args);
  }
  #made(): FastifyBaseLogger {
    return (this.#child ??= this.#parent.child(this.#bindings));
  }
}
