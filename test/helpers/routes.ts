import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * Every route the server registered (HEAD and the catch-all left out), read from Fastify's own
 * printed tree: each line is a path segment under its parent, indented four characters per level.
 */
export function registeredRoutes(server: FastifyInstance): RegisteredRoute[] {
  const parents: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of server.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)(?:[├└]── )?(\S+)(?: \(([^)]*)\))?$/.exec(line.trimEnd());
    if (!match) continue;
    const depth = Math.floor((match[1] ?? '').length / 4);
    const path = (parents[depth - 1] ?? '') + match[2]!;
    parents[depth] = path;
    const methods = (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD');
    if (path.endsWith('*')) continue;
    for (const method of methods) routes.push({ method, url: path.replace(/^\/\//, '/') });
  }
  return routes;
}
