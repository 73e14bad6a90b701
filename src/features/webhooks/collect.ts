import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { eventOfAction, type WebhookEvent } from '../../domain/webhooks.ts';
import { auditHead } from '../../platform/audit/audit.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Database, Transaction } from '../../platform/db/client.ts';
import { webhookCursor, webhookDeliveries, webhookEndpoints } from './schema.ts';

const CURSOR_ID = 1;
const BATCH = 500;

type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The body of an event, in the Standard Webhooks shape (`type`, `timestamp`, `data`). It names the
 * record and its new status, nothing personal: the receiver reads the rest through the API, with a
 * token whose scopes and funders say what it may read.
 */
export function payloadOf(row: AuditRow, event: WebhookEvent): string {
  const after = row.after as { status?: unknown } | null;
  return JSON.stringify({
    type: event,
    timestamp: row.at.toISOString(),
    data: {
      funderId: row.funderId,
      subject: { type: row.subjectType, id: row.subjectId },
      action: row.action,
      status: typeof after?.status === 'string' ? after.status : null,
      auditSeq: row.seq,
    },
  });
}

/**
 * Starts reading the audit trail from its current head, if nobody has yet: called when the first
 * endpoint is registered, so events are those that come after, never the installation's past.
 */
export async function startCursor(tx: Transaction): Promise<void> {
  const head = await auditHead(tx);
  await tx
    .insert(webhookCursor)
    .values({ id: CURSOR_ID, auditSeq: head?.seq ?? 0 })
    .onConflictDoNothing();
}

/**
 * Reads the audit rows after the cursor and queues a delivery for each endpoint that subscribed to
 * the event at the row's funder, then moves the cursor, in one transaction. Holding the cursor's row
 * lock makes concurrent instances take turns. Audit appends are serialised until their commit
 * (audit.ts), so the rows visible after the cursor are always a prefix: none is skipped.
 * Returns the number of deliveries queued.
 */
export async function collectEvents(db: Database, batch = BATCH): Promise<number> {
  return db.transaction(async (tx) => {
    const [cursor] = await tx.select().from(webhookCursor).where(eq(webhookCursor.id, CURSOR_ID)).for('update');
    if (!cursor) return 0; // no endpoint was ever registered
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, cursor.auditSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    if (!rows.length) return 0;
    const wanted = rows.flatMap((row) => {
      const event = eventOfAction(row.action);
      return event && row.funderId ? [{ row, event, funderId: row.funderId }] : [];
    });
    const funderIds = [...new Set(wanted.map((w) => w.funderId))];
    const endpoints = funderIds.length
      ? await tx
          .select({
            id: webhookEndpoints.id,
            funderId: webhookEndpoints.funderId,
            events: webhookEndpoints.events,
            createdAt: webhookEndpoints.createdAt,
          })
          .from(webhookEndpoints)
          .where(inArray(webhookEndpoints.funderId, funderIds))
      : [];
    // A paused endpoint still gets its deliveries queued: they leave when it is resumed.
    const deliveries = wanted.flatMap(({ row, event, funderId }) =>
      endpoints
        .filter((e) => e.funderId === funderId && e.events.includes(event) && e.createdAt <= row.at)
        .map((e) => ({
          endpointId: e.id,
          auditSeq: row.seq,
          event,
          payload: payloadOf(row, event),
          nextAttemptAt: row.at,
        })),
    );
    if (deliveries.length) await tx.insert(webhookDeliveries).values(deliveries).onConflictDoNothing();
    await tx
      .update(webhookCursor)
      .set({ auditSeq: rows.at(-1)!.seq })
      .where(and(eq(webhookCursor.id, CURSOR_ID)));
    return deliveries.length;
  });
}
