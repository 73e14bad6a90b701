import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadEndpoint } from '../access.ts';
import { webhookDeliveries } from '../schema.ts';

/**
 * Sends a delivery again, as it was (same id, same body: a receiver that already has it can tell),
 * at the next run, with a fresh retry schedule. Returns its endpoint, for the page to go back to.
 */
export async function replayDelivery(
  deps: CommandDeps,
  input: { actor: MaybeActor; deliveryId: string; now?: Date },
): Promise<{ endpointId: string }> {
  if (!isUuid(input.deliveryId)) throw new NotFoundError('webhook delivery');
  return inTransaction(deps, async (tx) => {
    const [delivery] = await tx
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, input.deliveryId))
      .for('update');
    if (!delivery) throw new NotFoundError('webhook delivery');
    const { record } = await loadEndpoint(tx, input.actor, delivery.endpointId);
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: input.now ?? new Date(), claimedUntil: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    await recordAudit(tx, {
      actorId: input.actor!.userId,
      funderId: record.funderId,
      action: 'webhook.replayed',
      subjectType: 'webhook-delivery',
      subjectId: delivery.id,
      before: { status: delivery.status, attempts: delivery.attempts },
      after: { status: 'pending' },
    });
    return { endpointId: record.id };
  });
}
