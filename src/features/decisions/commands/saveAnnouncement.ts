import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsDeps } from '../deps.ts';
import { callDecisions } from '../schema.ts';

/** There is no decision, hence no announcement, yet. */
export type SaveAnnouncementRefusal = 'not-decided';

/** Keeps the officer's edit of the announcement (French and Dutch) that the decision generated. */
export async function saveAnnouncement(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; fr: string; nl: string },
): Promise<Outcome<void, SaveAnnouncementRefusal>> {
  const { call } = await deps.calls.callForManagement(input.actor, input.callId);
  return refusable<void, SaveAnnouncementRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const [decision] = await tx
        .select({ announcement: callDecisions.announcement })
        .from(callDecisions)
        .where(eq(callDecisions.callId, call.id))
        .for('update');
      if (!decision) return refuse('not-decided');
      await tx
        .update(callDecisions)
        .set({ announcement: { fr: input.fr, nl: input.nl } })
        .where(eq(callDecisions.callId, call.id));
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        funderId: call.funderId,
        action: 'call.announcement-saved',
        subjectType: 'call',
        subjectId: call.id,
        before: decision.announcement,
        after: { fr: input.fr, nl: input.nl },
      });
    }),
  );
}
