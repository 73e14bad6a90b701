// The static files (style sheet, scripts, icon) are few and small: read once at start, each served
// from memory under a name carrying its content's hash (`/static/app.3f2a9c1b.css`), which pages
// link and browsers keep for a year without asking again; a new version is a new name. The plain
// name (`/static/app.css`) still answers, cached for an hour, for links from outside.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.ico': 'image/vnd.microsoft.icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  cacheControl: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const PLAIN = 'public, max-age=3600';

interface Assets {
  /** The fingerprinted name of each file, by its plain name. */
  urls: Map<string, string>;
  /** Every name served (plain and fingerprinted), with what to send. */
  served: Map<string, Asset>;
}

let loaded: Assets | null = null;

function load(): Assets {
  const urls = new Map<string, string>();
  const served = new Map<string, Asset>();
  for (const name of readdirSync(STATIC_DIR)) {
    const body = readFileSync(join(STATIC_DIR, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const ext = extname(name);
    const fingerprinted = `${name.slice(0, name.length - ext.length)}.${hash}${ext}`;
    const type = TYPES[ext] ?? 'application/octet-stream';
    const etag = `"${hash}"`;
    urls.set(name, `/static/${fingerprinted}`);
    served.set(name, { body, type, etag, cacheControl: PLAIN });
    served.set(fingerprinted, { body, type, etag, cacheControl: IMMUTABLE });
  }
  return { urls, served };
}

const assets = (): Assets => (loaded ??= load());

/** The address pages link for a static file: its fingerprinted name (`app.css` → `/static/app.<hash>.css`). */
export function assetUrl(name: string): string {
  const url = assets().urls.get(name);
  if (!url) throw new Error(`no static file ${name}`);
  return url;
}

/** Answers with a static file (404 if there is none by that name), `maxAgeSeconds` overriding its caching. */
export function assetResponse(request: FastifyRequest, reply: FastifyReply, name: string, maxAgeSeconds?: number) {
  const asset = assets().served.get(name);
  if (!asset) return reply.callNotFound();
  const cacheControl = maxAgeSeconds === undefined ? asset.cacheControl : `public, max-age=${maxAgeSeconds}`;
  reply.header('cache-control', cacheControl).header('etag', asset.etag);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.type(asset.type).send(asset.body);
}

/** GET /static/<name>: every static file, under its plain and its fingerprinted name. */
export function registerStaticAssets(app: FastifyInstance): void {
  app.get<{ Params: { name: string } }>('/static/:name', (request, reply) =>
    assetResponse(request, reply, request.params.name),
  );
}
