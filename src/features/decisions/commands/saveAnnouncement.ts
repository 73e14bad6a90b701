import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsDeps } from '../deps.ts';
import { callDecisions } from '../schema.ts';

/** Keeps the officer's edit of the announcement (French and Dutch) that the decision generated. */
export async function saveAnnouncement(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; fr: string; nl: string },
): Promise<void> {
  const { call } = await deps.calls.callForManagement(input.actor, input.callId);
  await inTransaction(deps, async (tx) => {
    const [decision] = await tx
      .select({ announcement: callDecisions.announcement })
      .from(callDecisions)
      .where(eq(callDecisions.callId, call.id))
      .for('update');
    if (!decision) throw new RuleViolationError(['not-decided']);
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
  });
}
