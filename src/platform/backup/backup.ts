// `octroi backup` and `octroi restore`: the database and the stored files of an installation in one
// .tar.gz, written with node-tar (the npm client's own tar library) so that any `tar xzf` can
// open it too. Inside:
//   manifest.json        what the archive holds (the database kind, when, how many files)
//   database/pgdata.tar  PGlite: its data folder as PGlite dumps it (a consistent copy)
//   database/octroi.dump PostgreSQL: pg_dump's custom format, for pg_restore
//   files/…              DATA_DIR/files, as it is on disk
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import * as tar from 'tar';
import { lockDataFolder } from '../db/client.ts';
import { filesFolder } from '../storage/fileStorage.ts';
import { pgDump, pgRestore, postgresHasSchema } from './postgresTools.ts';

export interface BackupManifest {
  format: 1;
  database: 'pglite' | 'postgres';
  createdAt: string;
  /** Files under DATA_DIR/files (on PostgreSQL the stored files are in the database itself). */
  files: number;
}

/** Where an installation keeps its state: as in the configuration. */
export interface Installation {
  dataDir: string;
  databaseUrl: string | undefined;
}

/** The archive cannot be made or put back as asked; the message says why. */
export class BackupError extends Error {}

const PGLITE_DUMP = 'database/pgdata.tar';
const POSTGRES_DUMP = 'database/octroi.dump';

/**
 * Writes the archive. On PGlite the data folder must not be in use (the server stopped): PGlite
 * has one process, and the lock of openDatabase refuses a second. On PostgreSQL pg_dump reads one
 * consistent snapshot while the instances keep running.
 */
export async function backup(installation: Installation, output: string): Promise<BackupManifest> {
  const stage = await mkdtemp(join(dirname(resolve(output)), '.octroi-backup-'));
  try {
    await mkdir(join(stage, 'database'));
    if (installation.databaseUrl) {
      await pgDump(installation.databaseUrl, join(stage, POSTGRES_DUMP));
    } else {
      const dir = join(installation.dataDir, 'db');
      if (!existsSync(join(dir, 'PG_VERSION'))) throw new BackupError(`no database in ${dir}`);
      const unlock = lockDataFolder(installation.dataDir);
      try {
        await writeFile(join(stage, PGLITE_DUMP), await dumpPglite(dir));
      } finally {
        unlock();
      }
    }
    const files = filesFolder(installation.dataDir);
    const fileCount = existsSync(files) ? countFiles(files) : 0;
    // node-tar packs from one folder: the files are linked into it and followed, not copied.
    if (fileCount) await symlink(files, join(stage, 'files'));
    const manifest: BackupManifest = {
      format: 1,
      database: installation.databaseUrl ? 'postgres' : 'pglite',
      createdAt: new Date().toISOString(),
      files: fileCount,
    };
    await writeFile(join(stage, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const entries = ['manifest.json', 'database', ...(fileCount ? ['files'] : [])];
    await tar.create({ gzip: true, file: output, cwd: stage, follow: true, portable: true }, entries);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/**
 * Puts an archive back into an installation of the same kind. An installation that already has a
 * database is replaced only with `force`; on PGlite the folder must not be in use.
 */
export async function restore(
  installation: Installation,
  input: string,
  opts: { force: boolean },
): Promise<BackupManifest> {
  await mkdir(installation.dataDir, { recursive: true });
  const stage = await mkdtemp(join(installation.dataDir, '.octroi-restore-'));
  try {
    await tar.extract({ file: input, cwd: stage, strict: true });
    const manifest = JSON.parse(await readFile(join(stage, 'manifest.json'), 'utf8')) as BackupManifest;
    const target = installation.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.format !== 1) throw new BackupError(`unknown archive format ${String(manifest.format)}`);
    if (manifest.database !== target)
      throw new BackupError(
        `this archive holds a ${manifest.database === 'postgres' ? 'PostgreSQL' : 'PGlite'} database; ` +
          `restore it with ${manifest.database === 'postgres' ? 'DATABASE_URL set' : 'DATABASE_URL unset'}`,
      );
    const files = filesFolder(installation.dataDir);
    if (installation.databaseUrl) {
      if (!opts.force && (await postgresHasSchema(installation.databaseUrl)))
        throw new BackupError('the database is not empty: restore with --force to replace it');
      await pgRestore(installation.databaseUrl, join(stage, POSTGRES_DUMP), { clean: opts.force });
    } else {
      const dir = join(installation.dataDir, 'db');
      if (!opts.force && existsSync(dir) && readdirSync(dir).length)
        throw new BackupError(`${dir} holds a database: restore with --force to replace it`);
      // A running Octroi holds the lock: it keeps its database, and this restore stops here.
      const unlock = lockDataFolder(installation.dataDir);
      try {
        await rm(dir, { recursive: true, force: true });
        const restored = new PGlite(dir, { loadDataDir: new Blob([await readFile(join(stage, PGLITE_DUMP))]) });
        await restored.waitReady;
        await restored.close();
      } finally {
        unlock();
      }
    }
    if (opts.force || existsSync(join(stage, 'files'))) await rm(files, { recursive: true, force: true });
    if (existsSync(join(stage, 'files'))) await rename(join(stage, 'files'), files);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** PGlite's own copy of its data folder, taken by the database itself so that it is consistent. */
async function dumpPglite(dir: string): Promise<Buffer> {
  const db = new PGlite(dir);
  await db.waitReady; // dumpDataDir before the database is ready never resolves
  const tarball = await db.dumpDataDir('none'); // the archive as a whole is gzipped
  await db.close();
  return Buffer.from(await tarball.arrayBuffer());
}

function countFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}
