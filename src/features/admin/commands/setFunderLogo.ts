import { eq, sql } from 'drizzle-orm';
import type { MaybeActor } from '../../../domain/access.ts';
import { signedIn } from '../../../domain/policy.ts';
import { refusable, type Outcome } from '../../../domain/refusal.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction, type CommandDeps } from '../../../platform/db/unitOfWork.ts';
import { funders } from '../../../platform/identity/schema.ts';
import {
  checkAndStore,
  type FileStorage,
  type UploadRefusal,
  recordUpload,
} from '../../../platform/storage/fileStorage.ts';
import { loadFunder } from '../access.ts';

export type SetFunderLogoRefusal = UploadRefusal | 'logo-not-image';

const LOGO_TYPES = ['image/png', 'image/jpeg'];

/** A funder's logo for its letterhead: a PNG or JPEG, checked by content like every upload. */
export async function setFunderLogo(
  deps: CommandDeps & { storage: FileStorage },
  input: { actor: MaybeActor; funderId: string; name: string; bytes: Buffer },
): Promise<Outcome<void, SetFunderLogoRefusal>> {
  return refusable(async (refuse) => {
    await loadFunder(deps.db, input.actor, input.funderId, { action: 'edit' });
    const checked = await checkAndStore(deps.storage, input.bytes);
    const stored = checked.ok ? checked : refuse(checked.error);
    if (!LOGO_TYPES.includes(stored.mime)) refuse('logo-not-image');
    await inTransaction(deps, async (tx) => {
      const scoped = await loadFunder(tx, input.actor, input.funderId, { action: 'edit', lock: tx });
      const actorId = signedIn(scoped).userId;
      const fileId = await recordUpload(tx, stored, { name: input.name, uploadedBy: actorId });
      await tx
        .update(funders)
        .set({ logoFileId: fileId, version: sql`${funders.version} + 1` })
        .where(eq(funders.id, scoped.record.id));
      await recordAudit(tx, {
        actorId,
        funderId: scoped.record.id,
        action: 'funder.logo-set',
        subjectType: 'funder',
        subjectId: scoped.record.id,
        after: { sha256: stored.sha256 },
      });
    });
  });
}
