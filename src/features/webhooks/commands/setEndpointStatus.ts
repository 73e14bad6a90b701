import type { MaybeActor } from '../../../domain/access.ts';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadEndpoint } from '../access.ts';
import { webhookEndpoints } from '../schema.ts';

/**
 * Pauses an endpoint (nothing leaves, events still queue) or resumes it (its failures forgotten, its
 * queued deliveries leave at the next run). Setting the status it already has changes nothing.
 */
export async function setEndpointStatus(
  deps: CommandDeps,
  input: { actor: MaybeActor; endpointId: string; status: 'active' | 'paused'; now?: Date },
): Promise<void> {
  await loadEndpoint(deps.db, input.actor, input.endpointId);
  await inTransaction(deps, async (tx) => {
    const { record } = await loadEndpoint(tx, input.actor, input.endpointId, { lock: tx });
    if (record.status === input.status) return;
    const now = input.now ?? new Date();
    await tx
      .update(webhookEndpoints)
      .set(
        input.status === 'active'
          ? { status: 'active', consecutiveFailures: 0, pausedAt: null }
          : { status: 'paused', pausedAt: now },
      )
      .where(eq(webhookEndpoints.id, record.id));
    await recordAudit(tx, {
      actorId: input.actor!.userId,
      funderId: record.funderId,
      action: input.status === 'active' ? 'webhook.resumed' : 'webhook.paused',
      subjectType: 'webhook-endpoint',
      subjectId: record.id,
      before: { status: record.status },
      after: { status: input.status },
    });
  });
}
