import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { RuleViolationError } from '../../../domain/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { calls } from '../../calls/schema.ts';
import type { DecisionsDeps } from '../deps.ts';
import { callDecisions } from '../schema.ts';

/** Makes a decided call's results public: its results page and its grants in the open-data feed. */
export async function publishResults(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; now?: Date },
): Promise<void> {
  const { call } = await deps.calls.callForManagement(input.actor, input.callId);
  await inTransaction(deps, async (tx) => {
    const [locked] = await tx.select({ status: calls.status }).from(calls).where(eq(calls.id, call.id)).for('update');
    if (locked?.status !== 'decided') throw new RuleViolationError(['not-decided']);
    await tx
      .update(callDecisions)
      .set({ resultsPublishedAt: input.now ?? new Date() })
      .where(eq(callDecisions.callId, call.id));
    await tx
      .update(calls)
      .set({ status: 'results-published', version: sql`${calls.version} + 1` })
      .where(eq(calls.id, call.id));
    await recordAudit(tx, {
      actorId: input.actor!.userId,
      funderId: call.funderId,
      action: 'call.results-published',
      subjectType: 'call',
      subjectId: call.id,
      before: { status: 'decided' },
      after: { status: 'results-published' },
    });
  });
}
