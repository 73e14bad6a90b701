import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
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
