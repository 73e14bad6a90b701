import { and, eq } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.ts';
import { isUuid } from '../../../domain/ids.ts';
import type { Translated } from '../../../domain/translated.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { checkAndStore, type FileStorage } from '../../../platform/storage/fileStorage.ts';
import { files } from '../../../platform/storage/schema.ts';
import { callDocuments } from '../schema.ts';
import { callForChange } from './updateCall.ts';

/** An officer adds a document to a call (guidelines, templates), checked by content like every upload. */
export async function addCallDocument(
  deps: CommandDeps & { storage: FileStorage },
  input: { actor: MaybeActor; callId: string; label: Translated; name: string; bytes: Buffer },
): Promise<void> {
  const stored = await checkAndStore(deps.storage, input.bytes);
  if (!stored.ok) throw new RuleViolationError([`file-${stored.error}`]);
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'add call document');
    const [file] = await tx
      .insert(files)
      .values({
        storageKey: stored.storageKey,
        name: input.name.slice(0, 200),
        mime: stored.mime,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        uploadedBy: actor.userId,
      })
      .returning({ id: files.id });
    await tx.insert(callDocuments).values({ callId: call.id, fileId: file!.id, label: input.label });
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.document-added',
      subjectType: 'call',
      subjectId: call.id,
      after: { label: input.label, name: input.name, sha256: stored.sha256 },
    });
  });
}

export async function removeCallDocument(
  deps: CommandDeps,
  input: { actor: MaybeActor; callId: string; documentId: string },
): Promise<void> {
  if (!isUuid(input.documentId)) throw new NotFoundError('document');
  await inTransaction(deps, async (tx) => {
    const { call, actor } = await callForChange(tx, input.actor, input.callId, 'remove call document');
    const [removed] = await tx
      .delete(callDocuments)
      .where(and(eq(callDocuments.id, input.documentId), eq(callDocuments.callId, call.id)))
      .returning();
    if (!removed) throw new NotFoundError('document');
    await recordAudit(tx, {
      actorId: actor.userId,
      funderId: call.funderId,
      action: 'call.document-removed',
      subjectType: 'call',
      subjectId: call.id,
      before: { label: removed.label },
    });
  });
}
