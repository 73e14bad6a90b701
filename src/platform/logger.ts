import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/** Paths that may carry secrets; pino replaces them before anything is written. */
const REDACTED = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.passwordHash',
  'password',
  'token',
];

/**
 * The id of the request being served, for the code that logs through the application's logger
 * rather than the request's own (services, the mail outbox): the HTTP server runs each request
 * inside it, and every line logged meanwhile carries `reqId`.
 */
export const requestScope = new AsyncLocalStorage<string>();

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: {
      // Query strings can carry one-time tokens (confirmation links): log the path only.
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
    },
    // A request's own logger already has its reqId bound; the application's logger takes it from the scope.
    mixin(_fields, _level, logger) {
      const reqId = requestScope.getStore();
      return reqId && !('reqId' in logger.bindings()) ? { reqId } : {};
    },
  };
}

/** Lines for a person: in a terminal, unless running in production. JSON lines everywhere else. */
export function wantsReadableLog(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env.NODE_ENV !== 'production';
}

/**
 * The logger of a process, writing to `fd` (1 for the server; 2 for commands, whose stdout is their
 * JSON answer): one JSON object per line, or, in a terminal, a coloured line a person can read.
 */
export async function createLogger(level: string, fd: 1 | 2 = 1): Promise<Logger> {
  const stream = fd === 1 ? process.stdout : process.stderr;
  let destination: DestinationStream;
  if (level !== 'silent' && wantsReadableLog(stream)) {
    const { default: pretty } = await import('pino-pretty');
    destination = pretty({
      destination: fd,
      colorize: true,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
    });
  } else {
    destination = pino.destination({ fd, sync: false });
  }
  return pino(loggerOptions(level), destination);
}
