import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DeliveryStatus, WebhookEvent } from '../../domain/webhooks.ts';
import { funders, users } from '../../platform/identity/schema.ts';

/**
 * An address a funder's administrator registered to hear of events at that funder. Its secret
 * (`whsec_` + base64) signs each delivery; it is kept in clear because signing needs it, and shown
 * only to the funder's administrators. An endpoint that keeps failing is paused, never deleted.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    events: text('events').array().$type<WebhookEvent[]>().notNull(),
    secret: text('secret').notNull(),
    status: text('status').$type<'active' | 'paused'>().notNull().default('active'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_funder_idx').on(t.funderId)],
);

/**
 * One event for one endpoint: the outbox of webhooks. Made from an audit row (its `seq`), so an
 * event is queued once per endpoint whatever happens; sent, retried on a schedule and replayed from
 * here. Its id is the `webhook-id` the receiver uses to ignore a repeat.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
    event: text('event').$type<WebhookEvent>().notNull(),
    /** The JSON body, as sent every time (a replay sends the same bytes). */
    payload: text('payload').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** No instance takes it before this instant: another is sending it. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_idx').on(t.endpointId, t.auditSeq),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** How far the audit trail has been read for events: one row, moved in the transaction that queues them. */
export const webhookCursor = pgTable('webhook_cursor', {
  id: integer('id').primaryKey(),
  auditSeq: bigint('audit_seq', { mode: 'number' }).notNull(),
});

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
