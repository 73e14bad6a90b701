// The fast lane of the published pages. A page that the cache holds is the same bytes for every
// anonymous visitor, yet answering it through Fastify costs its whole request cycle: the request and
// reply objects, a dozen hooks (each plugin's, for a request that has no body, no session, no route
// of its own to check), the headers set one by one. Measured under load, that cycle was a quarter of
// the server's CPU for such a page (26 µs a request, 19 µs through here). So the HTTP server first asks the cache: a page it holds is
// written at once, with the very headers Fastify would send (the security headers, the request id,
// the validators) and counted in the metrics under its route; anything else — a page not in memory,
// a signed-in visitor, a HEAD, a POST — goes on to Fastify, where the same cache serves it too.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import { parseCookie } from 'cookie';
import type { FastifyServerFactory } from 'fastify';
import {
  keyOf,
  notModified,
  servable,
  type CachedPage,
  type PublishedPagesCache,
  type Visit,
} from './publishedPages.ts';
import type { Metrics } from './metrics.ts';
import { visitorLocale } from './requestContext.ts';

interface FrontOptions {
  cache: PublishedPagesCache;
  /** The headers every response carries (`securityHeadersFor`). */
  securityHeaders: Readonly<Record<string, string>>;
  requestId: (req: IncomingMessage) => string;
  metrics: Metrics;
  /**
   * True once the server is closing: every request then goes to Fastify, which answers 503 and closes
   * the connection, where the front would keep a busy keep-alive connection, and the shutdown, waiting.
   */
  closing: () => boolean;
}

/** The headers of a page's two answers, made once per page: a flat list (name, value, …), its request id's slot left empty. */
interface Heads {
  full: string[];
  notModified: string[];
}

const ID_SLOT = 1;

/** Answers `req` from the cache if it can, and says whether it did. */
export function publishedFront(opts: FrontOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const heads = new WeakMap<CachedPage, Heads>();
  const headsOf = (page: CachedPage): Heads => {
    let made = heads.get(page);
    if (!made) {
      const common = ['x-request-id', '', ...flat(opts.securityHeaders), ...flat(page.validators)];
      made = {
        full: [...common, ...flat(page.headers), 'content-length', String(page.body.length)],
        notModified: common,
      };
      heads.set(page, made);
    }
    return made;
  };

  return (req, res) => {
    if (req.method !== 'GET' || opts.closing()) return false;
    const began = performance.now();
    // The cookie parser @fastify/cookie uses, so that both lanes read the same cookies.
    const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
    const visit: Visit = {
      method: req.method,
      url: req.url ?? '/',
      locale: visitorLocale(cookies, req.headers['accept-language']),
      cookies,
      headers: req.headers,
    };
    if (!servable(visit)) return false;
    const page = opts.cache.get(keyOf(visit), Date.now());
    if (!page) return false;
    const fresh = notModified(visit, page);
    const head = (fresh ? headsOf(page).notModified : headsOf(page).full).slice();
    head[ID_SLOT] = opts.requestId(req);
    res.writeHead(fresh ? 304 : page.status, head);
    res.end(fresh ? undefined : page.body);
    opts.metrics.observeRequest('GET', page.route, fresh ? 304 : page.status, (performance.now() - began) / 1000);
    return true;
  };
}

const flat = (headers: Readonly<Record<string, string>>): string[] => Object.entries(headers).flat();

/** What Fastify sets on the server it makes, from its options (their defaults filled in). */
interface ServerTimeouts {
  keepAliveTimeout?: number;
  requestTimeout?: number;
  connectionTimeout?: number;
  maxRequestsPerSocket?: number;
}

/**
 * Fastify's server factory: Node's HTTP server as Fastify makes it (the same timeouts), each request
 * offered to `front` before Fastify's handler.
 */
export function serverWithFront(front: (req: IncomingMessage, res: ServerResponse) => boolean): FastifyServerFactory {
  return (handler, fastifyOptions): Server => {
    const options = fastifyOptions as ServerTimeouts & { http?: ServerOptions };
    const listener: RequestListener = (req, res) => {
      try {
        if (front(req, res)) return;
      } catch (error) {
        // Thrown in a request listener, it would end the process: Fastify answers instead.
        process.emitWarning(`the published pages' front failed: ${String(error)}`);
        if (res.headersSent) return void res.destroy();
      }
      handler(req, res);
    };
    const server = createServer(options.http ?? {}, listener);
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    if (options.connectionTimeout !== undefined) server.setTimeout(options.connectionTimeout);
    if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
    return server;
  };
}
