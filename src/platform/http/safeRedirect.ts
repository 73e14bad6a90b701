import type { FastifyInstance, FastifyReply } from 'fastify';

// Any origin would do: a path is checked by resolving it against one and comparing origins.
const HERE = 'http://octroi.test';

// C0 controls, DEL and C1 controls: browsers drop tabs and newlines inside URLs (so `/<TAB>/host`
// becomes `//host`), and no path of this site has any of them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Only paths of this site, for a `next` or any other redirect target that comes from a request:
 * a string that starts with one `/`, holds no control character and no backslash (which browsers
 * read as `/`), and that a browser's URL parser resolves to this same origin. Anything else gives
 * the fallback.
 */
export function safeLocalPath(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (CONTROL.test(next) || next.includes('\\')) return fallback;
  return URL.canParse(next, HERE) && new URL(next, HERE).origin === HERE ? next : fallback;
}

// Left as they are: printable ASCII, which includes `%` (targets are often encoded already).
const UNSENDABLE = /[^\x21-\x7e]/gu;
// With the u flag, only a surrogate without its pair matches: it has no UTF-8 form.
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * A redirect target as a Location header can carry it: every character outside printable ASCII
 * (controls, spaces, non-ASCII letters, a lone surrogate as U+FFFD) percent-encoded in UTF-8.
 * Node refuses to send a header holding such a character, which made such a redirect a 500.
 */
export function sendableLocation(target: string): string {
  return target.replace(LONE_SURROGATE, '\ufffd').replace(UNSENDABLE, (ch) => encodeURIComponent(ch));
}

/** Replies allowed to redirect to one given address on another site. */
const external = new WeakMap<FastifyReply, string>();

/**
 * The one exception to "on this site": a sign-in through an identity provider sends the browser to
 * the provider's authorization endpoint, an address the route built from the provider's discovery
 * document, never from the request. Only that exact address is let through.
 */
export function redirectToProvider(reply: FastifyReply, url: string): FastifyReply {
  external.set(reply, url);
  return reply.redirect(url, 303);
}

/**
 * Every redirect this server sends, whoever built it, is made sendable and kept on this site: a
 * target built from a route parameter or a form field cannot break the response nor lead away.
 * Octroi never redirects to another site; a target that would is replaced by the home page.
 */
export function registerSafeRedirects(app: FastifyInstance): void {
  // A callback, not an async hook: every response goes through it, and few are redirects.
  app.addHook('onSend', (request, reply, payload, done) => {
    const location = reply.getHeader('location');
    if (typeof location === 'string' && external.get(reply) !== location) {
      const sendable = sendableLocation(location);
      const local = safeLocalPath(sendable);
      if (local !== sendable) request.log.warn({ location: sendable }, 'redirect away from this site refused');
      reply.header('location', local);
    }
    done(null, payload);
  });
}
