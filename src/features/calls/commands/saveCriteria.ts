import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { criteriaProblems, type CallCriteria, type CriteriaProblem } from '../../../domain/callCriteria.ts';
import { changeRefusals, type ChangeRefusal } from '../../../domain/callParts.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { loadCall } from '../access.ts';
import { recordCorrection } from '../corrections.ts';
import { calls } from '../schema.ts';

export type SaveCriteriaRefusal = Stale | ChangeRefusal | CriteriaProblem['code'];

/**
 * Saves a call's eligibility and evaluation criteria, required documents and tranche plan, all at
 * once. After publication it is a correction with its note; after the decision the criteria are locked.
 */
export async function saveCriteria(
  deps: CommandDeps,
  input: {
    actor: MaybeActor;
    callId: string;
    version: number;
    criteria: CallCriteria;
    correctionNote?: Translated | null;
  },
): Promise<Outcome<void, SaveCriteriaRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'editCriteria', lock: tx });
      const call = scoped.record;
      if (call.version !== input.version) refuse('stale');
      const [locked, ...moreLocked] = changeRefusals(call.status, ['criteria'], !!input.correctionNote?.fr.trim());
      if (locked) refuse(locked, ...moreLocked);
      const [problem, ...more] = criteriaProblems(input.criteria).map((p) => p.code);
      if (problem) refuse(problem, ...more);
      await tx
        .update(calls)
        .set({ ...input.criteria, version: sql`${calls.version} + 1` })
        .where(eq(calls.id, call.id));
      const actorId = signedIn(scoped).userId;
      await recordCorrection(tx, {
        callId: call.id,
        status: call.status,
        callVersion: call.version + 1,
        parts: ['criteria'],
        note: input.correctionNote ?? null,
        actorId,
      });
      const before: CallCriteria = {
        eligibilityCriteria: call.eligibilityCriteria,
        evaluationCriteria: call.evaluationCriteria,
        overallThreshold: call.overallThreshold,
        requiredDocuments: call.requiredDocuments,
        tranchePlan: call.tranchePlan,
      };
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.criteria-saved',
        subjectType: 'call',
        subjectId: call.id,
        before,
        after: input.criteria,
        reason: input.correctionNote?.fr ?? null,
      });
    }),
  );
}
