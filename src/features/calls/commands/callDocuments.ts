import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { changeRefusals } from '../../../domain/callParts.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import {
  checkAndStore,
  type FileStorage,
  type UploadRefusal,
  recordUpload,
} from '../../../platform/storage/fileStorage.ts';
import { loadCall } from '../access.ts';
import { recordCorrection } from '../corrections.ts';
import { callDocuments } from '../schema.ts';

export type CallDocumentRefusal = UploadRefusal | 'locked-documents';

/**
 * An officer adds a document to a call (guidelines, templates), checked by content like every
 * upload. After publication it is a correction, listed on the public page; after the decision the
 * documents the call was decided on stay as they were.
 */
export async function addCallDocument(
  deps: CommandDeps & { storage: FileStorage },
  input: { actor: MaybeActor; callId: string; label: Translated; name: string; bytes: Buffer },
): Promise<Outcome<void, CallDocumentRefusal>> {
  return refusable(async (refuse) => {
    // Who may is known before the bytes are stored: a stranger's upload is not kept.
    const seen = await loadCall(deps.db, input.actor, input.callId, { action: 'editDocuments' });
    if (!seen.can.editDocuments) refuse('locked-documents');
    const checked = await checkAndStore(deps.storage, input.bytes);
    const stored = checked.ok ? checked : refuse(checked.error);
    await inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'editDocuments', lock: tx });
      const call = scoped.record;
      const [locked] = changeRefusals(call.status, ['documents'], false);
      if (locked) refuse('locked-documents');
      const actorId = signedIn(scoped).userId;
      const fileId = await recordUpload(tx, stored, { name: input.name, uploadedBy: actorId });
      await tx.insert(callDocuments).values({ callId: call.id, fileId: fileId, label: input.label });
      await recordCorrection(tx, {
        callId: call.id,
        status: call.status,
        callVersion: call.version,
        parts: ['documents'],
        note: input.label,
        actorId,
      });
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.document-added',
        subjectType: 'call',
        subjectId: call.id,
        after: { label: input.label, name: input.name, sha256: stored.sha256 },
      });
    });
  });
}

export type RemoveCallDocumentRefusal = 'locked-documents';

export async function removeCallDocument(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; documentId: string },
): Promise<Outcome<void, RemoveCallDocumentRefusal>> {
  return refusable((refuse) =>
    inTransaction(deps, async (tx) => {
      const scoped = await loadCall(tx, input.actor, input.callId, { action: 'editDocuments', lock: tx });
      const call = scoped.record;
      if (!scoped.can.editDocuments) refuse('locked-documents');
      if (!isUuid(input.documentId)) throw new NotFoundError('document');
      const [removed] = await tx
        .delete(callDocuments)
        .where(and(eq(callDocuments.id, input.documentId), eq(callDocuments.callId, call.id)))
        .returning();
      if (!removed) throw new NotFoundError('document');
      const actorId = signedIn(scoped).userId;
      await recordCorrection(tx, {
        callId: call.id,
        status: call.status,
        callVersion: call.version,
        parts: ['documents'],
        note: removed.label,
        actorId,
      });
      await recordAudit(tx, {
        actorId,
        funderId: call.funderId,
        action: 'call.document-removed',
        subjectType: 'call',
        subjectId: call.id,
        before: { label: removed.label },
      });
    }),
  );
}
