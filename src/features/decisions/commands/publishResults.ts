import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { DecisionsDeps } from '../deps.ts';
import { callDecisions } from '../schema.ts';

/** The call is not decided, or its results are already public. */
export type PublishResultsRefusal = 'not-decided';

/** Makes a decided call's results public: its results page and its grants in the open-data feed. */
export async function publishResults(
  deps: DecisionsDeps,
  input: { actor: MaybeActor; callId: string; now?: Date },
): Promise<Outcome<void, PublishResultsRefusal>> {
  const { scoped, call } = await deps.calls.callForManagement(input.actor, input.callId);
  const now = input.now ?? new Date();
  return refusable<void, PublishResultsRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const moved = await deps.calls.transitionCall(tx, scoped, { event: 'publish-results', now });
      if (!moved.ok) refuse('not-decided');
      await tx.update(callDecisions).set({ resultsPublishedAt: now }).where(eq(callDecisions.callId, call.id));
    }),
  );
}
