import { sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { decisionAllowed, type DecisionProblem, type EligibilityDecision } from '../../../domain/screening.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { lockChecklist, screeningFor } from '../access.ts';
import type { ScreeningDeps } from '../deps.ts';
import { decisionMail } from '../mails.ts';
import { eligibilityDecisions } from '../schema.ts';
import type { OfficerTransitionRefusal } from '../../applications/service.ts';

/**
 * Why a decision is not taken: no reason for "ineligible", a checklist saved since the officer read
 * it, a checklist that does not support the decision, or an application no longer awaiting one.
 */
export type DecideEligibilityRefusal = 'reason-required' | Stale | DecisionProblem | OfficerTransitionRefusal;

/**
 * Declares a submitted application eligible or not, on the checklist as saved — and as the officer
 * saw it (`checklistVersion`), so a colleague's later change is never decided on unseen. Eligible
 * needs every criterion met; ineligible at least one not met and a reason, and records the unmet
 * criteria. The status moves, the decision joins the history, and every member of the organisation
 * is told in their language, in one transaction.
 */
export async function decideEligibility(
  deps: ScreeningDeps,
  input: {
    actor: MaybeActor;
    applicationId: string;
    decision: EligibilityDecision;
    reason: string;
    checklistVersion: number;
    now?: Date;
  },
): Promise<Outcome<void, DecideEligibilityRefusal>> {
  const { view, managed, criteria, funderId, actorId } = await screeningFor(deps, input.actor, input.applicationId);
  const reason = input.reason.trim();
  const recipients = await deps.organisations.recipients(view.application.organisationId);
  return refusable<void, DecideEligibilityRefusal>(async (refuse) => {
    if (input.decision === 'ineligible' && !reason) refuse('reason-required');
    await inTransaction(deps, async (tx) => {
      const checklist = await lockChecklist(tx, view.application.id);
      if (checklist.version !== input.checklistVersion) refuse('stale');
      const allowed = decisionAllowed(checklist.verdicts, criteria, input.decision);
      if (!allowed.ok) return refuse(allowed.error);
      // Refused ('invalid-transition') unless the application is still submitted, re-read under lock.
      const moved = await deps.applications.transitionByOfficer(tx, {
        applicationId: view.application.id,
        event: input.decision === 'eligible' ? 'declare-eligible' : 'declare-ineligible',
        actorId,
        funderId,
        reason: reason || null,
        ...(input.now ? { now: input.now } : {}),
      });
      if (!moved.ok) refuse(...moved.refusals);
      // The clock at insertion, not the transaction's start: the history's order is the order of commits.
      const [decision] = await tx
        .insert(eligibilityDecisions)
        .values({
          applicationId: view.application.id,
          kind: input.decision,
          unmetCriteria: allowed.value.unmet,
          reason,
          decidedBy: actorId,
          decidedAt: sql`clock_timestamp()`,
        })
        .returning({ id: eligibilityDecisions.id });
      await recordAudit(tx, {
        actorId,
        funderId,
        action: 'screening.decided',
        subjectType: 'application',
        subjectId: view.application.id,
        after: {
          decision: input.decision,
          unmetCriteria: allowed.value.unmet,
          verdicts: checklist.verdicts,
          decisionId: decision!.id,
        },
        reason: reason || null,
      });
      const unmet = criteria.filter((c) => allowed.value.unmet.includes(c.id));
      for (const to of recipients) {
        await enqueueMail(
          tx,
          decisionMail({
            to,
            decision: input.decision,
            application: view.application,
            callTitle: managed.call.title,
            unmet,
            reason,
            publicUrl: deps.publicUrl,
          }),
        );
      }
    });
  });
}
