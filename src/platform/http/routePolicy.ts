// Every route declares who may call it, in its options, where the route is written; the
// authorisation matrix test walks the registered routes and checks each answer against it, so a
// route without a declaration fails the suite and a new route is covered without anyone remembering.
import type { FastifyInstance, onRequestHookHandler, RouteShorthandOptions } from 'fastify';
import { installationAbilities, type InstallationAbilities } from '../../domain/adminPolicy.ts';
import { CALL_POLICY } from '../../domain/callPolicy.ts';
import { PLACE_POLICY } from '../../domain/directory/placePolicy.ts';
import type { Actor } from '../../domain/access.ts';
import { ForbiddenError, SignInRequiredError } from '../../domain/errors.ts';
import { withheldRefusal } from '../../domain/signInAssurance.ts';

export type RoutePolicy =
  /** Anyone, signed in or not, with nothing scoped to them (the home page, a public file). */
  | { readonly access: 'public' }
  /** Any signed-in person, on what is theirs only (their account, their dashboard). */
  | { readonly access: 'signed-in' }
  /** Across the installation, under `installationAbilities` (src/domain/adminPolicy.ts): the administration's lists. */
  | { readonly access: 'installation'; readonly action: string }
  /** A record named by a path parameter, under its kind's policy table (src/domain/*Policy.ts). */
  | { readonly access: 'record'; readonly kind: string; readonly action: string; readonly param: string }
  /** The JSON API, with a personal token carrying scopes. */
  | { readonly access: 'token'; readonly scope: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
  interface FastifyInstance {
    /** Every route registered, with its declared policy: what the authorisation matrix and the fuzzing walk. */
    routeTable: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

/**
 * The kinds of record some of which are open to people without an account, with the actions their
 * policy table lets the public take (its `anonymous` relation). Every other kind's routes need an account.
 */
export const OPEN_KINDS: Readonly<Record<string, (action: string) => boolean>> = {
  call: (action) => (CALL_POLICY[action as keyof typeof CALL_POLICY]?.who as readonly string[]).includes('anonymous'),
  place: (action) => (PLACE_POLICY[action as keyof typeof PLACE_POLICY]?.who as readonly string[]).includes('public'),
};

/** Whether the public is asked to sign in for a route whatever its parameters and body say. */
export function needsAccount(policy: RoutePolicy): boolean {
  switch (policy.access) {
    case 'public':
    case 'token':
      return false;
    case 'signed-in':
    case 'installation':
      return true;
    case 'record':
      return !OPEN_KINDS[policy.kind]?.(policy.action);
  }
}

/**
 * What a declaration decides before anything of the request is read: the public is asked to sign in
 * for what needs an account, and a signed-in person without the installation-wide ability a route
 * declares is refused (or, when their session withholds what would allow it, sent to the provider it
 * lacks or told what it lacks). Only then are the parameters and the body looked at, and a record
 * looked up (its loader decides the rest), so that a refusal never depends on them and never tells
 * whether an id exists.
 */
function gateOf(policy: RoutePolicy): onRequestHookHandler | undefined {
  if (!needsAccount(policy)) return undefined;
  return (request, _reply, done) => {
    if (!request.actor) return done(new SignInRequiredError());
    if (policy.access === 'installation') {
      const allows = (actor: Actor) => installationAbilities(actor)[policy.action as keyof InstallationAbilities];
      if (allows(request.actor)) return done();
      return done(withheldRefusal(request.actor, allows) ?? new ForbiddenError(policy.action));
    }
    done();
  };
}

/**
 * Keeps the table of the routes registered on `app` (and in its plugins), with their policies, and
 * puts each route's gate (`gateOf`) first among its own hooks, after the request context is known.
 */
export function recordRouteTable(app: FastifyInstance): void {
  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    // The static files' route (staticAssets.ts): they are everyone's, like any public page.
    const policy = route.url.startsWith('/static/') ? ({ access: 'public' } as const) : route.config?.policy;
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, policy });
    const gate = policy && gateOf(policy);
    if (gate) route.onRequest = [gate, ...[route.onRequest ?? []].flat()];
  });
}

const options = (policy: RoutePolicy): RouteShorthandOptions => ({ config: { policy } });

export const PUBLIC_ROUTE = options({ access: 'public' });
export const SIGNED_IN_ROUTE = options({ access: 'signed-in' });

/** A route of the administration across funders, under one of `installationAbilities`. */
export function installationRoute(action: string): RouteShorthandOptions {
  return options({ access: 'installation', action });
}

/** A route on a record: `kind`'s policy, `action` of its table, the record's id in `param` (`:id` by default). */
export function recordRoute(kind: string, action: string, param = 'id'): RouteShorthandOptions {
  return options({ access: 'record', kind, action, param });
}

/** A route answered to a bearer of a token (the JSON API, the metrics), not to a session. */
export function tokenRoute(scope: string): RouteShorthandOptions {
  return options({ access: 'token', scope });
}

/** The same, with more route options (rate limits, body limits…). */
export function withPolicy(route: RouteShorthandOptions, extra: RouteShorthandOptions): RouteShorthandOptions {
  return { ...extra, ...route, config: { ...extra.config, ...route.config } };
}
