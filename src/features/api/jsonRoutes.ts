import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { SignInRequiredError } from '../../domain/errors.ts';
import { negotiateLocale, translator } from '../../platform/i18n/i18n.ts';
import { API_SCOPES, type ApiScope } from '../../domain/apiTokenPolicy.ts';
import { PUBLIC_ROUTE, tokenRoute, withPolicy } from '../../platform/http/routePolicy.ts';
import { refusalMessage, type RefusalMessages } from '../../platform/http/refusals.ts';
import { OUTCOME_REFUSALS } from '../grants/refusalMessages.ts';
import { InboxQuery, MarkBatchPaid, PageQuery, TrancheOutcome, type ErrorBody } from './contract.ts';
import { OPERATIONS, routePath, type OperationId } from './openapi.ts';
import type { ApiService } from './service.ts';

// Generous for scripts, but a runaway loop is slowed down.
const LIMITED = { rateLimit: { max: 300, timeWindow: '1 minute' } };

type ById = { Params: { id: string } };
type ByTranche = { Params: { id: string; trancheId: string } };

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer[ ]+(\S+)[ ]*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** RFC 6750: a 401 names the scheme, and says when a token was sent but is not (or no longer) valid. */
function unauthorized(request: FastifyRequest, reply: FastifyReply, why: 'none' | 'unknown' | 'revoked' | 'expired') {
  const codes = { none: 'unauthorized', unknown: 'unauthorized', revoked: 'tokenRevoked', expired: 'tokenExpired' };
  const messages = {
    none: 'api.unauthorized',
    unknown: 'api.unauthorized',
    revoked: 'api.tokenRevoked',
    expired: 'api.tokenExpired',
  } as const;
  const body: z.output<typeof ErrorBody> = { error: codes[why], message: request.t(messages[why]) };
  const detail =
    why === 'none' ? '' : `, error="invalid_token", error_description="${why === 'unknown' ? 'unknown' : why}"`;
  return reply
    .code(401)
    .header('www-authenticate', `Bearer realm="octroi"${detail}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** RFC 6750: a valid token without the scope this route needs is a 403 naming the scope. */
function insufficientScope(request: FastifyRequest, reply: FastifyReply, scope: ApiScope) {
  const body: z.output<typeof ErrorBody> = {
    error: 'insufficientScope',
    message: request.t('api.insufficientScope', { scope }),
  };
  return reply
    .code(403)
    .header('www-authenticate', `Bearer realm="octroi", error="insufficient_scope", scope="${scope}"`)
    .header('cache-control', 'no-store')
    .send(body);
}

function badRequest(request: FastifyRequest, reply: FastifyReply, error: z.ZodError) {
  const body: z.output<typeof ErrorBody> = {
    error: 'badRequest',
    message: request.t('api.badRequest'),
    issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
  return reply.code(400).send(body);
}

/** A write the state of its record refuses: 409, the refusal as a camelCase code, and in words. */
function conflict<R extends string>(
  request: FastifyRequest,
  reply: FastifyReply,
  refusals: readonly [R, ...R[]],
  messages: RefusalMessages<R>,
) {
  const body: z.output<typeof ErrorBody> = {
    error: refusals[0].replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    message: request.t(refusalMessage(refusals, messages)),
  };
  return reply.code(409).send(body);
}

/** The scope a route declared in its policy (tokenRoute): what its token must carry. */
function scopeOf(request: FastifyRequest): ApiScope {
  const policy = request.routeOptions.config.policy;
  if (policy?.access !== 'token' || !(API_SCOPES as readonly string[]).includes(policy.scope))
    throw new Error(`API route without a token policy: ${request.routeOptions.url}`);
  return policy.scope as ApiScope;
}

/** Query parameters left empty (`?status=`) are absent, as the inbox's form sends them. */
function withoutEmpty(query: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
}

/**
 * The JSON API, authenticated by personal tokens: reads, and what the bank did with a payment batch.
 * Its document is public; its routes are in a scope of their own whose hooks decide who is asking
 * from the Authorization header alone.
 */
export function jsonApiRoutes(api: ApiService, document: unknown) {
  return async function (app: FastifyInstance) {
    // The token behind each request, kept for its audit row once the response is sent.
    const uses = new WeakMap<FastifyRequest, { tokenId: string; ownerId: string }>();
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
        const scope = scopeOf(request);
        const token = bearerToken(request.headers.authorization);
        if (!token) return unauthorized(request, reply, 'none');
        const lookup = await api.authenticate(token, scope);
        if (!lookup.found) return unauthorized(request, reply, 'unknown');
        uses.set(request, { tokenId: lookup.tokenId, ownerId: lookup.ownerId });
        if (!lookup.verdict.ok) {
          const [why] = lookup.verdict.refusals;
          if (why === 'insufficient-scope') return insufficientScope(request, reply, scope);
          return unauthorized(request, reply, why);
        }
        request.actor = lookup.verdict.value;
      });

      // Every request made with a known token, refused ones included, goes to the audit trail before
      // its answer leaves (so no read is seen before it is accounted for), with its path but not its
      // query string (a search may carry words worth keeping out).
      scope.addHook('onSend', async (request, reply) => {
        if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
        const use = uses.get(request);
        if (!use) return;
        await api
          .recordUse({ ...use, method: request.method, path: request.url.split('?')[0]!, status: reply.statusCode })
          .catch((error: unknown) => request.log.error({ err: error }, 'API token use not audited'));
      });

      // A service asking for sign-in means a missing identity: for the API that is a 401, not a
      // redirect to the sign-in page. Everything else goes to the app's handler, which already
      // answers in JSON under /api/.
      scope.setErrorHandler((error, request, reply) => {
        if (error instanceof SignInRequiredError) return unauthorized(request, reply, 'none');
        throw error;
      });

      const route = (op: OperationId) => withPolicy(tokenRoute(OPERATIONS[op].scope), { config: LIMITED });
      // A write carries no cookie to forge (see above): its bearer token is the proof a CSRF token would be.
      const write = (op: OperationId) =>
        withPolicy(tokenRoute(OPERATIONS[op].scope), { config: { ...LIMITED, csrf: false } });

      scope.get(routePath(OPERATIONS.listCalls.path), route('listCalls'), (request) => api.calls(request.actor));

      scope.get<ById>(
        routePath(OPERATIONS.listCallApplications.path),
        route('listCallApplications'),
        async (request, reply) => {
          const query = InboxQuery.safeParse(withoutEmpty(request.query));
          if (!query.success) return badRequest(request, reply, query.error);
          return api.callApplications(request.actor, request.params.id, query.data);
        },
      );

      scope.get<ById>(routePath(OPERATIONS.getApplication.path), route('getApplication'), (request) =>
        api.application(request.actor, request.params.id),
      );

      // The lifecycle's later stages: one paged read each, the same query parameters.
      for (const op of ['listScreeningOutcomes', 'listCallAssignments', 'getRanking', 'getDecision'] as const) {
        const read = {
          listScreeningOutcomes: api.screening,
          listCallAssignments: api.assignments,
          getRanking: api.ranking,
          getDecision: api.decision,
        }[op];
        scope.get<ById>(routePath(OPERATIONS[op].path), route(op), async (request, reply) => {
          const query = PageQuery.safeParse(withoutEmpty(request.query));
          if (!query.success) return badRequest(request, reply, query.error);
          return read(request.actor, request.params.id, query.data);
        });
      }

      // After the decision: the same paging, by call, grant or funder.
      const byId = {
        listCallGrants: api.grants,
        listGrantTranches: api.tranches,
        listGrantReports: api.reports,
        listPaymentBatches: api.paymentBatches,
      } as const;
      for (const op of Object.keys(byId) as (keyof typeof byId)[]) {
        scope.get<ById>(routePath(OPERATIONS[op].path), route(op), async (request, reply) => {
          const query = PageQuery.safeParse(withoutEmpty(request.query));
          if (!query.success) return badRequest(request, reply, query.error);
          return byId[op](request.actor, request.params.id, query.data);
        });
      }

      scope.get(routePath(OPERATIONS.listPlaces.path), route('listPlaces'), async (request, reply) => {
        const query = PageQuery.safeParse(withoutEmpty(request.query));
        if (!query.success) return badRequest(request, reply, query.error);
        return api.places(request.actor, query.data);
      });

      // The accounting system tells what the bank did, through the officers' own commands.
      scope.post<ById>(routePath(OPERATIONS.markBatchPaid.path), write('markBatchPaid'), async (request, reply) => {
        const body = MarkBatchPaid.safeParse(request.body ?? {});
        if (!body.success) return badRequest(request, reply, body.error);
        const paid = await api.markBatchPaid(request.actor, request.params.id, body.data);
        return paid.ok ? paid.value : conflict(request, reply, paid.refusals, OUTCOME_REFUSALS);
      });

      for (const [op, outcome] of [
        ['recordTrancheFailed', 'failed'],
        ['recordTrancheReturned', 'returned'],
      ] as const) {
        scope.post<ByTranche>(routePath(OPERATIONS[op].path), write(op), async (request, reply) => {
          const body = TrancheOutcome.safeParse(request.body);
          if (!body.success) return badRequest(request, reply, body.error);
          const { id: batchId, trancheId } = request.params;
          const done = await api.recordTrancheOutcome(request.actor, { batchId, trancheId, outcome }, body.data);
          return done.ok ? done.value : conflict(request, reply, done.refusals, OUTCOME_REFUSALS);
        });
      }
    });
  };
}
