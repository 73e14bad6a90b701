// What is published (the home page, a call, its results, the open data) is the same for every
// anonymous visitor and changes only when an officer publishes, corrects, closes or answers. It is
// rendered once per URL and language and served from memory until a command that changes it calls
// `invalidate`; every response carries an ETag and a Last-Modified, so a browser asking again with
// them gets a 304 without a body. Signed-in people (whose pages show their own navigation and
// form tokens) and a request carrying a flash message always get a page rendered for them alone.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  onSendHookHandler,
  RouteShorthandOptions,
} from 'fastify';
import { SESSION_COOKIE } from '../identity/sessions.ts';
import { FLASH_COOKIE } from './requestContext.ts';

/** The port the publishing commands call once their change is committed. */
export interface PublishedPages {
  /** Forgets every page rendered so far: the next visitor of each gets it rendered anew. */
  invalidate(reason: string): void;
}

export interface CachedPage {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
  /** The route's pattern, what the metrics count it under. */
  route: string;
  etag: string;
  lastModified: string;
  /** ETag, Last-Modified and the caching headers, made once: every answer from memory, 200 or 304, carries them. */
  validators: Readonly<Record<string, string>>;
  storedAt: number;
}

/** Published pages, in memory: a bounded map (oldest out first) with a generation count. */
export interface PublishedPagesCache extends PublishedPages {
  get(key: string, now: number): CachedPage | undefined;
  /** Stores a page rendered from data read while the generation was `generation`, unless invalidated since. */
  put(
    key: string,
    generation: number,
    page: Pick<CachedPage, 'status' | 'body' | 'headers' | 'route'>,
    now: number,
  ): CachedPage | null;
  readonly generation: number;
  readonly size: number;
  /** Called with every local invalidation, to tell the other instances sharing the database. */
  onInvalidate(listener: (reason: string) => void): void;
  /** An invalidation coming from another instance: forgets the pages without telling anyone. */
  invalidateFromElsewhere(): void;
}

export interface CacheOptions {
  /** Distinct URLs × languages kept (a crawler asking for random query strings cannot fill the memory). */
  maxEntries?: number;
  /**
   * A page is rendered anew at least this often, whatever happened: a backstop for a change the
   * commands did not announce (a deadline passing before the clock's next run closes the call).
   */
  maxAgeMs?: number;
}

/** Browsers and proxies check with the server each time (a 304 costs nothing), and keep apart what differs. */
const CACHE_CONTROL = 'public, no-cache';
const VARY = 'Cookie, Accept-Language';

export function publishedPagesCache(opts: CacheOptions = {}): PublishedPagesCache {
  const maxEntries = opts.maxEntries ?? 2000;
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  const pages = new Map<string, CachedPage>();
  const listeners: ((reason: string) => void)[] = [];
  let generation = 0;
  const forget = () => {
    generation += 1;
    pages.clear();
  };
  return {
    get(key, now) {
      const page = pages.get(key);
      if (page && now - page.storedAt > maxAgeMs) {
        pages.delete(key);
        return undefined;
      }
      return page;
    },
    put(key, rendered, page, now) {
      // Read before an invalidation and stored after it: the page may show what was just corrected.
      if (rendered !== generation) return null;
      if (pages.size >= maxEntries) pages.delete(pages.keys().next().value!);
      const etag = `"${createHash('sha1').update(page.body).digest('base64url').slice(0, 22)}"`;
      const lastModified = new Date(Math.floor(now / 1000) * 1000).toUTCString();
      const validators = { etag, 'last-modified': lastModified, 'cache-control': CACHE_CONTROL, vary: VARY };
      const stored: CachedPage = { ...page, etag, lastModified, validators, storedAt: now };
      pages.set(key, stored);
      return stored;
    },
    invalidate(reason) {
      forget();
      for (const listener of listeners) listener(reason);
    },
    invalidateFromElsewhere: forget,
    onInvalidate(listener) {
      listeners.push(listener);
    },
    get generation() {
      return generation;
    },
    get size() {
      return pages.size;
    },
  };
}

/** Route option: this GET serves something published, the same for every anonymous visitor. */
export const PUBLISHED_PAGE: RouteShorthandOptions = { config: { publishedPage: true } };

