import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/client.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh, empty, migrated database of its own, dropped on close. */
  open(): Promise<DatabaseHandle>;
}

/**
 * Integration tests run on an in-memory PGlite, and also on PostgreSQL when DATABASE_URL is set,
 * each suite in a database created for it and dropped afterwards.
 */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: 'pglite', open: () => migrated(openDatabase({ dataDir: null })) }];
  const url = process.env.DATABASE_URL;
  if (url) list.push({ name: 'postgres', open: () => freshPostgres(url) });
  return list;
}

async function migrated(handle: Promise<DatabaseHandle>): Promise<DatabaseHandle> {
  const db = await handle;
  await db.migrate();
  return db;
}

/** An empty PostgreSQL database of its own on the server of `url`, for processes that open it themselves. */
export async function createPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `octroi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    url: own.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function freshPostgres(url: string): Promise<DatabaseHandle> {
  const database = await createPostgresDatabase(url);
  const handle = await migrated(openDatabase({ url: database.url, dataDir: null }));
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}
