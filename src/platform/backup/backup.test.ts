import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { createPostgresDatabase } from '../../../test/helpers/databases.ts';
import { SAMPLE_PDF } from '../../../test/helpers/samples.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { checkAndStore, fileStorageFor, filesFolder } from '../storage/fileStorage.ts';
import { files } from '../storage/schema.ts';
import { backup, BackupError, restore, type Installation } from './backup.ts';

/** Every table's row count and a checksum of its rows, in the application's schema and the migrations'. */
async function tableFingerprints(installation: Installation): Promise<Record<string, string>> {
  const handle = await openDatabase({ url: installation.databaseUrl, dataDir: installation.dataDir });
  try {
    const tables = await rows<{ name: string }>(
      handle.db,
      sql`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
          where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
    );
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const [figures] = await rows<{ n: number; sum: string }>(
        handle.db,
        sql.raw(`select count(*)::int as n, coalesce(md5(string_agg(t::text, e'\\n' order by t::text)), '') as sum
                 from ${name} t`),
      );
      result[name] = `${figures!.n} rows, ${figures!.sum}`;
    }
    return result;
  } finally {
    await handle.close();
  }
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** DATA_DIR/files as relative path → SHA-256 of the content. */
function storedFiles(dataDir: string): Record<string, string> {
  const folder = filesFolder(dataDir);
  if (!existsSync(folder)) return {};
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const path = join(e.parentPath, e.name);
        return [relative(folder, path), createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}

/** Some of everything: accounts with their audit rows, an uploaded file, a mail with an attachment. */
async function populate(installation: Installation): Promise<void> {
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DATA_DIR: installation.dataDir, DATABASE_URL: installation.databaseUrl },
    { cookieSecret: 'x'.repeat(32) },
  );
  const app = await buildApp(config);
  try {
    for (const name of ['Ada', 'Bert', 'Chloé']) {
      await app.services.accounts.provisionUser({
        email: `${name.toLowerCase()}@example.org`,
        displayName: name,
        password: 'a long enough password',
        locale: 'fr',
        platformAdmin: name === 'Ada',
      });
    }
    const stored = await checkAndStore(fileStorageFor(app.database, config.dataDir), SAMPLE_PDF);
    assert.ok(stored.ok);
    await app.database.db.insert(files).values({ ...stored, name: 'statuts.pdf', uploadedBy: null });
    await app.database.db.transaction((tx) =>
      enqueueMail(tx, {
        to: 'ada@example.org',
        subject: 'Votre lettre',
        text: 'Ci-joint.',
        attachments: [
          { filename: 'lettre.pdf', contentType: 'application/pdf', base64: SAMPLE_PDF.toString('base64') },
        ],
      }),
    );
  } finally {
    await app.close();
  }
}

const kinds: { name: string; installation: () => Promise<Installation & { drop(): Promise<void> }> }[] = [
  {
    name: 'PGlite',
    installation: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'octroi-backup-'));
      return { dataDir, databaseUrl: undefined, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
    },
  },
];
if (process.env.DATABASE_URL) {
  const server = process.env.DATABASE_URL;
  kinds.push({
    name: 'PostgreSQL',
    installation: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'octroi-backup-'));
      const database = await createPostgresDatabase(server);
      return {
        dataDir,
        databaseUrl: database.url,
        async drop() {
          await database.drop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  });
}

for (const kind of kinds) {
  describe(`backup and restore on ${kind.name}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups) await cleanup();
    });
    const fresh = async () => {
      const installation = await kind.installation();
      cleanups.push(installation.drop);
      return installation;
    };

    test('a restored installation holds the same rows in every table, and the same files', async () => {
      const source = await fresh();
      await populate(source);
      const archive = join(source.dataDir, '..', `octroi-${process.pid}-${kind.name}.tar.gz`);
      cleanups.push(async () => rmSync(archive, { force: true }));
      const made = await backup(source, archive);
      assert.equal(made.database, source.databaseUrl ? 'postgres' : 'pglite');

      const target = await fresh();
      const restored = await restore(target, archive, { force: false });
      assert.deepEqual(restored, made, 'the manifest read back is the one written');

      const before = await tableFingerprints(source);
      assert.ok(Object.keys(before).length > 20, 'every table of the schema is compared');
      assert.match(before['public.users']!, /^3 rows/);
      assert.match(before['public.files']!, /^1 rows/);
      assert.deepEqual(await tableFingerprints(target), before);
      assert.deepEqual(storedFiles(target.dataDir), storedFiles(source.dataDir));
      if (!source.databaseUrl) assert.equal(Object.keys(storedFiles(source.dataDir)).length, 1);
      else assert.match(before['public.file_blobs']!, /^1 rows/, 'on PostgreSQL the bytes are in the database');

      await assert.rejects(restore(target, archive, { force: false }), BackupError, 'no silent overwrite');
      await populate(target); // more rows, which --force must remove
      await restore(target, archive, { force: true });
      assert.deepEqual(await tableFingerprints(target), before, 'replaced whole by --force');
    });
  });
}
