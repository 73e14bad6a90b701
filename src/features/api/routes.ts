import type { FastifyInstance } from 'fastify';
import { jsonApiRoutes } from './jsonRoutes.ts';
import { openApiDocument } from './openapi.ts';
import type { ApiService } from './service.ts';
import { apiTokenPages } from './tokenRoutes.tsx';

/** The API capability: the tokens page (cookie session, forms) and the JSON API (bearer tokens only). */
export function apiRoutes(api: ApiService, publicUrl: string) {
  return async function (app: FastifyInstance) {
    await app.register(apiTokenPages(api));
    await app.register(jsonApiRoutes(api, openApiDocument(publicUrl)));
  };
}
