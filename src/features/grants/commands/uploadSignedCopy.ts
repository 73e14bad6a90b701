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
import { checkAndStore, type UploadRefusal, recordUpload } from '../../../platform/storage/fileStorage.ts';
import { loadGrant } from '../access.ts';
import type { GrantsDeps } from '../deps.ts';
import { grantAgreementVersions, grants } from '../schema.ts';

export type UploadSignedCopyRefusal = UploadRefusal | 'not-now' | 'not-pdf' | 'offer-expired';

/**
 * The paper way: an officer uploads the copy of the agreement the grantee signed (a PDF, checked by its
 * content). It stands for the online acceptance: the version is accepted, with the copy and who uploaded it,
 * and the grant moves agreement sent → accepted, ready for the countersignature.
 */
export async function uploadSignedCopy(
  deps: GrantsDeps,
  input: { actor: MaybeActor; grantId: string; name: string; bytes: Buffer; now?: Date },
): Promise<Outcome<void, UploadSignedCopyRefusal>> {
  const now = input.now ?? new Date();
  return refusable(async (refuse) => {
    const first = await loadGrant(deps, input.actor, input.grantId, { action: 'uploadSignedCopy' });
    if (!first.can.uploadSignedCopy) return refuse('not-now');
    const stored = await checkAndStore(deps.storage, input.bytes);
    if (!stored.ok) return refuse(stored.error);
    if (stored.mime !== 'application/pdf') return refuse('not-pdf');
    await inTransaction(deps, async (tx) => {
      const scoped = await loadGrant(deps, input.actor, input.grantId, {
        action: 'uploadSignedCopy',
        lock: tx,
        isMember: first.isMember,
      });
      const { row, grant, versions } = scoped.record;
      const pending = pendingVersion(grant.versions);
      if (!scoped.can.uploadSignedCopy || !pending) return refuse('not-now');
      // An amendment leaves the grant where it is: only the version moves.
      const moved = isAmendment(pending)
        ? ({ ok: true, value: row.status } as const)
        : grantLifecycle.transition(row.status, 'accept', grantContext(grant, now));
      if (!moved.ok) return refuse(moved.error === 'offer-expired' ? 'offer-expired' : 'not-now');
      const accepted = agreementVersionLifecycle.transition(pending.status, 'accept', pending);
      if (!accepted.ok) return refuse('not-now');
      const actorId = signedIn(scoped).userId;
      const fileId = await recordUpload(tx, stored, {
        name: input.name.slice(0, 200) || `${row.reference}-signed.pdf`,
        uploadedBy: actorId,
      });
      const version = versions.find((v) => v.number === pending.number)!;
      await tx
        .update(grantAgreementVersions)
        .set({
          status: accepted.value,
          acceptedBy: actorId,
          acceptedAt: now,
          acceptedSha256: pending.documentSha256,
          signedCopyFileId: fileId,
        })
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
        after: { status: moved.value, version: pending.number, how: 'signed-copy', copySha256: stored.sha256 },
      });
    });
  });
}
