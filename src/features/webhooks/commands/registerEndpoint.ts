import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import {
  endpointUrlProblem,
  WEBHOOK_EVENT_TYPES,
  type EndpointUrlRefusal,
  type WebhookEvent,
} from '../../../domain/webhooks.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadWebhookFunder } from '../access.ts';
import { startCursor } from '../collect.ts';
import { webhookEndpoints } from '../schema.ts';
import { newWebhookSecret } from '../signature.ts';

export type RegisterEndpointRefusal = EndpointUrlRefusal | 'no-event';

/**
 * Registers an endpoint at a funder for the events chosen, with a new secret, and returns both. It
 * hears of events from now on (the audit trail's reading starts at the first registration); the
 * audit row names the address and events, never the secret.
 */
export async function registerEndpoint(
  deps: CommandDeps & { allowHttp: boolean },
  input: { actor: MaybeActor; funderId: string; url: string; description: string; events: readonly WebhookEvent[] },
): Promise<Outcome<{ id: string; secret: string }, RegisterEndpointRefusal>> {
  const funder = await loadWebhookFunder(deps.db, input.actor, input.funderId);
  const actorId = input.actor!.userId;
  const events = WEBHOOK_EVENT_TYPES.filter((e) => input.events.includes(e));
  return refusable(async (refuse) => {
    const refusals: RegisterEndpointRefusal[] = [];
    const problem = endpointUrlProblem(input.url, deps.allowHttp);
    if (problem) refusals.push(problem);
    if (!events.length) refusals.push('no-event');
    if (refusals.length) return refuse(...(refusals as [RegisterEndpointRefusal]));
    return inTransaction(deps, async (tx) => {
      await startCursor(tx);
      const secret = newWebhookSecret();
      const [row] = await tx
        .insert(webhookEndpoints)
        .values({
          funderId: funder.id,
          url: input.url,
          description: input.description,
          events,
          secret,
          createdBy: actorId,
        })
        .returning({ id: webhookEndpoints.id });
      await recordAudit(tx, {
        actorId,
        funderId: funder.id,
        action: 'webhook.registered',
        subjectType: 'webhook-endpoint',
        subjectId: row!.id,
        after: { url: input.url, events },
      });
      return { id: row!.id, secret };
    });
  });
}
