import type { FastifyReply } from 'fastify';

/**
 * The header of a refused form's answer (4xx) when the rest of what was sent is saved all the same: the draft's
 * new version. A draft is never lost to one bad value, so "refused" alone would say too much; a client (or a
 * test) reads here that something changed.
 */
export const SAVED_VERSION_HEADER = 'octroi-saved-version';

export function savedInPart(reply: FastifyReply, version: number): FastifyReply {
  return reply.header(SAVED_VERSION_HEADER, String(version));
}
