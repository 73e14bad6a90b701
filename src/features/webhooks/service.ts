import { and, desc, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import type { Translated } from '../../domain/translated.ts';
import type { CommandDeps } from '../../platform/db/unitOfWork.ts';
import { loadEndpoint, loadWebhookFunder } from './access.ts';
import { collectEvents } from './collect.ts';
import { registerEndpoint } from './commands/registerEndpoint.ts';
import { replayDelivery } from './commands/replayDelivery.ts';
import { setEndpointStatus } from './commands/setEndpointStatus.ts';
import { deliverDue } from './deliver.ts';
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from './schema.ts';

export type WebhooksDeps = CommandDeps & {
  /** Plain-http endpoints allowed (WEBHOOKS_ALLOW_HTTP): for a receiver on the same machine, never in production. */
  allowHttp: boolean;
  /** Consecutive failed attempts that pause an endpoint; PAUSE_AFTER_FAILURES unless a test says. */
  pauseAfter?: number;
};

export interface EndpointRow extends Omit<WebhookEndpoint, 'secret'> {
  pending: number;
  failed: number;
}

/** How many deliveries an endpoint's page lists, newest first. */
export const DELIVERIES_SHOWN = 50;

/**
 * Webhooks: a funder's administrators register endpoints and choose events; events come from the
 * audit trail (collect.ts), leave signed from an outbox of deliveries (deliver.ts), are retried on a
 * schedule, shown with their status and replayed; an endpoint that keeps failing is paused.
 */
export function webhooksService(deps: WebhooksDeps) {
  return {
    registerEndpoint: (input: Parameters<typeof registerEndpoint>[1]) => registerEndpoint(deps, input),
    setEndpointStatus: (input: Parameters<typeof setEndpointStatus>[1]) => setEndpointStatus(deps, input),
    replayDelivery: (input: Parameters<typeof replayDelivery>[1]) => replayDelivery(deps, input),

    /** The clock's part: queue the events the audit trail holds since last time, then send what is due. */
    collect: () => collectEvents(deps.db),
    deliver: (now?: Date) => deliverDue(deps, now),
    async run(now?: Date) {
      const queued = await collectEvents(deps.db);
      return { queued, ...(await deliverDue(deps, now)) };
    },

    /** A funder's endpoints with their backlog, for its administrators. */
    async funderEndpoints(
      actor: MaybeActor,
      funderId: string,
    ): Promise<{ funder: { id: string; name: Translated }; endpoints: EndpointRow[] }> {
      const funder = await loadWebhookFunder(deps.db, actor, funderId);
      const rows = await deps.db
        .select({
          endpoint: webhookEndpoints,
          pending: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'pending')`,
          failed: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.status = 'failed')`,
        })
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.funderId, funder.id))
        .orderBy(desc(webhookEndpoints.createdAt));
      return {
        funder: { id: funder.id, name: funder.name },
        endpoints: rows.map(({ endpoint: { secret: _secret, ...endpoint }, pending, failed }) => ({
          ...endpoint,
          pending,
          failed,
        })),
      };
    },

    /** One endpoint, its secret (for its funder's administrators only) and its latest deliveries. */
    async endpoint(
      actor: MaybeActor,
      id: string,
      filter: { status?: WebhookDelivery['status'] } = {},
    ): Promise<{ endpoint: WebhookEndpoint; deliveries: WebhookDelivery[] }> {
      const { record } = await loadEndpoint(deps.db, actor, id);
      const deliveries = await deps.db
        .select()
        .from(webhookDeliveries)
        .where(
          and(
            eq(webhookDeliveries.endpointId, record.id),
            filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
          ),
        )
        .orderBy(desc(webhookDeliveries.auditSeq))
        .limit(DELIVERIES_SHOWN);
      return { endpoint: record, deliveries };
    },
  };
}
export type WebhooksService = ReturnType<typeof webhooksService>;
