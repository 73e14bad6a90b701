import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { PLACE_LIFECYCLE, type PlaceEvent } from '../../../domain/directory/placeLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadPlace, membershipForPlace } from '../access.ts';
import type { DirectoryDeps } from '../deps.ts';
import { directoryPlaces } from '../schema.ts';

export type TransitionPlaceRefusal = 'invalid-transition';

/**
 * Moves a place through its lifecycle (submit, return, publish, withdraw), as the policy allows the
 * actor in the state read under lock; the change and its audit row in one transaction.
 */
export async function transitionPlace(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; placeId: string; event: PlaceEvent; reason?: string | null },
): Promise<Outcome<void, TransitionPlaceRefusal>> {
  const membership = await membershipForPlace(deps.db, deps.membershipOf, input.actor, input.placeId);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadPlace(tx, deps.membershipOf, input.actor, input.placeId, {
        action: input.event,
        lock: tx,
        membership,
      });
      const moved = PLACE_LIFECYCLE.transition(scoped.record.state, input.event, null);
      if (!scoped.can[input.event] || !moved.ok) return refuse('invalid-transition');
      await tx
        .update(directoryPlaces)
        .set({ state: moved.value, version: sql`${directoryPlaces.version} + 1`, updatedAt: new Date() })
        .where(eq(directoryPlaces.id, scoped.record.place.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: scoped.record.funderId,
        action: `place.${input.event}`,
        subjectType: 'place',
        subjectId: scoped.record.place.id,
        before: { state: scoped.record.state },
        after: { state: moved.value },
        reason: input.reason ?? null,
      });
    }),
  );
}
