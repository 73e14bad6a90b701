import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { canManageCalls, type MaybeActor } from '../../domain/access.ts';
import type { ApiScope } from '../../domain/apiTokenPolicy.ts';
import type { Translated } from '../../domain/translated.ts';
import { funders } from '../../platform/identity/schema.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import type { ApplicationsService } from '../applications/service.ts';
import type { CallsService } from '../calls/service.ts';
import type { DecisionsService } from '../decisions/service.ts';
import type { ScoringService } from '../jury/scoring/service.ts';
import type { ScreeningService } from '../screening/service.ts';
import { authorizeApiAccess } from './access.ts';
import { createApiToken } from './commands/createApiToken.ts';
import { revokeApiToken } from './commands/revokeApiToken.ts';
import type {
  Application,
  CallApplications,
  CallList,
  DecisionPage,
  InboxQuery,
  PageQuery,
  RankingPage,
  ScreeningPage,
} from './contract.ts';
import { lastChanges, pageOf } from './paging.ts';
import { decisionOutcomes, decisionSummary, presentRanking, presentScreening } from './presentLifecycle.ts';
import { presentApplication, presentCall, presentInbox } from './present.ts';
import { apiTokens } from './schema.ts';
import { recordApiTokenUse, type ApiTokenUse } from './commands/recordApiTokenUse.ts';
import { actorForApiToken, type TokenLookup } from './tokens.ts';

export type ApiDeps = CommandDeps & {
  calls: CallsService;
  applications: ApplicationsService;
  screening: ScreeningService;
  scoring: ScoringService;
  decisions: DecisionsService;
};

export interface ApiTokenRow {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  scopes: ApiScope[];
  funderIds: string[] | null;
  expiresAt: Date;
}

/** A funder a token may be limited to: one at which its owner runs calls. */
export interface TokenFunder {
  id: string;
  name: Translated;
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
          scopes: apiTokens.scopes,
          funderIds: apiTokens.funderIds,
          expiresAt: apiTokens.expiresAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, actor.userId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
    },

    /** The funders the actor's tokens may be limited to, by name. */
    async tokenFunders(actor: MaybeActor): Promise<TokenFunder[]> {
      authorizeApiAccess(actor);
      const ids = [...new Set(actor.grants.filter((g) => canManageCalls(actor, g.funderId)).map((g) => g.funderId))];
      const rows = await deps.db
        .select({ id: funders.id, name: funders.name })
        .from(funders)
        .where(inArray(funders.id, ids))
        .orderBy(asc(funders.slug));
      return rows;
    },

    /**
     * Who a bearer token speaks for, for a request needing `scope`. A valid token whose owner no
     * longer runs calls at its funders is refused (ForbiddenError): tokens are for officers.
     */
    async authenticate(token: string, scope: ApiScope, now = new Date()): Promise<TokenLookup> {
      const lookup = await actorForApiToken(deps.db, token, scope, now);
      if (lookup.found && lookup.verdict.ok) authorizeApiAccess(lookup.verdict.value);
      return lookup;
    },

    /** Each answered request made with a token goes to the audit trail. */
    recordUse: (use: ApiTokenUse) => recordApiTokenUse(deps, use),

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

    /** The screening of a call's applications: for its officers only, like the screening page. */
    async screening(actor: MaybeActor, callId: string, query: PageQuery): Promise<z.output<typeof ScreeningPage>> {
      const screening = await deps.screening.callScreening(actor, callId);
      const changed = await lastChanges(
        deps.db,
        'application',
        screening.rows.map((r) => r.id),
      );
      const rows = screening.rows.map((r) => presentScreening(r, changed.get(r.id)));
      const page = pageOf(rows, (r) => r.reference, query);
      return { callId: screening.managed.call.id, outcomes: page.rows, nextCursor: page.nextCursor };
    },

    /** The ranking from the panel's consensus: scores and ranks, never who scored. */
    async ranking(actor: MaybeActor, callId: string, query: PageQuery): Promise<z.output<typeof RankingPage>> {
      const ranking = await deps.scoring.rankingView(actor, callId);
      const changed = await lastChanges(
        deps.db,
        'application',
        ranking.ranked.map((r) => r.id),
      );
      const rows = ranking.ranked.map((r) => presentRanking(r, changed.get(r.id)));
      const page = pageOf(rows, (r) => r.rank, query);
      return {
        callId: ranking.managed.call.id,
        ranking: page.rows,
        awaiting: ranking.awaiting.length,
        nextCursor: page.nextCursor,
      };
    },

    /** The call's decision and its outcomes; read only, nothing is computed again. */
    async decision(actor: MaybeActor, callId: string, query: PageQuery): Promise<z.output<typeof DecisionPage>> {
      const facts = await deps.decisions.facts(actor, callId);
      const page = pageOf(decisionOutcomes(facts), (r) => r.reference, query);
      return {
        callId: facts.managed.call.id,
        decision: decisionSummary(facts),
        outcomes: page.rows,
        nextCursor: page.nextCursor,
      };
    },
  };
}
export type ApiService = ReturnType<typeof apiService>;
