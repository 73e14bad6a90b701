import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { registerErrorPages } from './errorPages.tsx';
import { registerPublishedPages, type PublishedPagesCache } from './publishedPages.ts';
import { registerHealth } from './health.ts';
import { createMetrics, registerMetrics } from './metrics.ts';
import { publishedFront, serverWithFront } from './publishedFront.ts';
import { registerRequestBodies } from './requestBodies.ts';
import { registerRequestContext } from './requestContext.ts';
import { lazyRequestLogger, registerRequestIds, requestIdGenerator } from './requestIds.ts';
import { PUBLIC_ROUTE, recordRouteTable } from './routePolicy.ts';
import { registerSafeRedirects } from './safeRedirect.ts';
import { registerSecurityHeaders, securityHeadersFor } from './securityHeaders.ts';
import { assetResponse, registerStaticAssets } from './staticAssets.ts';

/**
 * The HTTP server with its security plugins: helmet (strict CSP, no inline script or style),
 * signed cookies, CSRF checked on every state-changing request, rate limits per route, request
 * bodies that are refused with a 4xx when they cannot be read, redirects that stay on this site,
 * and the request context (actor, language, page rendering); a request id in every log line and
 * response; /healthz and /metrics; published pages served from `publishedPages` to anonymous
 * visitors (ahead of Fastify when it holds them), static files from memory under fingerprinted
 * names. Features register their routes on it.
 */
export async function createHttpServer(
  config: Config,
  db: Database,
  log: FastifyBaseLogger,
  publishedPages: PublishedPagesCache,
): Promise<FastifyInstance> {
  const securityHeaders = securityHeadersFor({ secure: config.secureCookies });
  const metrics = createMetrics(db);
  const requestId = requestIdGenerator(config.trustProxy);
  let closing = false;
  // One line per request only when debugging; errors are logged by the error pages either way.
  const logRequests = config.logLevel === 'debug' || config.logLevel === 'trace';
  const app = Fastify({
    // Pages held in memory are answered before Fastify, unless each request is to be logged.
    ...(logRequests
      ? {}
      : {
          serverFactory: serverWithFront(
            publishedFront({ cache: publishedPages, securityHeaders, requestId, metrics, closing: () => closing }),
          ),
        }),
    loggerInstance: log,
    genReqId: requestId,
    childLoggerFactory: lazyRequestLogger,
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
    logController: new LogController({ disableRequestLogging: !logRequests }),
  });

  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  recordRouteTable(app);
  registerRequestIds(app);
  registerMetrics(app, metrics, { token: config.metricsToken });
  registerSecurityHeaders(app, securityHeaders);
  await app.register(fastifyCookie, { secret: config.cookieSecret });
  await registerRequestBodies(app);
  await app.register(fastifyCsrf, {
    cookieKey: 'octroi_csrf',
    getToken: csrfTokenOf,
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: config.secureCookies },
  });
  await app.register(fastifyRateLimit, { global: false });
  registerStaticAssets(app);

  // Every state-changing request proves it comes from one of our forms.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.routeOptions.config.csrf === false)
      return done();
    app.csrfProtection(request, reply, done);
  });

  registerRequestContext(app, config, db);
  registerPublishedPages(app, publishedPages);
  registerErrorPages(app);
  registerSafeRedirects(app);
  // Browsers ask for it on every site, whatever the page says.
  app.get('/favicon.ico', PUBLIC_ROUTE, (request, reply) => assetResponse(request, reply, 'favicon.ico', 604_800));
  registerHealth(app, db);
  return app;
}

/** The token comes in the form (urlencoded, or a multipart field) or, from scripts, in a header. */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') return field.value;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set to false only for token-authenticated API routes, which carry no cookie. */
    csrf?: boolean;
  }
}
