import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { trancheContext } from '../../../domain/grants/grant.ts';
import { approvalRefusal, type ApprovalRefusal } from '../../../domain/grants/trancheApproval.ts';
import { trancheLifecycle } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantTranches } from '../schema.ts';
import { approvalPolicyOf } from './paymentSettings.ts';

export type ApproveTrancheRefusal = ApprovalRefusal | Stale | 'not-now' | 'not-due';

/**
 * An officer approves a due tranche. Above the funder's threshold it takes two different officers (neither the
 * one who made it due): the first approval is recorded and the tranche stays due (`approved: false`); the
 * second approves it. At or under the threshold one approval is enough. One transaction with its audit row.
 */
export async function approveTranche(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; trancheId: string; version: number; now?: Date },
): Promise<Outcome<{ approved: boolean }, ApproveTrancheRefusal>> {
  const now = input.now ?? new Date();
  const { isMember } = await loadGrant(deps, input.actor, input.grantId, { action: 'approveTranches' });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, {
        action: 'approveTranches',
        lock: tx,
        isMember,
      });
      if (!scoped.can.approveTranches) return refuse('not-now');
      const { row, grant, tranches } = scoped.record;
      const index = tranches.findIndex((t) => t.id === input.trancheId);
      const stored = tranches[index];
      const tranche = grant.tranches[index];
      if (!stored || !tranche || tranche.status !== 'due') return refuse('not-due');
      if (stored.version !== input.version) return refuse('stale');
      const officer = signedIn(scoped).userId;
      const policy = await approvalPolicyOf(tx, row.funderId);
      const refused = approvalRefusal(tranche, officer, policy);
      if (refused) return refuse(refused);
      const moved = trancheLifecycle.transition('due', 'approve', trancheContext(grant, tranche, now, policy, officer));
      if (!moved.ok && moved.error !== 'second-approval-needed') return refuse('not-now');
      const status = moved.ok ? moved.value : 'due';
      await tx
        .update(grantTranches)
        .set({ status, approvers: [...tranche.approvers, officer], version: stored.version + 1 })
        .where(and(eq(grantTranches.id, stored.id), eq(grantTranches.version, stored.version)));
      await recordAudit(tx, {
        actorId: officer,
        funderId: row.funderId,
        action: moved.ok ? 'grant.tranche-approved' : 'grant.tranche-first-approval',
        subjectType: 'grant',
        subjectId: row.id,
        after: { tranche: tranche.number, amountCents: tranche.amountCents, status },
      });
      return { approved: moved.ok };
    }),
  );
}
