import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ForbiddenError,
  NotFoundError,
  ProviderSignInRequiredError,
  SignInRequiredError,
  WithheldError,
} from '../../domain/errors.ts';
import { negotiateLocale, translator, type MessageKey } from '../i18n/i18n.ts';
import { MessagePage } from '../views/MessagePage.tsx';
import { withheldReasons } from '../views/withheld.ts';

type Page = { status: number; title: MessageKey; body: MessageKey };

const NOT_FOUND: Page = { status: 404, title: 'error.notFound.title', body: 'error.notFound.body' };
const FORBIDDEN: Page = { status: 403, title: 'error.forbidden.title', body: 'error.forbidden.body' };
const CSRF: Page = { status: 403, title: 'error.csrf.title', body: 'error.csrf.body' };
const TOO_MANY: Page = { status: 429, title: 'error.tooMany.title', body: 'error.tooMany.body' };
const TOO_LARGE: Page = { status: 413, title: 'error.tooLarge.title', body: 'error.tooLarge.body' };
const BAD_REQUEST: Page = { status: 400, title: 'error.badRequest.title', body: 'error.badRequest.body' };
const SERVER: Page = { status: 500, title: 'error.server.title', body: 'error.server.body' };

/** Which friendly page an error becomes. Unknown errors are 500s, logged with their stack. */
function pageFor(error: FastifyError): Page {
  if (error instanceof NotFoundError) return NOT_FOUND;
  if (error instanceof ForbiddenError) return FORBIDDEN;
  if (error.code?.startsWith('FST_CSRF')) return CSRF;
  if (error.statusCode === 429) return TOO_MANY;
  if (error.statusCode === 404) return NOT_FOUND;
  if (error.statusCode === 413) return TOO_LARGE;
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return { ...BAD_REQUEST, status: error.statusCode };
  return SERVER;
}

function send(request: FastifyRequest, reply: FastifyReply, page: Page) {
  if (request.url.startsWith('/api/')) {
    return reply.code(page.status).send({ error: page.title.split('.')[1], message: request.t(page.body) });
  }
  return reply.page((ctx) => <MessagePage ctx={ctx} title={ctx.t(page.title)} body={ctx.t(page.body)} />, page.status);
}

/** A refusal for want of a role this session does not carry: what it lacks, as the account page says it. */
function sendWithheld(reply: FastifyReply, error: WithheldError) {
  const { unmet, grant } = error.withheld;
  return reply.page((ctx) => {
    const reasons = withheldReasons(unmet, grant ? 'funder' : 'installation').map((key) => ctx.t(key));
    return (
      <MessagePage
        ctx={ctx}
        title={ctx.t(FORBIDDEN.title)}
        body={[ctx.t('error.withheld.body'), ...reasons].join(' ')}
        link={{ href: '/account', label: ctx.t('account.title') }}
      />
    );
  }, FORBIDDEN.status);
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(request, reply, NOT_FOUND));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof SignInRequiredError) {
      return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    }
    if (error instanceof ProviderSignInRequiredError) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/sign-in/oidc/${encodeURIComponent(error.provider)}?next=${next}`, 303);
    }
    if (error instanceof WithheldError && !request.url.startsWith('/api/')) {
      request.log.info({ unmet: error.withheld.unmet, status: 403 }, 'request refused: role withheld');
      return sendWithheld(reply, error);
    }
    const page = pageFor(error);
    if (page.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, status: page.status }, 'request refused');
    // The request context may be missing if the error happened before it was built.
    request.t ??= translator(negotiateLocale(request.headers['accept-language']));
    return send(request, reply, page);
  });
}
