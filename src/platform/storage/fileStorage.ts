import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database, Executor } from '../db/client.ts';
import { fileBlobs, files } from './schema.ts';

/** Where uploaded bytes live. A folder by default; an object store would implement the same two calls. */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
}

/** The files folder of a data folder: where PGlite's installation keeps the bytes, and what a backup copies. */
export const filesFolder = (dataDir: string) => join(dataDir, 'files');

/**
 * On PostgreSQL the bytes go to the database, so that every instance sharing it sees every file;
 * with the embedded database (one process by nature) they stay in the data folder.
 */
export function fileStorageFor(database: { kind: 'pglite' | 'postgres'; db: Database }, dataDir: string): FileStorage {
  return database.kind === 'postgres' ? databaseFileStorage(database.db) : localFileStorage(filesFolder(dataDir));
}

export function databaseFileStorage(db: Database): FileStorage {
  return {
    async put(key, bytes) {
      await db.insert(fileBlobs).values({ storageKey: key, bytes });
    },
    async get(key) {
      const [row] = await db.select({ bytes: fileBlobs.bytes }).from(fileBlobs).where(eq(fileBlobs.storageKey, key));
      if (!row) throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
      return row.bytes;
    },
  };
}

export function localFileStorage(folder: string): FileStorage {
  // Keys are generated UUIDs, never user input, so they cannot climb out of the folder.
  const path = (key: string) => join(folder, key.slice(0, 2), key);
  return {
    async put(key, bytes) {
      await mkdir(dirname(path(key)), { recursive: true });
      await writeFile(path(key), bytes, { flag: 'wx' });
    },
    get: (key) => readFile(path(key)),
  };
}

/** What may be uploaded: documents and images, recognised by their content. */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument',
  'application/x-cfb': 'Office 97–2003',
};

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Why an upload is refused, the same for every upload of the application (one message each). */
export type UploadRefusal = 'file-empty' | 'file-too-large' | 'file-type-not-allowed';

export type CheckedUpload =
  | { ok: true; mime: string; sha256: string; sizeBytes: number; storageKey: string }
  | { ok: false; error: UploadRefusal };

/**
 * Checks an upload by what it contains — a renamed .exe is not a PDF whatever its name says — and
 * stores it under a fresh key. The caller records the file row in its own transaction.
 */
export async function checkAndStore(storage: FileStorage, bytes: Buffer): Promise<CheckedUpload> {
  if (bytes.length === 0) return { ok: false, error: 'file-empty' };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: 'file-too-large' };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ALLOWED_TYPES)) return { ok: false, error: 'file-type-not-allowed' };
  const storageKey = randomUUID();
  await storage.put(storageKey, bytes);
  return {
    ok: true,
    mime: detected.mime,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
    storageKey,
  };
}

/** The file row of an upload checked and stored by `checkAndStore`, in the command's transaction: its id. */
export async function recordUpload(
  tx: Executor,
  stored: Extract<CheckedUpload, { ok: true }>,
  file: { name: string; uploadedBy: string },
): Promise<string> {
  const [row] = await tx
    .insert(files)
    .values({
      storageKey: stored.storageKey,
      name: file.name.slice(0, 200),
      mime: stored.mime,
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      uploadedBy: file.uploadedBy,
    })
    .returning({ id: files.id });
  return row!.id;
}
