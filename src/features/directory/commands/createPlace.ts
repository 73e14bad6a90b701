import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { Place } from '../../../domain/directory/place.ts';
import { curatesDirectory } from '../../../domain/directory/placePolicy.ts';
import { ForbiddenError, NotFoundError, SignInRequiredError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { funders } from '../../../platform/identity/schema.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DirectoryDeps } from '../deps.ts';
import { placeColumns } from '../records.ts';
import { directoryPlaces } from '../schema.ts';

export type CreatePlaceRefusal = 'id-taken';

/**
 * Adds a place as a draft: for an organisation, by one of its members (the funder then reviews
 * it), or for the funder itself, by one of its officers. The place is checked as of its creation.
 */
export async function createPlace(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; place: Place; funderId: string; organisationId: string | null },
): Promise<Outcome<string, CreatePlaceRefusal>> {
  const { actor } = input;
  if (!actor) throw new SignInRequiredError();
  // A stranger to the organisation is told it does not exist, as on its other pages.
  if (input.organisationId && !(await deps.membershipOf(actor, input.organisationId)))
    throw new NotFoundError('organisation');
  if (!isUuid(input.funderId)) throw new ForbiddenError('add a place');
  if (!input.organisationId && !curatesDirectory(actor, input.funderId)) throw new ForbiddenError('add a place');
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const [funder] = await tx.select({ id: funders.id }).from(funders).where(eq(funders.id, input.funderId));
      if (!funder) throw new ForbiddenError('add a place');
      const written = await tx
        .insert(directoryPlaces)
        .values({
          ...placeColumns(input.place),
          funderId: input.funderId,
          organisationId: input.organisationId,
          state: 'draft',
        })
        .onConflictDoNothing()
        .returning({ id: directoryPlaces.id });
      if (!written.length) refuse('id-taken');
      await recordAudit(tx, {
        actorId: actor.userId,
        funderId: input.funderId,
        action: 'place.created',
        subjectType: 'place',
        subjectId: input.place.id,
        after: { organisationId: input.organisationId, name: input.place.name },
      });
      return input.place.id;
    }),
  );
}
