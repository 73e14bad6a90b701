import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { transition } from '../../../domain/applicationLifecycle.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { applicationFor, lockApplication } from '../access.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { applications } from '../schema.ts';

/** A decision was taken (or the application withdrawn) since the page was read: nothing left to withdraw. */
export type WithdrawApplicationRefusal = 'invalid-transition';

/** The organisation withdraws its application, with a reason, at any point before a decision. */
export async function withdrawApplication(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; reason: string; now?: Date },
): Promise<Outcome<void, WithdrawApplicationRefusal>> {
  const now = input.now ?? new Date();
  const { funderId } = await applicationFor(deps, input.actor, input.applicationId, 'withdraw');
  return refusable<void, WithdrawApplicationRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const application = await lockApplication(tx, input.applicationId);
      const moved = transition(application.status, 'withdraw', { now, call: { opensAt: null, closesAt: now } });
      if (!moved.ok) return refuse('invalid-transition');
      await tx
        .update(applications)
        .set({
          status: moved.value,
          withdrawnReason: input.reason,
          version: sql`${applications.version} + 1`,
          updatedBy: input.actor!.userId,
          updatedAt: now,
        })
        .where(eq(applications.id, application.id));
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        funderId,
        action: 'application.withdrawn',
        subjectType: 'application',
        subjectId: application.id,
        before: { status: application.status },
        after: { status: moved.value },
        reason: input.reason,
      });
    }),
  );
}
