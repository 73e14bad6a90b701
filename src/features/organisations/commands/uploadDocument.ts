import { authorize, type MaybeActor } from '../../../domain/access.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { refused, type Outcome } from '../../../domain/refusal.ts';
import { organisationAbilities } from '../../../domain/organisationPolicy.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import {
  checkAndStore,
  type FileStorage,
  type UploadRefusal,
  recordUpload,
} from '../../../platform/storage/fileStorage.ts';
import { membershipOf } from '../membership.ts';
import { organisationDocuments, type OrganisationDocumentKind } from '../schema.ts';

/** Adds a document to the organisation's shelf, reused by all its applications. Checked by content. */
export async function uploadOrganisationDocument(
  deps: CommandDeps & { storage: FileStorage },
  input: { actor: MaybeActor; organisationId: string; kind: OrganisationDocumentKind; name: string; bytes: Buffer },
): Promise<Outcome<void, UploadRefusal>> {
  const actor = input.actor;
  const membership = await membershipOf(deps.db, actor, input.organisationId);
  if (!membership && actor) throw new NotFoundError('organisation');
  authorize(actor, organisationAbilities(membership).edit, 'upload organisation document');
  const stored = await checkAndStore(deps.storage, input.bytes);
  if (!stored.ok) return refused(stored.error);
  await inTransaction(deps, async (tx) => {
    const fileId = await recordUpload(tx, stored, { name: input.name, uploadedBy: actor.userId });
    await tx
      .insert(organisationDocuments)
      .values({ organisationId: input.organisationId, kind: input.kind, fileId: fileId });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: 'organisation.document-added',
      subjectType: 'organisation',
      subjectId: input.organisationId,
      after: { kind: input.kind, name: input.name, sha256: stored.sha256 },
    });
  });
  return { ok: true, value: undefined };
}
