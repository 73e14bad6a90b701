import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { FileStorage } from '../storage/fileStorage.ts';
import { files } from '../storage/schema.ts';
import { funders } from './schema.ts';

/** A funder's uploaded logo (PNG or JPEG, checked when it was uploaded) for the head of its documents; null if none. */
export async function funderLogo(db: Executor, storage: FileStorage, funderId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ storageKey: files.storageKey })
    .from(funders)
    .innerJoin(files, eq(files.id, funders.logoFileId))
    .where(eq(funders.id, funderId));
  return row ? storage.get(row.storageKey) : null;
}
