import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { isAmendment } from '../../../domain/grants/amendment.ts';
import { agreementVersionLifecycle, pendingVersion } from '../../../domain/grants/agreementVersions.ts';
import { grantContext } from '../../../domain/grants/grant.ts';
import { grantLifecycle } from '../../../domain/grants/grantLifecycle.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants } from '../schema.ts';

export type AcceptAgreementRefusal = 'not-now' | 'document-changed' | 'offer-expired';

/**
 * A member of the organisation accepts the agreement online: the version sent, and exactly the PDF their page
 * offered (`sha256`: a version replaced meanwhile is never accepted unseen). Records who, when and the
 * document's SHA-256; the grant moves agreement sent → accepted, in one transaction with its audit row.
 */
export async function acceptAgreement(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; sha256: string; now?: Date },
): Promise<Outcome<void, AcceptAgreementRefusal>> {
  const now = input.now ?? new Date();
  const { isMember } = await loadGrant(deps, input.actor, input.grantId, { action: 'accept' });
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, { action: 'accept', lock: tx, isMember });
      const { row, grant, versions } = scoped.record;
      if (!scoped.can.accept) return refuse('not-now');
      const pending = pendingVersion(grant.versions);
      if (!pending || pending.documentSha256 !== input.sha256) return refuse('document-changed');
      // An amendment leaves the grant where it is: only the version moves.
      const moved = isAmendment(pending)
        ? ({ ok: true, value: row.status } as const)
        : grantLifecycle.transition(row.status, 'accept', grantContext(grant, now));
      if (!moved.ok) return refuse(moved.error === 'offer-expired' ? 'offer-expired' : 'not-now');
      const accepted = agreementVersionLifecycle.transition(pending.status, 'accept', pending);
      if (!accepted.ok) return refuse('not-now');
      const actorId = signedIn(scoped).userId;
      const version = versions.find((v) => v.number === pending.number)!;
      await tx
        .update(grantAgreementVersions)
        .set({ status: accepted.value, acceptedBy: actorId, acceptedAt: now, acceptedSha256: input.sha256 })
        .where(and(eq(grantAgreementVersions.id, version.id), eq(grantAgreementVersions.status, 'sent')));
      await tx
        .update(grants)
        .set({ status: moved.value, version: row.version + 1 })
        .where(eq(grants.id, row.id));
      await recordAudit(tx, {
        actorId,
        funderId: row.funderId,
        action: 'grant.agreement-accepted',
        subjectType: 'grant',
        subjectId: row.id,
        before: { status: row.status },
        after: { status: moved.value, version: pending.number, sha256: input.sha256, how: 'online' },
      });
    }),
  );
}
