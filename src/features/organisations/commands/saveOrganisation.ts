import { and, eq, sql } from 'drizzle-orm';
import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { communeForPostalCode } from '../../../domain/referenceData.ts';
import { organisationAbilities } from '../../../domain/organisationPolicy.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import type { OrganisationInput } from '../forms.ts';
import { membershipOf } from '../membership.ts';
import { organisationMembers, organisations } from '../schema.ts';

/** Another organisation is registered under that enterprise number. */
export type CreateOrganisationRefusal = 'enterprise-number-taken';

/** Registers an organisation; whoever registers it is its first owner. One organisation per enterprise number. */
export async function createOrganisation(
  deps: CommandDeps,
  input: { actor: MaybeActor; organisation: OrganisationInput },
): Promise<Outcome<string, CreateOrganisationRefusal>> {
  const actor = input.actor;
  authorize(actor, true, 'create organisation');
  return refusable<string, CreateOrganisationRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const [created] = await tx
        .insert(organisations)
        .values({ ...input.organisation, communeNis: communeForPostalCode(input.organisation.postalCode)?.nis ?? null })
        .onConflictDoNothing()
        .returning({ id: organisations.id });
      if (!created) return refuse('enterprise-number-taken');
      await tx.insert(organisationMembers).values({ organisationId: created.id, userId: actor.userId, role: 'owner' });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: created.id,
        after: input.organisation,
      });
      return created.id;
    }),
  );
}

/**
 * Saves the profile if nobody saved it since `version` was read; otherwise refuses with 'stale',
 * so two members never overwrite each other silently.
 */
export async function updateOrganisation(
  deps: CommandDeps,
  input: { actor: MaybeActor; organisationId: string; version: number; organisation: OrganisationInput },
): Promise<Outcome<void, Stale>> {
  const actor = input.actor;
  return refusable<void, Stale>((refuse) =>
    inTransaction(deps, async (tx) => {
      const membership = await membershipOf(tx, actor, input.organisationId);
      if (!membership && actor) throw new NotFoundError('organisation');
      authorize(actor, organisationAbilities(membership).edit, 'edit organisation');
      const [before] = await tx.select().from(organisations).where(eq(organisations.id, input.organisationId));
      const [updated] = await tx
        .update(organisations)
        .set({
          ...input.organisation,
          communeNis: communeForPostalCode(input.organisation.postalCode)?.nis ?? null,
          version: sql`${organisations.version} + 1`,
        })
        .where(and(eq(organisations.id, input.organisationId), eq(organisations.version, input.version)))
        .returning({ id: organisations.id });
      if (!updated) return refuse('stale');
      const { id: _id, createdAt: _c, version: _v, ...previous } = before!;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: 'organisation.updated',
        subjectType: 'organisation',
        subjectId: input.organisationId,
        before: previous,
        after: input.organisation,
      });
    }),
  );
}
