import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor, MaybeActor } from '../../domain/access.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import { authorizeApiAccess } from './access.ts';
import { createApiToken } from './commands/createApiToken.ts';
import { revokeApiToken } from './commands/revokeApiToken.ts';
import type { Application, CallApplications, CallList, InboxQuery } from './contract.ts';
import { presentApplication, presentCall, presentInbox } from './present.ts';
import { apiTokens } from './schema.ts';
import { actorForApiToken } from './tokens.ts';

export type ApiDeps = CommandDeps & { calls: CallsService; applications: ApplicationsService };

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * The JSON API and its tokens. The reads go through the calls and applications services, which
 * scope every query to the actor: the API sees exactly what the same person sees on the pages.
 */
export function apiService(deps: ApiDeps) {
  return {
    createToken: (input: Parameters<typeof createApiToken>[1]) => createApiToken(deps, input),
    revokeToken: (input: Parameters<typeof revokeApiToken>[1]) => revokeApiToken(deps, input),

    /** One's own tokens only, newest first; their secrets are not here to be listed. */
    async myTokens(actor: MaybeActor): Promise<ApiTokenRow[]> {
      authorizeApiAccess(actor);
      return deps.db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          createdAt: apiTokens.createdAt,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, actor.userId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
    },

    /**
     * The actor behind a bearer token; null when it is unknown or revoked. A valid token whose
     * owner no longer runs calls anywhere is refused (ForbiddenError): tokens are for officers.
     */
    async authenticate(token: string): Promise<Actor | null> {
      const actor = await actorForApiToken(deps.db, token);
      if (actor) authorizeApiAccess(actor);
      return actor;
    },

    async calls(actor: MaybeActor): Promise<z.output<typeof CallList>> {
      return { calls: (await deps.calls.managedCalls(actor)).map((call) => presentCall(call.record)) };
    },

    async callApplications(
      actor: MaybeActor,
      callId: string,
      query: InboxQuery,
    ): Promise<z.output<typeof CallApplications>> {
      const inbox = await deps.applications.inbox(actor, callId, {
        status: query.status,
        q: query.q,
        commune: query.commune,
        targetPublic: query.public,
        minCents: query.min,
        maxCents: query.max,
        sort: query.sort,
        page: query.page,
      });
      return presentInbox(callId, inbox, query.page ?? 1);
    },

    async application(actor: MaybeActor, id: string): Promise<z.output<typeof Application>> {
      return presentApplication(await deps.applications.view(actor, id));
    },
  };
}
export type ApiService = ReturnType<typeof apiService>;
