import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import type { DecisionsDeps } from './deps.ts';
import { callDecisions, decisionOutcomes, type Outcome } from './schema.ts';

/** An application's part of its call's decision, as its organisation (and the call's officers) read it. */
export interface ApplicantOutcome {
  outcome: Outcome;
  /** The amount granted (selected only); `partial` when it covers only part of the request. */
  amountCents: number | null;
  partial: boolean;
  /** Not ranked because the application was found ineligible. */
  ineligible: boolean;
  /** Promoted from the reserve list after a selected project withdrew. */
  promoted: boolean;
  /** The decision's date (a calendar date, YYYY-MM-DD). */
  decidedOn: string;
  /** Whether the decision letter is written (it follows the decision's commit). */
  letterReady: boolean;
}

/**
 * The decision on one application, for the application's own page: outcome, amount and what comes
 * next, rather than only inside the PDF letter. The reader is authorised as for the application
 * itself (its organisation's members, the call's officers): anyone else gets "not found". Null
 * while the call is not decided, or for an application withdrawn from the decision.
 */
export async function applicantOutcome(
  deps: DecisionsDeps,
  actor: MaybeActor,
  applicationId: string,
): Promise<ApplicantOutcome | null> {
  await deps.applications.view(actor, applicationId);
  const [row] = await deps.db
    .select({
      outcome: decisionOutcomes.outcome,
      amountCents: decisionOutcomes.amountCents,
      partial: decisionOutcomes.partial,
      reason: decisionOutcomes.reason,
      promotedAt: decisionOutcomes.promotedAt,
      withdrawnAt: decisionOutcomes.withdrawnAt,
      letterFileId: decisionOutcomes.letterFileId,
      decidedOn: callDecisions.decidedOn,
    })
    .from(decisionOutcomes)
    .innerJoin(callDecisions, eq(callDecisions.callId, decisionOutcomes.callId))
    .where(eq(decisionOutcomes.applicationId, applicationId));
  if (!row || row.withdrawnAt) return null;
  return {
    outcome: row.outcome,
    amountCents: row.outcome === 'selected' ? row.amountCents : null,
    partial: row.partial,
    ineligible: row.reason === 'ineligible',
    promoted: row.promotedAt !== null,
    decidedOn: row.decidedOn,
    letterReady: row.letterFileId !== null,
  };
}
