import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import { MAX_TEXT_LENGTH } from '../../domain/forms/validateForm.ts';
import { MAX_FILE_BYTES } from '../storage/fileStorage.ts';

/** A body that cannot be read as a form's fields: truncated, malformed, or not a set of fields at all. */
export class UnreadableBodyError extends Error {
  readonly statusCode = 400;
  readonly code = 'OCTROI_UNREADABLE_BODY';
  constructor(options?: ErrorOptions) {
    super('the request body cannot be read', options);
    this.name = 'UnreadableBodyError';
  }
}

/** A body over what a form accepts: a field value longer than any multipart form needs. */
export class BodyTooLargeError extends Error {
  readonly statusCode = 413;
  readonly code = 'OCTROI_BODY_TOO_LARGE';
  constructor() {
    super('the request body is too large');
    this.name = 'BodyTooLargeError';
  }
}

// A multipart form here carries a few files and fields: an upload form (a label, the token), or an
// application's section whose answers and files are sent together, without JavaScript, in one request
// (a long answer is at most MAX_TEXT_LENGTH code points, four bytes each at most).
export const MULTIPART_LIMITS = {
  fileSize: MAX_FILE_BYTES,
  files: 5,
  fields: 1_000,
  fieldSize: 4 * MAX_TEXT_LENGTH + 1_000,
};

/**
 * How request bodies are read: urlencoded forms, JSON, and multipart uploads (buffered, size-capped,
 * fields attached to the body). Every body is read before the route's CSRF check, for anyone, so a
 * body that cannot be read is the client's fault and answered as such: 400 when it is truncated or
 * malformed (or is JSON that is not an object of fields), 413 when it is too large; never a 500.
 */
export async function registerRequestBodies(app: FastifyInstance): Promise<void> {
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: MULTIPART_LIMITS });
  app.addHook('preValidation', async (request) => {
    if (request.isMultipart()) await attachMultipart(request);
    else if (request.body !== undefined && !isFields(request.body)) throw new UnreadableBodyError();
    if (holdsNul(request.body)) throw new UnreadableBodyError();
  });
}

/**
 * Whether a text of the body holds a NUL character: no form sends one, and PostgreSQL's text cannot
 * store it (the insert would fail), so such a body is refused as unreadable wherever it is sent.
 */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return false;
  // A multipart part points back to every field (`fields`): only a field's own value is text.
  if ('fieldname' in value) return 'value' in value && holdsNul(value.value, depth + 1);
  return Object.values(value).some((v) => holdsNul(v, depth + 1));
}

/** The parts as the multipart plugin's attachFieldsToBody gives them, with its parser's errors made 4xx. */
async function attachMultipart(request: FastifyRequest): Promise<void> {
  try {
    for await (const part of request.parts()) {
      request.body = part.fields;
      if (part.type === 'file') await part.toBuffer();
      else if (part.valueTruncated || part.fieldnameTruncated) throw new BodyTooLargeError();
    }
  } catch (error) {
    // The plugin's own errors (limits reached, a prototype's name) carry their 4xx status; the
    // parser's (no boundary, data ending early, a broken header) carry none.
    if (isClientError(error)) throw error;
    throw new UnreadableBodyError({ cause: error });
  }
}

function isFields(body: unknown): boolean {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && !Buffer.isBuffer(body);
}

function isClientError(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}
