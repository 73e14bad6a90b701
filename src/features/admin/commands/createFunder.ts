import { authorize, canManageFunders, type MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { funders } from '../../../platform/identity/schema.ts';

/** Adds a funder (a tenant); installation administrators only. The short name must be free. */
export async function createFunder(
  deps: CommandDeps,
  input: { actor: MaybeActor; slug: string; name: Translated; description?: Translated },
): Promise<string> {
  const actor = input.actor;
  authorize(actor, canManageFunders(actor), 'create funder');
  return inTransaction(deps, async (tx) => {
    const [created] = await tx
      .insert(funders)
      .values({ slug: input.slug, name: input.name, description: input.description ?? { fr: '' } })
      .onConflictDoNothing()
      .returning({ id: funders.id });
    if (!created) throw new RuleViolationError(['slug-taken']);
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: created.id,
      action: 'funder.created',
      subjectType: 'funder',
      subjectId: created.id,
      after: { slug: input.slug, name: input.name },
    });
    return created.id;
  });
}
