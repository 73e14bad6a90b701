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
import type { JuryService } from '../jury/service.ts';
import type { ScreeningService } from '../screening/service.ts';
import type { DirectoryService } from '../directory/service.ts';
import type { BatchOutcomeRefusal, GrantsService } from '../grants/service.ts';
import type { ReportsService } from '../reports/service.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { Outcome } from '../../domain/refusal.ts';
import { authorizeApiAccess } from './access.ts';
import { createApiToken } from './commands/createApiToken.ts';
import { revokeApiToken } from './commands/revokeApiToken.ts';
import type {
  Application,
  AssignmentPage,
  CallApplications,
  CallList,
  DecisionPage,
  GrantPage,
  InboxQuery,
  MarkBatchPaid,
  PaymentBatch,
  PaymentBatchPage,
  PlacePage,
  ReportPage,
  TrancheOutcome,
  TranchePage,
  PageQuery,
  RankingPage,
  ScreeningPage,
} from './contract.ts';
import { lastChanges, pageOf } from './paging.ts';
import {
  decisionOutcomes,
  decisionSummary,
  presentAssignments,
  presentRanking,
  presentScreening,
} from './presentLifecycle.ts';
import { presentApplication, presentCall, presentInbox } from './present.ts';
import { presentBatch, presentGrant, presentPlace, presentReport, presentTranche } from './presentGrants.ts';
import { apiTokens } from './schema.ts';
import { recordApiTokenUse, type ApiTokenUse } from './commands/recordApiTokenUse.ts';
import { actorForApiToken, type TokenLookup } from './tokens.ts';

