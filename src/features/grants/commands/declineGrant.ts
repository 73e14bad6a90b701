import { and, eq, inArray } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isAmendment } from '../../../domain/grants/amendment.ts';
import { agreementVersionLifecycle, pendingVersion } from '../../../domain/grants/agreementVersions.ts';
import { grantContext } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
import { trancheLifecycle, type TrancheContext } from '../../../domain/grants/trancheLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome, type Stale } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { funderOfficers } from '../../../platform/identity/officers.ts';
import { mailEach } from '../../../platform/mail/personalMail.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants, grantTranches } from '../schema.ts';

export type DeclineGrantRefusal = Stale | 'not-now';

// Cancelling a planned tranche reads no context: the cancel rule has no guard.
const NO_CONTEXT = {} as TrancheContext;

/**
 * A member of the organisation declines, with a reason: the offered grant (before accepting its agreement) —
 * the grant ends as declined, the version sent is declined and the tranches are cancelled, nothing will be
 * paid — or an amendment sent to a running grant, which leaves the agreement in force as it was. One
 * transaction with its audit row; the funder's officers are mailed, each in their language, after the commit.
 * `version` is the grant's version the member's page showed.
 */
export async function declineGrant(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; version: number; reason: string; now?: Date },
): Promise<Outcome<{ what: 'grant' | 'amendment' }, DeclineGrantRefusal>> {
  const now = input.now ?? new Date();
  const { isMember } = await loadGrant(deps, input.actor, input.grantId, { action: 'decline' });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'decline', lock: tx, isMember });
      const { row, grant, versions, tranches } = scoped.record;
      if (!scoped.can.decline) return refuse('not-now');
      if (row.version !== input.version) return refuse('stale');
      const actorId = signedIn(scoped).userId;
      const pending = pendingVersion(grant.versions);
      if (pending) {
        const declined = agreementVersionLifecycle.transition(pending.status, 'decline', pending);
        if (!declined.ok) return refuse('not-now');
        await tx
          .update(grantAgreementVersions)
          .set({ status: declined.value, declineReason: input.reason })
          .where(
            and(
              eq(grantAgreementVersions.id, versions.find((v) => v.number === pending.number)!.id),
              eq(grantAgreementVersions.status, 'sent'),
            ),
          );
      }
      if (pending && isAmendment(pending)) {
        await tx
          .update(grants)
          .set({ version: row.version + 1 })
          .where(eq(grants.id, row.id));
        await recordAudit(tx, {
          actorId,
          funderId: row.funderId,
          action: 'grant.amendment-declined',
          subjectType: 'grant',
          subjectId: row.id,
          after: { version: pending.number },
          reason: input.reason,
        });
        await mailOfficers(deps, tx, row, 'amendment', input.reason);
        return { what: 'amendment' as const };
      }
      const moved = grantLifecycle.transition(row.status, 'decline', grantContext(grant, now));
      if (!moved.ok) return refuse('not-now');
      const cancelled = tranches.filter((t) => trancheLifecycle.can(t.status, 'cancel', NO_CONTEXT)).map((t) => t.id);
      if (cancelled.length)
        await tx.update(grantTranches).set({ status: 'cancelled' }).where(inArray(grantTranches.id, cancelled));
      await tx
        .update(grants)
        .set({
          status: moved.value,
          declineReason: input.reason,
          declinedBy: actorId,
          declinedAt: now,
          version: row.version + 1,
        })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: 'grant.declined',
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value, tranchesCancelled: cancelled.length },
        reason: input.reason,
      });
      await mailOfficers(deps, tx, row, 'grant', input.reason);
      return { what: 'grant' as const };
    }),
  );
}

/** Tells the funder's officers what the organisation declined, and why. */
async function mailOfficers(
  deps: GrantsDeps,
  tx: Transaction,
  row: { id: string; funderId: string; reference: string; organisationName: string },
  what: 'grant' | 'amendment',
  reason: string,
): Promise<void> {
  await mailEach(tx, await funderOfficers(tx, row.funderId), {
    subject: what === 'grant' ? 'grants.mail.declined.subject' : 'grants.mail.amendmentDeclined.subject',
    body: what === 'grant' ? 'grants.mail.declined.body' : 'grants.mail.amendmentDeclined.body',
    values: { reference: row.reference, organisation: row.organisationName, reason },
    link: `${deps.publicUrl}/grants/${row.id}`,
  });
}
