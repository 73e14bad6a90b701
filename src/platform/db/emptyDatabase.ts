// Where a new PGlite database starts: a copy of one with every migration applied, instead of initdb and the
// migrations. Loading the copy takes about 1.4 s of CPU, making it 3.5–4.5 s, and every test file opens at
// least one database. It is only a start: the migrations newer than the copy still run after it.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const HERE = dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS = join(HERE, 'migrations');
/** Made by `npm run build` beside the compiled code (scripts/build.mjs), so that production never writes it. */
const BUILT = join(HERE, 'empty-database.tar.gz');
/**
 * The same, unpacked, also made by the build: a new data folder is a copy of it, opened as any other (0.7 s),
 * where unpacking the tarball into it takes 1.6 s of a first start.
 */
const BUILT_FOLDER = join(HERE, 'empty-database');
/** Run from the sources (tests, development), it is made on first need, once per set of migrations. */
const CACHE = join(HERE, '../../../node_modules/.cache/octroi');

/** Of the migrations and PGlite, read once per process: a test file opens several databases. */
let fingerprint: string | undefined;

/** The migrated empty database, as the tarball PGlite's `loadDataDir` takes. */
export async function emptyDatabase(): Promise<Blob> {
  if (existsSync(BUILT)) return new Blob([readFileSync(BUILT)]);
  const cached = join(CACHE, `empty-database-${(fingerprint ??= migrationsFingerprint())}.tar.gz`);
  if (existsSync(cached)) return new Blob([readFileSync(cached)]);
  const made = await makeEmptyDatabase();
  try {
    mkdirSync(CACHE, { recursive: true });
    // Test files run side by side: each writes its own file, and the rename makes one of them the cache whole.
    const partial = `${cached}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await made.arrayBuffer()));
    renameSync(partial, cached);
  } catch {
    // A read-only installation: the next database is made again, as it would be without a cache.
  }
  return made;
}

/**
 * Makes `dir` a new database: a copy of the unpacked one when the build made it, else empty, to be opened with
 * the options returned (which then load the tarball). The copy is made beside and renamed into place, so that
 * an interrupted copy never looks like a database.
 */
export async function newDataFolder(dir: string): Promise<PGliteOptions> {
  if (!existsSync(BUILT_FOLDER)) return { loadDataDir: await emptyDatabase() };
  const partial = `${dir}.new`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(BUILT_FOLDER, partial, { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return {};
}

/** What the build puts beside the compiled code: the migrated empty database, packed and unpacked. */
export async function writeEmptyDatabase(): Promise<void> {
  const made = await makeEmptyDatabase();
  writeFileSync(BUILT, Buffer.from(await made.arrayBuffer()));
  const unpacked = new PGlite(BUILT_FOLDER, { loadDataDir: made });
  await unpacked.close();
}

async function makeEmptyDatabase(): Promise<Blob> {
  const client = new PGlite();
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
    return await client.dumpDataDir('gzip');
  } finally {
    await client.close();
  }
}

/** The migrations, and which PGlite: another version may not open the data folder of this one. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(String(statSync(fileURLToPath(import.meta.resolve('@electric-sql/pglite/pglite.wasm'))).size));
  for (const entry of readdirSync(MIGRATIONS, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()) {
    hash.update(entry).update(readFileSync(entry));
  }
  return hash.digest('hex').slice(0, 16);
}
