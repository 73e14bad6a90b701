import { eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { grantContext } from '../../../domain/grants/grant.ts';
import { grantLifecycle, type GrantRefusal } from '../../../domain/grants/grantLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grants } from '../schema.ts';

/** What an officer does to a running grant by hand: suspend it (a breach being looked into), resume it, close it. */
export const OFFICER_GRANT_MOVES = ['suspend', 'resume', 'close'] as const;
export type OfficerGrantMove = (typeof OFFICER_GRANT_MOVES)[number];

export type MoveGrantRefusal =
  Stale | 'not-now' | Extract<GrantRefusal, 'payments-outstanding' | 'recovery-outstanding'>;

/**
 * An officer suspends a running grant (no tranche is approved or paid while it is suspended), resumes it, or
 * closes it once its final report is approved and nothing is owed either way. The reason goes to the audit
 * trail with the move. One transaction; `version` is the grant's version the officer's page showed.
 */
export async function moveGrant(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; version: number; move: OfficerGrantMove; reason: string; now?: Date },
): Promise<Outcome<void, MoveGrantRefusal>> {
  const now = input.now ?? new Date();
  const { isMember } = await loadGrant(deps, input.actor, input.grantId, { action: input.move });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, { action: input.move, lock: tx, isMember });
      const { row, grant } = scoped.record;
      if (!scoped.can[input.move]) return refuse('not-now');
      if (row.version !== input.version) return refuse('stale');
      const moved = grantLifecycle.transition(row.status, input.move, grantContext(grant, now));
      if (!moved.ok)
        return refuse(
          moved.error === 'payments-outstanding' || moved.error === 'recovery-outstanding' ? moved.error : 'not-now',
        );
      await tx
        .update(grants)
        .set({ status: moved.value, version: row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId: signedIn(scoped).userId,
        funderId: row.funderId,
        action: `grant.${input.move}`,
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value },
        reason: input.reason,
      });
    }),
  );
}
