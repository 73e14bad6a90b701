import { and, eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { APPLICANT_EDITABLE } from '../../../domain/applicationLifecycle.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { allFields } from '../../../domain/forms/definition.ts';
import { isUuid } from '../../../domain/ids.ts';
import { refusable, refused, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Transaction } from '../../../platform/db/client.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import { checkAndStore, type UploadRefusal, recordUpload } from '../../../platform/storage/fileStorage.ts';
import { files } from '../../../platform/storage/schema.ts';
import { applicationFor, lockApplication } from '../access.ts';
import type { ApplicationsDeps } from '../deps.ts';
import { openReturn } from '../returns.ts';
import { applicationFiles, applications } from '../schema.ts';

/** All the files of one application together may not exceed this. */
export const MAX_APPLICATION_BYTES = 50 * 1024 * 1024;

/** The application can no longer be edited, or that field not (a return reopens only some). */
export type DetachFileRefusal = 'not-editable';

/** Why a file is not attached: the application not editable, the file itself, or one too many or too large for the field or the application. */
export type AttachFileRefusal = DetachFileRefusal | UploadRefusal | 'file-too-many' | 'file-application-too-large';

/**
 * Attaches a file to a file field of an editable application, checked by content, within the
 * field's number of files and the application's total size. The field's answer lists the file ids.
 */
export async function attachFile(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; fieldId: string; name: string; bytes: Buffer },
): Promise<Outcome<void, AttachFileRefusal>> {
  const { application } = await applicationFor(deps, input.actor, input.applicationId, 'edit');
  if (!APPLICANT_EDITABLE.includes(application.status)) return refused('not-editable');
  const field = allFields(await deps.calls.formById(application.formId)).find(
    (f) => f.id === input.fieldId && f.type === 'file',
  );
  if (!field || field.type !== 'file') throw new NotFoundError('field');
  const ret = application.status === 'returned' ? await openReturn(deps.db, application.id) : null;
  if (ret && !ret.openFields.includes(field.id)) return refused('not-editable');
  const stored = await checkAndStore(deps.storage, input.bytes);
  if (!stored.ok) return refused(stored.error);
  return refusable<void, AttachFileRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const current = await lockApplication(tx, application.id);
      if (!APPLICANT_EDITABLE.includes(current.status)) return refuse('not-editable');
      const attached = await tx
        .select({ fieldId: applicationFiles.fieldId, size: files.sizeBytes })
        .from(applicationFiles)
        .innerJoin(files, eq(files.id, applicationFiles.fileId))
        .where(eq(applicationFiles.applicationId, application.id));
      if (field.maxFiles && attached.filter((a) => a.fieldId === field.id).length >= field.maxFiles)
        return refuse('file-too-many');
      if (attached.reduce((sum, a) => sum + a.size, 0) + stored.sizeBytes > MAX_APPLICATION_BYTES)
        return refuse('file-application-too-large');
      const fileId = await recordUpload(tx, stored, { name: input.name, uploadedBy: input.actor!.userId });
      await tx.insert(applicationFiles).values({ applicationId: application.id, fieldId: field.id, fileId: fileId });
      await syncFileAnswer(tx, application.id, field.id);
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        action: 'application.file-attached',
        subjectType: 'application',
        subjectId: application.id,
        after: { field: field.id, name: input.name, sha256: stored.sha256 },
      });
    }),
  );
}

/** Takes a file off an editable application (the bytes stay stored: a submitted version may cite them). */
export async function detachFile(
  deps: ApplicationsDeps,
  input: { actor: MaybeActor; applicationId: string; fileId: string },
): Promise<Outcome<void, DetachFileRefusal>> {
  if (!isUuid(input.fileId)) throw new NotFoundError('file');
  await applicationFor(deps, input.actor, input.applicationId, 'edit');
  return refusable<void, DetachFileRefusal>((refuse) =>
    inTransaction(deps, async (tx) => {
      const application = await lockApplication(tx, input.applicationId);
      if (!APPLICANT_EDITABLE.includes(application.status)) return refuse('not-editable');
      const [link] = await tx
        .delete(applicationFiles)
        .where(and(eq(applicationFiles.applicationId, application.id), eq(applicationFiles.fileId, input.fileId)))
        .returning();
      if (!link) throw new NotFoundError('file');
      await syncFileAnswer(tx, application.id, link.fieldId);
      await recordAudit(tx, {
        actorId: input.actor!.userId,
        action: 'application.file-detached',
        subjectType: 'application',
        subjectId: application.id,
        before: { field: link.fieldId, fileId: input.fileId },
      });
    }),
  );
}

/** A file field's answer is the list of its files' ids, kept in step with the attachments. */
async function syncFileAnswer(tx: Transaction, applicationId: string, fieldId: string): Promise<void> {
  const ids = (
    await tx
      .select({ id: applicationFiles.fileId })
      .from(applicationFiles)
      .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fieldId, fieldId)))
  ).map((r) => r.id);
  await tx
    .update(applications)
    .set({
      rawAnswers: sql`jsonb_set(${applications.rawAnswers}, ${`{${fieldId}}`}::text[], ${JSON.stringify(ids)}::jsonb)`,
      version: sql`${applications.version} + 1`,
    })
    .where(eq(applications.id, applicationId));
}
