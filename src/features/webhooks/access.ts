import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import { SignInRequiredError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { enforceFor, verdictOf, type Abilities, type Scoped } from '../../domain/policy.ts';
import { funderRelation } from '../../domain/adminPolicy.ts';
import { webhookAbilities, WEBHOOK_POLICY } from '../../domain/webhooks.ts';
import type { Executor, Transaction } from '../../platform/db/client.ts';
import { funders } from '../../platform/identity/schema.ts';
import { webhookEndpoints, type WebhookEndpoint } from './schema.ts';

export type ScopedEndpoint = Scoped<WebhookEndpoint, 'manage'>;

/** Whether the actor manages the webhooks of this funder; a funder they may not see is "not found". */
export async function loadWebhookFunder(
  db: Executor,
  actor: MaybeActor,
  funderId: string,
): Promise<{ id: string; name: typeof funders.$inferSelect.name; can: Abilities<'manage'> }> {
  if (!actor) throw new SignInRequiredError();
  const [funder] = isUuid(funderId)
    ? await db.select({ id: funders.id, name: funders.name }).from(funders).where(eq(funders.id, funderId))
    : [];
  const subject = { id: funderId };
  enforceFor(
    actor,
    (a) =>
      verdictOf(WEBHOOK_POLICY, {
        actor: a,
        relation: funder ? funderRelation(a, funder) : null,
        subject,
        action: 'manage',
      }),
    'webhooks of funder',
  );
  return { ...funder!, can: webhookAbilities(actor, funder!) };
}

/** An endpoint for the administrators of its funder; "not found" for anyone else. */
export async function loadEndpoint(
  db: Executor,
  actor: MaybeActor,
  id: string,
  opts: { lock?: Transaction } = {},
): Promise<ScopedEndpoint> {
  if (!actor) throw new SignInRequiredError();
  const query = (opts.lock ?? db).select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  const [endpoint] = isUuid(id) ? await (opts.lock ? query.for('update') : query) : [];
  const subject = { id: endpoint?.funderId ?? '' };
  enforceFor(
    actor,
    (a) =>
      verdictOf(WEBHOOK_POLICY, {
        actor: a,
        relation: endpoint ? funderRelation(a, subject) : null,
        subject,
        action: 'manage',
      }),
    'webhook endpoint',
  );
  return { record: endpoint!, actor, can: webhookAbilities(actor, subject) };
}