export type ApiDeps = CommandDeps & {
  calls: CallsService;
  applications: ApplicationsService;
  screening: ScreeningService;
  jury: JuryService;
  scoring: ScoringService;
  decisions: DecisionsService;
  grants: GrantsService;
  reports: ReportsService;
  directory: DirectoryService;
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
  /** One batch as the funder's list presents it: what a write answers. */
  async function batchAsListed(actor: MaybeActor, batchId: string): Promise<z.output<typeof PaymentBatch>> {
    const { scoped, tranches } = await deps.grants.batchPage(actor, batchId);
    const changed = await lastChanges(deps.db, 'payment-batch', [scoped.record.id]);
    return presentBatch(
      scoped.record,
      tranches.map((t) => t.tranche.id),
      changed.get(scoped.record.id),
    );
  }

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

    /**
     * Who reviews which application, jurors named: for the call's officers only, as the jury's board
     * (a juror, an applicant or anyone else is refused the call, as on its pages).
     */
    async assignments(actor: MaybeActor, callId: string, query: PageQuery): Promise<z.output<typeof AssignmentPage>> {
      const board = await deps.jury.board(actor, callId);
      const page = pageOf(presentAssignments(board), (r) => r.key, query);
      return {
        callId: board.managed.call.id,
        assignments: page.rows.map(({ key: _key, ...row }) => row),
        nextCursor: page.nextCursor,
      };
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

    /** A call's grants with their states, ledgers and agreement versions: for its officers, as the grants page. */
    async grants(actor: MaybeActor, callId: string, query: PageQuery): Promise<z.output<typeof GrantPage>> {
      const { call, grants } = await deps.grants.callGrants(actor, callId);
      const changed = await lastChanges(
        deps.db,
        'grant',
        grants.map((g) => g.id),
      );
      const page = pageOf(
        grants.map((g) => presentGrant(g, changed.get(g.id))),
        (g) => g.reference,
        query,
      );
      return { callId: call.record.id, grants: page.rows, nextCursor: page.nextCursor };
    },

    /** A grant's tranches, in their order; a grant the actor may not see is not found. */
    async tranches(actor: MaybeActor, grantId: string, query: PageQuery): Promise<z.output<typeof TranchePage>> {
      const { scoped } = await deps.grants.grantPage(actor, grantId);
      const { row, tranches } = scoped.record;
      const changed = (await lastChanges(deps.db, 'grant', [row.id])).get(row.id);
      // Put in a batch, or the batch paid: audited on the batch, not the grant.
      const batches = await lastChanges(
        deps.db,
        'payment-batch',
        tranches.flatMap((t) => (t.batchId ? [t.batchId] : [])),
      );
      const page = pageOf(
        tranches.map((t) => presentTranche(t, changed, t.batchId ? batches.get(t.batchId) : undefined)),
        (t) => t.number,
        query,
      );
      return { grantId: row.id, tranches: page.rows, nextCursor: page.nextCursor };
    },

    /** A grant's reports with their indicator values, by due date. */
    async reports(actor: MaybeActor, grantId: string, query: PageQuery): Promise<z.output<typeof ReportPage>> {
      const { grant, reports } = await deps.reports.readGrantReports(actor, grantId);
      const changed = await lastChanges(
        deps.db,
        'grant-report',
        reports.map((r) => r.id),
      );
      const rows = reports
        .map((r) => ({ key: `${r.dueAt.toISOString()}|${r.id}`, report: presentReport(r, changed.get(r.id)) }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const page = pageOf(
        rows.map((r) => ({ ...r, changedAt: r.report.changedAt })),
        (r) => r.key,
        query,
      );
      return { grantId: grant.record.row.id, reports: page.rows.map((r) => r.report), nextCursor: page.nextCursor };
    },

    /**
     * A funder's payment batches across its calls, oldest first, with the tranches each pays; not the
     * SEPA files. A funder whose calls the actor does not run is not found.
     */
    async paymentBatches(
      actor: MaybeActor,
      funderId: string,
      query: PageQuery,
    ): Promise<z.output<typeof PaymentBatchPage>> {
      authorizeApiAccess(actor);
      if (!canManageCalls(actor, funderId)) throw new NotFoundError('funder');
      const calls = (await deps.calls.managedCalls(actor)).filter((c) => c.record.funderId === funderId);
      const batches = [];
      for (const call of calls) batches.push(...(await deps.grants.paymentsPage(actor, call.record.id)).batches);
      const changed = await lastChanges(
        deps.db,
        'payment-batch',
        batches.map((b) => b.id),
      );
      const rows = [];
      for (const batch of batches) {
        const { tranches } = await deps.grants.batchPage(actor, batch.id);
        const present = presentBatch(
          batch,
          tranches.map((t) => t.tranche.id),
          changed.get(batch.id),
        );
        rows.push({ key: `${present.createdAt}|${batch.id}`, changedAt: present.changedAt, present });
      }
      rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const page = pageOf(rows, (r) => r.key, query);
      return { funderId, batches: page.rows.map((r) => r.present), nextCursor: page.nextCursor };
    },

    /**
     * The funder's accounting system tells that the bank executed a batch: the officers' own command (its
     * audit row fires the `batch.paid` webhook), then the batch as listed.
     */
    async markBatchPaid(
      actor: MaybeActor,
      batchId: string,
      body: z.output<typeof MarkBatchPaid>,
    ): Promise<Outcome<z.output<typeof PaymentBatch>, BatchOutcomeRefusal>> {
      authorizeApiAccess(actor);
      const paid = await deps.grants.markBatchPaid({ actor, batchId, paidOn: body.paidOn });
      return paid.ok ? { ok: true, value: await batchAsListed(actor, batchId) } : paid;
    },

    /** The same system tells that one transfer of a batch was rejected (`failed`) or sent back (`returned`). */
    async recordTrancheOutcome(
      actor: MaybeActor,
      input: { batchId: string; trancheId: string; outcome: 'failed' | 'returned' },
      body: z.output<typeof TrancheOutcome>,
    ): Promise<Outcome<z.output<typeof PaymentBatch>, BatchOutcomeRefusal>> {
      authorizeApiAccess(actor);
      const done = await deps.grants.recordTrancheFailure({ actor, ...input, reason: body.reason });
      return done.ok ? { ok: true, value: await batchAsListed(actor, input.batchId) } : done;
    },

    /** The directory's published places (never a draft or a withdrawn one), by id. */
    async places(actor: MaybeActor, query: PageQuery): Promise<z.output<typeof PlacePage>> {
      authorizeApiAccess(actor);
      const places = await deps.directory.openData();
      const changed = await lastChanges(
        deps.db,
        'place',
        places.map((p) => p.id),
      );
      const sorted = [...places].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = pageOf(
        sorted.map((p) => presentPlace(p, changed.get(p.id))),
        (p) => p.id,
        query,
      );
      return { places: page.rows, nextCursor: page.nextCursor };
    },
  };
}
export type ApiService = ReturnType<typeof apiService>;
