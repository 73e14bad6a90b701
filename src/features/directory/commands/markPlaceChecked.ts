import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { instantToBrussels } from '../../../domain/brusselsTime.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadPlace, membershipForPlace } from '../access.ts';
import type { DirectoryDeps } from '../deps.ts';
import { directoryPlaces } from '../schema.ts';

export type MarkPlaceCheckedRefusal = 'not-published';

/** An officer confirms a published place is still as described: its "last checked" becomes today, in Brussels. */
export async function markPlaceChecked(
  deps: DirectoryDeps,
  input: { actor: MaybeActor; placeId: string; now?: Date },
): Promise<Outcome<string, MarkPlaceCheckedRefusal>> {
  const today = instantToBrussels(input.now ?? new Date()).date;
  const membership = await membershipForPlace(deps.db, deps.membershipOf, input.actor, input.placeId);
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadPlace(tx, deps.membershipOf, input.actor, input.placeId, {
        action: 'markChecked',
        lock: tx,
        membership,
      });
      if (!scoped.can.markChecked) refuse('not-published');
      await tx
        .update(directoryPlaces)
        .set({ checkedOn: today, version: sql`${directoryPlaces.version} + 1`, updatedAt: new Date() })
        .where(eq(directoryPlaces.id, scoped.record.place.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: scoped.record.funderId,
        action: 'place.checked',
        subjectType: 'place',
        subjectId: scoped.record.place.id,
        before: { checkedOn: scoped.record.place.checkedOn },
        after: { checkedOn: today },
      });
      return today;
    }),
  );
}