declare module 'fastify' {
  interface FastifyContextConfig {
    publishedPage?: boolean;
  }
}

/** Headers of a response worth keeping with its body (the security headers are set on every response anyway). */
const KEPT_HEADERS = ['content-type', 'content-disposition'];

/** What decides whether and how a request is answered from memory: the same for Fastify's request and a raw one. */
export interface Visit {
  method: string;
  url: string;
  locale: string;
  cookies: Record<string, string | undefined>;
  headers: IncomingHttpHeaders;
}

/**
 * A GET from someone anonymous with no message waiting: nothing on the page is this visitor's own.
 * (GET only: Fastify answers HEAD through the GET handler with the body taken out, not worth keeping.)
 */
export function servable(visit: Visit): boolean {
  return visit.method === 'GET' && !visit.cookies[SESSION_COOKIE] && !visit.cookies[FLASH_COOKIE];
}

export const keyOf = (visit: Visit) => `${visit.locale} ${visit.url}`;

/** Whether the visitor's copy, named by If-None-Match or dated by If-Modified-Since, is still the page. */
export function notModified(visit: Visit, page: { etag: string; lastModified: string }): boolean {
  const ifNoneMatch = visit.headers['if-none-match'];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag);
  const since = visit.headers['if-modified-since'];
  if (since === undefined) return false;
  const at = Date.parse(since);
  return !Number.isNaN(at) && Date.parse(page.lastModified) <= at;
}

function sendCached(request: FastifyRequest, reply: FastifyReply, page: CachedPage): void {
  reply.headers(page.validators);
  if (notModified(request, page)) reply.code(304).send();
  else reply.code(page.status).headers(page.headers).send(page.body);
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache's generation when this published page started reading its data; null when it is not cached. */
    publishedGeneration: number | null;
  }
}

/**
 * Serves the routes declared with PUBLISHED_PAGE from the cache to anonymous visitors, and keeps
 * what those routes render. Registered after the request context (it needs the language) and
 * before the routes: its hooks go on the published routes only, every other request is spared them.
 */
export function registerPublishedPages(
  app: FastifyInstance,
  cache: PublishedPagesCache,
  now: () => number = Date.now,
): void {
  app.decorateRequest('publishedGeneration', null);

  // Answered here, the request goes no further (done is not called): a callback, not an async hook
  // returning the reply, which Fastify would await until the response is finished.
  const serveFromMemory: onRequestHookHandler = (request, reply, done) => {
    if (!servable(request)) return done();
    const page = cache.get(keyOf(request), now());
    if (page) return sendCached(request, reply, page);
    request.publishedGeneration = cache.generation;
    done();
  };

  const keep: onSendHookHandler = (request, reply, payload, done) => {
    const generation = request.publishedGeneration;
    if (generation === null) return done(null, payload);
    request.publishedGeneration = null;
    // Only a complete page the same for everyone: not an error, not a stream, nothing set for this visitor.
    if (reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return done(null, payload);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    const route = request.routeOptions.url ?? 'unmatched';
    const stored = cache.put(keyOf(request), generation, { status: 200, body, headers, route }, now());
    if (!stored) return done(null, payload);
    reply.headers(stored.validators);
    if (!notModified(request, stored)) return done(null, payload);
    reply.code(304);
    done(null, '');
  };

  app.addHook('onRoute', (route) => {
    if (!route.config?.publishedPage) return;
    route.onRequest = [...[route.onRequest ?? []].flat(), serveFromMemory];
    route.onSend = [...[route.onSend ?? []].flat(), keep];
  });
}

/**
 * The command, calling `invalidate` once it has returned (its transaction committed) or failed: a
 * page rendered meanwhile from the data before the change is not kept (see `put`).
 */
export function invalidating<A extends unknown[], R>(
  pages: PublishedPages,
  reason: string,
  command: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await command(...args);
    } finally {
      pages.invalidate(reason);
    }
  };
}

/** For a change made inside another command's transaction, not committed yet: a second invalidation once it surely is. */
export const COMMIT_GRACE_MS = 2000;
export function invalidateAroundCommit(pages: PublishedPages, reason: string): void {
  pages.invalidate(reason);
  setTimeout(() => pages.invalidate(reason), COMMIT_GRACE_MS).unref();
}
