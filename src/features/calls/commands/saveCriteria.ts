import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { criteriaProblems, type CallCriteria } from '../../../domain/callCriteria.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../schema.ts';
import { callForChange } from './updateCall.ts';

/** Saves a call's eligibility and evaluation criteria, required documents and tranche plan, all at once. */
export async function saveCriteria(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; version: number; criteria: CallCriteria },
): Promise<void> {
  const problems = criteriaProblems(input.criteria);
  if (problems.length) throw new RuleViolationError(problems.map((p) => p.code));
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'edit criteria');
    if (call.version !== input.version) throw new RuleViolationError(['stale']);
    await tx
      .update(calls)
      .set({ ...input.criteria, version: sql`${calls.version} + 1` })
      .where(eq(calls.id, call.id));
    const before: CallCriteria = {
      eligibilityCriteria: call.eligibilityCriteria,
      evaluationCriteria: call.evaluationCriteria,
      overallThreshold: call.overallThreshold,
      requiredDocuments: call.requiredDocuments,
      tranchePlan: call.tranchePlan,
    };
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.criteria-saved',
      subjectType: 'call',
      subjectId: call.id,
      before,
      after: input.criteria,
    });
  });
}
