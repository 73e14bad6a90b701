import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { afterFailure, isDelivered } from '../../domain/webhooks.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database, Transaction } from '../../platform/db/client.ts';
import { funders, users } from '../../platform/identity/schema.ts';
import { enqueueMail, type MailDelivery } from '../../platform/mail/outbox.ts';
import { pausedMail } from './mails.ts';
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from './schema.ts';
import { signedHeaders } from './signature.ts';

/** Deliveries claimed at once; a claim outlasts the timeout of each of them. */
const BATCH = 10;
const TIMEOUT_MS = 10_000;
const CLAIM_SECONDS = 120;

export interface DeliveryDeps {
  db: Database;
  mail: MailDelivery;
  log: Logger;
  publicUrl: string;
  /** Consecutive failed attempts that pause an endpoint (PAUSE_AFTER_FAILURES by default). */
  pauseAfter?: number;
}

/**
 * Takes the due deliveries of active endpoints that no other instance holds (`FOR UPDATE SKIP
 * LOCKED`, then a claim that lasts CLAIM_SECONDS, as the mail outbox does), oldest first.
 */
async function claimDue(db: Database, now: Date) {
  const active = db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.status, 'active'));
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
        or(isNull(webhookDeliveries.claimedUntil), lte(webhookDeliveries.claimedUntil, now)),
        inArray(webhookDeliveries.endpointId, active),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.auditSeq))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000) })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  return claimed.sort((a, b) => a.auditSeq - b.auditSeq);
}

/** One POST, signed; redirects are not followed (a receiver moved is a failure to look at, not a hop). */
async function post(
  endpoint: WebhookEndpoint,
  delivery: WebhookDelivery,
  now: Date,
): Promise<{ status: number | null; error: string | null }> {
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Octroi-Webhooks/1',
        ...signedHeaders(endpoint.secret, delivery.id, timestamp, delivery.payload),
      },
      body: delivery.payload,
    });
    await response.body?.cancel();
    return { status: response.status, error: isDelivered(response.status) ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: null, error: String(cause ?? (error as Error).message).slice(0, 500) };
  }
}

/** The attempt's outcome for the delivery and its endpoint, in one transaction; a pause is audited and mailed. */
async function settle(
  deps: DeliveryDeps,
  tx: Transaction,
  delivery: WebhookDelivery,
  result: { status: number | null; error: string | null },
  now: Date,
): Promise<void> {
  const attempts = delivery.attempts + 1;
  const common = {
    attempts,
    lastAttemptAt: now,
    lastStatusCode: result.status,
    lastError: result.error,
    claimedUntil: null,
  };
  if (result.error === null) {
    await tx
      .update(webhookDeliveries)
      .set({ ...common, status: 'delivered', deliveredAt: now })
      .where(eq(webhookDeliveries.id, delivery.id));
    await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: 0 })
      .where(eq(webhookEndpoints.id, delivery.endpointId));
    return;
  }
  const [endpoint] = await tx
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, delivery.endpointId))
    .for('update');
  if (!endpoint) return;
  const next = afterFailure({
    attempts,
    consecutiveFailures: endpoint.consecutiveFailures,
    now,
    ...(deps.pauseAfter ? { pauseAfter: deps.pauseAfter } : {}),
  });
  await tx
    .update(webhookDeliveries)
    .set({ ...common, status: next.status, nextAttemptAt: next.nextAttemptAt ?? now })
    .where(eq(webhookDeliveries.id, delivery.id));
  const pause = next.pause && endpoint.status === 'active';
  await tx
    .update(webhookEndpoints)
    .set({
      consecutiveFailures: next.consecutiveFailures,
      ...(pause ? { status: 'paused' as const, pausedAt: now } : {}),
    })
    .where(eq(webhookEndpoints.id, endpoint.id));
  if (!pause) return;
  await recordAudit(tx, {
    actorId: null,
    funderId: endpoint.funderId,
    action: 'webhook.paused',
    subjectType: 'webhook-endpoint',
    subjectId: endpoint.id,
    after: { status: 'paused', consecutiveFailures: next.consecutiveFailures, lastError: result.error },
  });
  const [funder] = await tx
    .select({ contactEmail: funders.contactEmail, name: funders.name })
    .from(funders)
    .where(eq(funders.id, endpoint.funderId));
  const [creator] = endpoint.createdBy
    ? await tx.select({ email: users.email }).from(users).where(eq(users.id, endpoint.createdBy))
    : [];
  const to = funder?.contactEmail ?? creator?.email;
  if (to)
    await enqueueMail(
      tx,
      pausedMail({
        to,
        endpoint,
        failures: next.consecutiveFailures,
        lastError: result.error,
        publicUrl: deps.publicUrl,
      }),
    );
}

/**
 * Sends every due delivery once; returns how many were delivered and how many failed. The clock
 * calls it; tests call it with the instant they mean, so retries come due without waiting.
 */
export async function deliverDue(deps: DeliveryDeps, now = new Date()): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (;;) {
    const claimed = await claimDue(deps.db, now);
    if (!claimed.length) break;
    const endpoints = new Map(
      (
        await deps.db
          .select()
          .from(webhookEndpoints)
          .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))]))
      ).map((e) => [e.id, e]),
    );
    for (const delivery of claimed) {
      const endpoint = endpoints.get(delivery.endpointId)!;
      // An endpoint paused by an earlier delivery of this batch sends no more of it.
      if (endpoint.status !== 'active') {
        await deps.db
          .update(webhookDeliveries)
          .set({ claimedUntil: null })
          .where(eq(webhookDeliveries.id, delivery.id));
        continue;
      }
      const result = await post(endpoint, delivery, now);
      if (result.error === null) delivered++;
      else failed++;
      await deps.db.transaction((tx) => settle(deps, tx, delivery, result, now));
      if (result.error !== null) {
        const [fresh] = await deps.db
          .select({ status: webhookEndpoints.status })
          .from(webhookEndpoints)
          .where(eq(webhookEndpoints.id, endpoint.id));
        if (fresh) endpoint.status = fresh.status;
      }
      deps.log.debug({ deliveryId: delivery.id, status: result.status, error: result.error }, 'webhook attempt');
    }
  }
  deps.mail.flush().catch((error: unknown) => deps.log.error({ err: error }, 'mail delivery run failed'));
  return { delivered, failed };
}
