import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { SignInRequiredError } from '../../domain/errors.ts';
import { negotiateLocale, translator } from '../../platform/i18n/i18n.ts';
import { InboxQuery, type ErrorBody } from './contract.ts';
import { OPERATIONS, routePath } from './openapi.ts';
import type { ApiService } from './service.ts';
import { PUBLIC_ROUTE, tokenRoute, withPolicy } from '../../platform/http/routePolicy.ts';

// Generous for scripts, but a runaway loop is slowed down.
const LIMITED = withPolicy(tokenRoute('read'), { config: { rateLimit: { max: 300, timeWindow: '1 minute' } } });

type ById = { Params: { id: string } };

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer[ ]+(\S+)[ ]*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** RFC 6750: a 401 names the scheme, and says when a token was sent but is not (or no longer) valid. */
function unauthorized(request: FastifyRequest, reply: FastifyReply, tokenSent: boolean) {
  const body: z.output<typeof ErrorBody> = { error: 'unauthorized', message: request.t('api.unauthorized') };
  return reply
    .code(401)
    .header('www-authenticate', `Bearer realm="octroi"${tokenSent ? ', error="invalid_token"' : ''}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** Query parameters left empty (`?status=`) are absent, as the inbox's form sends them. */
function withoutEmpty(query: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
}

/**
 * The JSON API: read-only, authenticated by personal tokens. Its document is public; its routes
 * are in a scope of their own whose hooks decide who is asking from the Authorization header alone.
 */
export function jsonApiRoutes(api: ApiService, document: unknown) {
  return async function (app: FastifyInstance) {
    // Describing the API is not a secret (it is in the source code); clients need it before any token.
    app.get('/api/openapi.json', PUBLIC_ROUTE, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=300').send(document),
    );

    await app.register(async function authenticated(scope) {
      // Cookies do not count here, not even a valid session: the API is for scripts, and a browser
      // adds cookies to any request on its own, even one a foreign page makes it send. Were they
      // accepted, another site could make a signed-in officer's browser call the API for it (the
      // CSRF check covers only forms that change something), and any state-changing route added
      // here later would need CSRF tokens that a script cannot have. A bearer token is sent only
      // by whoever holds it. So the session the app read from the cookie is dropped, and the
      // language comes from Accept-Language alone.
      scope.addHook('onRequest', async (request) => {
        request.sessionUser = null;
        request.actor = null;
        request.locale = negotiateLocale(request.headers['accept-language']);
        request.t = translator(request.locale);
      });

      // After the rate limit (a route-level onRequest hook), so a flood of bad tokens is slowed before it reaches the database.
      scope.addHook('preValidation', async (request, reply) => {
        const token = bearerToken(request.headers.authorization);
        const actor = token ? await api.authenticate(token) : null;
        if (!actor) return unauthorized(request, reply, !!token);
        request.actor = actor;
      });

      scope.addHook('onSend', async (_request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      });

      // A service asking for sign-in means a missing identity: for the API that is a 401, not a
      // redirect to the sign-in page. Everything else goes to the app's handler, which already
      // answers in JSON under /api/.
      scope.setErrorHandler((error, request, reply) => {
        if (error instanceof SignInRequiredError) return unauthorized(request, reply, false);
        throw error;
      });

      scope.get(routePath(OPERATIONS.listCalls.path), LIMITED, (request) => api.calls(request.actor));

      scope.get<ById>(routePath(OPERATIONS.listCallApplications.path), LIMITED, async (request, reply) => {
        const query = InboxQuery.safeParse(withoutEmpty(request.query));
        if (!query.success) {
          const body: z.output<typeof ErrorBody> = {
            error: 'badRequest',
            message: request.t('api.badRequest'),
            issues: query.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          };
          return reply.code(400).send(body);
        }
        return api.callApplications(request.actor, request.params.id, query.data);
      });

      scope.get<ById>(routePath(OPERATIONS.getApplication.path), LIMITED, (request) =>
        api.application(request.actor, request.params.id),
      );
    });
  };
}
