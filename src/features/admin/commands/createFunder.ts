import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { installationAbilities } from '../../../domain/adminPolicy.ts';
import type { Locale } from '../../../domain/locale.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { funders } from '../../../platform/identity/schema.ts';

export type CreateFunderRefusal = 'slug-taken';

/** Adds a funder (a tenant); installation administrators only. The short name must be free. */
export async function createFunder(
  deps: CommandDeps,
  input: {
    actor: MaybeActor;
    slug: string;
    name: Translated;
    description?: Translated;
    requiredLanguages?: Locale[];
  },
): Promise<Outcome<string, CreateFunderRefusal>> {
  const actor = input.actor;
  authorize(actor, installationAbilities(actor).createFunders, 'create funder');
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [created] = await tx
        .insert(funders)
        .values({
          slug: input.slug,
          name: input.name,
          description: input.description ?? { fr: '' },
          ...(input.requiredLanguages ? { requiredLanguages: input.requiredLanguages } : {}),
        })
        .onConflictDoNothing()
        .returning({ id: funders.id });
      if (!created) return refuse('slug-taken');
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: created.id,
        action: 'funder.created',
        subjectType: 'funder',
        subjectId: created.id,
        after: { slug: input.slug, name: input.name },
      });
      return created.id;
    }),
  );
}
