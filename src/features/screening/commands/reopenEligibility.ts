import { sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { reopenRefusal, type ReopenProblem } from '../../../domain/screening.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { lastDecision, lockChecklist, screeningFor } from '../access.ts';
import type { ScreeningDeps } from '../deps.ts';
import { eligibilityDecisions } from '../schema.ts';
import type { OfficerTransitionRefusal } from '../../applications/service.ts';

/** Why a decision is not reopened: no reason, no standing "ineligible", the officer who took it, or a status moved meanwhile. */
export type ReopenEligibilityRefusal = 'reason-required' | ReopenProblem | OfficerTransitionRefusal;

/**
 * Reopens an ineligible decision for review (an appeal, an error found): by another officer than
 * the one who took it, with a reason. The application goes back to "submitted" with its checklist
 * as it was; the decision stays in the history, followed by the reopening.
 */
export async function reopenEligibility(
  deps: ScreeningDeps,
  input: { actor: MaybeActor; applicationId: string; reason: string; now?: Date },
): Promise<Outcome<void, ReopenEligibilityRefusal>> {
  const { view, funderId, actorId } = await screeningFor(deps, input.actor, input.applicationId);
  const reason = input.reason.trim();
  return refusable<void, ReopenEligibilityRefusal>(async (refuse) => {
    if (!reason) refuse('reason-required');
    await inTransaction(deps, async (tx) => {
      // The checklist's lock serialises every screening command on the application.
      await lockChecklist(tx, view.application.id);
      const refused = reopenRefusal(await lastDecision(tx, view.application.id), actorId);
      if (refused) refuse(refused);
      const moved = await deps.applications.transitionByOfficer(tx, {
        applicationId: view.application.id,
        event: 'reopen-eligibility',
        actorId,
        funderId,
        reason,
        ...(input.now ? { now: input.now } : {}),
      });
      if (!moved.ok) refuse(...moved.refusals);
      const [reopened] = await tx
        .insert(eligibilityDecisions)
        .values({
          applicationId: view.application.id,
          kind: 'reopened',
          reason,
          decidedBy: actorId,
          decidedAt: sql`clock_timestamp()`,
        })
        .returning({ id: eligibilityDecisions.id });
      await recordAudit(tx, {
        actorId,
        funderId,
        action: 'screening.reopened',
        subjectType: 'application',
        subjectId: view.application.id,
        after: { decisionId: reopened!.id },
        reason,
      });
    });
  });
}
