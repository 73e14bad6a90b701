import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { navigationAbilities, type MaybeActor } from '../../domain/access.ts';
import { isLocale, type Locale } from '../../domain/locale.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { CATALOGUES, negotiateLocale, translator, type MessageKey, type Translate } from '../i18n/i18n.ts';
import { loadSessionUser, SESSION_COOKIE, SESSION_DAYS, type SessionUser } from '../identity/sessions.ts';
import type { ViewContext } from '../views/context.ts';

export const LANGUAGE_COOKIE = 'octroi_lang';
export const FLASH_COOKIE = 'octroi_flash';

declare module 'fastify' {
  interface FastifyRequest {
    sessionUser: SessionUser | null;
    actor: MaybeActor;
    locale: Locale;
    t: Translate;
  }
  interface FastifyReply {
    /** Renders a page (a function of the view context) as a complete HTML document. */
    page(view: (ctx: ViewContext) => VNode, statusCode?: number): FastifyReply;
    /** Shows a message (one without placeholders) on the next page this browser loads, after a redirect. */
    flash(key: MessageKey): FastifyReply;
    startSession(token: string): FastifyReply;
    endSession(): FastifyReply;
  }
}

/** The language of a visitor who is not signed in: the one chosen with the language switch, else the browser's. */
export function visitorLocale(cookies: Record<string, string | undefined>, acceptLanguage: string | undefined): Locale {
  const chosen = cookies[LANGUAGE_COOKIE];
  return isLocale(chosen) ? chosen : negotiateLocale(acceptLanguage);
}

/**
 * Who is asking and in which language, decided once per request: the signed-in user's language,
 * else the one chosen with the language switch, else the browser's Accept-Language.
 */
export function registerRequestContext(app: FastifyInstance, config: Config, db: Database): void {
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'fr');
  app.decorateRequest('t', null as unknown as Translate);

  const settle = (request: FastifyRequest, user: SessionUser | null) => {
    request.sessionUser = user;
    request.actor = user?.actor ?? null;
    request.locale = user?.locale ?? visitorLocale(request.cookies, request.headers['accept-language']);
    request.t = translator(request.locale);
  };
  // A callback, not an async hook: a visitor without a session (most requests) costs no promise.
  app.addHook('onRequest', (request, _reply, done) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      settle(request, null);
      return done();
    }
    loadSessionUser(db, token).then((user) => {
      settle(request, user);
      done();
    }, done);
  });

  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  app.decorateReply('page', function (this: FastifyReply, view: (ctx: ViewContext) => VNode, statusCode = 200) {
    const html = '<!doctype html>' + renderToString(view(viewContext(this.request, this)));
    return this.code(statusCode).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  });

  app.decorateReply('flash', function (this: FastifyReply, key: MessageKey) {
    return this.setCookie(FLASH_COOKIE, key, { ...cookieBase, maxAge: 60 });
  });

  app.decorateReply('startSession', function (this: FastifyReply, token: string) {
    // A new CSRF secret goes with the new session, so a token seen before sign-in is worthless after.
    this.clearCookie('octroi_csrf', { path: '/' });
    return this.setCookie(SESSION_COOKIE, token, { ...cookieBase, maxAge: SESSION_DAYS * 86_400 });
  });

  app.decorateReply('endSession', function (this: FastifyReply) {
    this.clearCookie('octroi_csrf', { path: '/' });
    return this.clearCookie(SESSION_COOKIE, { path: '/' });
  });

  function viewContext(request: FastifyRequest, reply: FastifyReply): ViewContext {
    const flashKey = request.cookies[FLASH_COOKIE];
    if (flashKey) reply.clearCookie(FLASH_COOKIE, { path: '/' });
    let csrf: string | null = null;
    return {
      locale: request.locale,
      t: request.t,
      actor: request.actor,
      nav: navigationAbilities(request.actor),
      displayName: request.sessionUser?.displayName ?? null,
      rolesWithheld:
        !!request.sessionUser &&
        (request.sessionUser.withheld.length > 0 || request.sessionUser.installationAdminWithheld.length > 0),
      path: request.url,
      csrfToken: () => (csrf ??= reply.generateCsrf()),
      flash: flashKey && flashKey in CATALOGUES.en ? request.t(flashKey as MessageKey) : null,
    };
  }
}
