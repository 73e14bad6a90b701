import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import type { Place } from '../../../domain/directory/place.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadPlace, membershipForPlace } from '../access.ts';
import type { DirectoryDeps } from '../deps.ts';
import { placeColumns } from '../records.ts';
import { directoryPlaces } from '../schema.ts';

export type UpdatePlaceRefusal = Stale | 'not-editable';

/**
 * Saves a place as its editor saw it (`version`): its owners while it is a draft or under review,
 * its officers also once published or withdrawn. Its id, owner and state do not change here.
 */
export async function updatePlace(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; placeId: string; version: number; place: Place },
): Promise<Outcome<void, UpdatePlaceRefusal>> {
  const membership = await membershipForPlace(deps.db, deps.membershipOf, input.actor, input.placeId);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadPlace(tx, deps.membershipOf, input.actor, input.placeId, {
        action: 'manage',
        lock: tx,
        membership,
      });
      if (!scoped.can.edit && !scoped.can.correct) refuse('not-editable');
      if (scoped.record.version !== input.version) refuse('stale');
      const place = { ...input.place, id: scoped.record.place.id };
      await tx
        .update(directoryPlaces)
        .set({ ...placeColumns(place), version: sql`${directoryPlaces.version} + 1`, updatedAt: new Date() })
        .where(eq(directoryPlaces.id, place.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: scoped.record.funderId,
        action: 'place.updated',
        subjectType: 'place',
        subjectId: place.id,
        before: scoped.record.place,
        after: place,
      });
    }),
  );
}
