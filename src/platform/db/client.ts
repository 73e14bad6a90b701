import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, types, type QueryOptions } from '@electric-sql/pglite';
import { drizzle as drizzlePglite, PgliteTransaction } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { is, sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { emptyDatabase, MIGRATIONS, newDataFolder } from './emptyDatabase.ts';

/** Both drivers expose the same query builder; services only see this type. */
export type Database = PgDatabase<PgQueryResultHKT>;
export type Transaction = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** What data access takes: the transaction the service opened, or the database for a lone read. */
export type Executor = Database | Transaction;

/**
 * Holds the lock named `key` until the transaction ends, so that the commands taking it run one after the
 * other. PGlite already runs one transaction at a time (every query and transaction goes through one exclusive
 * queue), so there the lock is not taken: a query less per command.
 */
export async function lockUntilCommit(tx: Transaction, key: SQL | number): Promise<void> {
  if (is(tx, PgliteTransaction)) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`);
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** How many queries can run at once: the pool's connections on PostgreSQL; PGlite runs one at a time. */
  connections: number;
  migrate(): Promise<void>;
  /**
   * Runs `work` unless it is already running under the same name, here or in another process
   * sharing the database; resolves with whether it ran. Scheduled work goes through it, so that N
   * instances behind a load balancer do it once, not N times.
   */
  runExclusive(name: string, work: () => Promise<void>): Promise<boolean>;
  /**
   * Tells the other instances sharing the database that something happened on `channel`
   * (PostgreSQL NOTIFY; nothing on PGlite, which one process only opens).
   */
  announce(channel: string): void;
  /**
   * Calls `listener` when another instance announces on `channel`, and after the connection that
   * listens was lost and found again (an announcement may have been missed meanwhile).
   */
  listen(channel: string, listener: () => void): Promise<void>;
  close(): Promise<void>;
}

const POOL_SIZE = 10;

/**
 * PGlite's start parameters for a database opened for a moment (a command, a test): a buffer pool of
 * 16 MB instead of PostgreSQL's 128 MB, which PGlite's memory takes 60 ms to make room for at each
 * open, a fifth of a command's time. The server keeps the default: its pool holds the working set.
 */
const BRIEF_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * PostgreSQL when a URL is given, otherwise the embedded PGlite in `<dataDir>/db`
 * (or in memory when dataDir is null, for tests).
 */
export async function openDatabase(opts: {
  url?: string | undefined;
  dataDir: string | null;
  /** Opened by a command that does its work and exits (in memory, for tests, always so). */
  brief?: boolean;
}): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: POOL_SIZE });
    // An idle connection closed by the server (a restart, an administrator) is replaced by the pool
    // on next use; unhandled, its error event would bring the whole process down.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePg({ client: pool });
    const listening = listenerConnection(opts.url);
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      connections: POOL_SIZE,
      // Instances started together on a new database would each create the tables: one at a time.
      migrate: async () => {
        await withAdvisoryLock(pool, 'migrate', () => migratePg(db, { migrationsFolder: MIGRATIONS }), { wait: true });
      },
      runExclusive: (name, work) => withAdvisoryLock(pool, name, work, { wait: false }),
      announce(channel) {
        pool
          .query('select pg_notify($1, $2)', [channel, INSTANCE])
          .catch((error: Error) => process.emitWarning(`NOTIFY ${channel} failed: ${error.message}`));
      },
      listen: (channel, listener) => listening.listen(channel, listener),
      async close() {
        await listening.close();
        await pool.end();
      },
    };
  }
  let client: PGlite;
  let unlock = () => undefined as void;
  if (opts.dataDir) {
    const dir = join(opts.dataDir, 'db');
    mkdirSync(dir, { recursive: true });
    unlock = lockDataFolder(opts.dataDir);
    const start = opts.brief ? { startParams: BRIEF_START } : {};
    client = new PGlite(dir, existsSync(join(dir, 'PG_VERSION')) ? start : { ...start, ...(await newDataFolder(dir)) });
  } else {
    client = new PGlite({ loadDataDir: await emptyDatabase(), startParams: BRIEF_START });
  }
  await client.waitReady;
  keepDrizzleParsers(client);
  const db = drizzlePglite({ client });
  // PGlite is opened by one process only: a guard in this process is enough.
  const running = new Set<string>();
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    connections: 1,
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS }),
    async runExclusive(name, work) {
      if (running.has(name)) return false;
      running.add(name);
      try {
        await work();
        return true;
      } finally {
        running.delete(name);
      }
    },
    announce: () => undefined,
    listen: async () => undefined,
    async close() {
      await client.close();
      unlock();
    },
  };
}

/** The types drizzle has PGlite leave as text (dates, intervals, numeric and date arrays): it maps them itself. */
const DRIZZLE_TEXT_TYPES = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];
const asText = (value: string) => value;

/**
 * drizzle passes these parsers with every query, and PGlite copies its own 300-odd parsers to merge them
 * each time (about 0.2 ms, a tenth of the demo's CPU). Set once on the client, they need not be passed:
 * queries bringing only these parsers lose them, the result is the same.
 */
function keepDrizzleParsers(client: PGlite): void {
  for (const type of DRIZZLE_TEXT_TYPES) client.parsers[type] = asText;
  const own = (options?: QueryOptions): QueryOptions | undefined => {
    const parsers = options?.parsers;
    if (!parsers || !Object.keys(parsers).every((type) => DRIZZLE_TEXT_TYPES.includes(Number(type)))) return options;
    const { parsers: _drizzle, ...rest } = options;
    return rest;
  };
  const withOwnParsers = <Q extends Pick<PGlite, 'query'>>(q: Q): Q => {
    const query = q.query.bind(q);
    q.query = (text, params, options) => query(text, params, own(options));
    return q;
  };
  withOwnParsers(client);
  const transaction = client.transaction.bind(client);
  client.transaction = (work) => transaction((tx) => work(withOwnParsers(tx)));
}

export class DataFolderInUseError extends Error {}

/**
 * PGlite's files may be opened by one process at a time, and nothing in PGlite stops a second one
 * (a command run while the server runs would corrupt the database): the first takes this lock.
 * A lock left by a process that no longer exists (killed) is taken over. Returns the release.
 */
export function lockDataFolder(dataDir: string): () => void {
  const file = join(dataDir, 'db.lock');
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder))
        throw new DataFolderInUseError(
          `the database in ${dataDir} is open in another process (pid ${holder}): stop that Octroi first`,
        );
      rmSync(file, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A session-level advisory lock, held on a connection of its own for as long as the work runs (the
 * work's queries use the pool's other connections). If the process dies, PostgreSQL drops the
 * connection and with it the lock, so no other instance waits on a dead one. Without `wait`, work
 * already locked elsewhere is skipped (resolves false).
 */
async function withAdvisoryLock(
  pool: pg.Pool,
  name: string,
  work: () => Promise<void>,
  opts: { wait: boolean },
): Promise<boolean> {
  const client = await pool.connect();
  const key = `octroi:${name}`;
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      opts.wait
        ? 'select true as locked from pg_advisory_lock(hashtext($1))'
        : 'select pg_try_advisory_lock(hashtext($1)) as locked',
      [key],
    );
    if (!rows[0]?.locked) return false;
    try {
      await work();
      return true;
    } finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    client.release();
  }
}

/** This process, as it signs its announcements (it does not act on its own). */
const INSTANCE = `${process.pid}-${Math.random().toString(36).slice(2)}`;

/**
 * One connection of its own that LISTENs (a pooled one would be handed to queries). Opened on the
 * first `listen`; when lost, opened again a second later, and every listener called, since what was
 * announced meanwhile is lost with it.
 */
function listenerConnection(url: string) {
  const listeners = new Map<string, (() => void)[]>();
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (message) => {
      if (message.payload === INSTANCE) return;
      for (const listener of listeners.get(message.channel) ?? []) listener();
    });
    c.on('error', () => undefined);
    c.on('end', () => {
      if (closed || client !== c) return;
      client = null;
      retry = setTimeout(() => {
        void connect()
          .then(() => {
            for (const all of listeners.values()) for (const listener of all) listener();
          })
          .catch((error: Error) => process.emitWarning(`LISTEN connection lost: ${error.message}`));
      }, 1000);
      retry.unref();
    });
    await c.connect();
    for (const channel of listeners.keys()) await c.query(`listen "${channel.replaceAll('"', '')}"`);
    client = c;
  };
  return {
    async listen(channel: string, listener: () => void) {
      const known = listeners.get(channel);
      if (known) known.push(listener);
      else listeners.set(channel, [listener]);
      if (!client) await connect();
      else if (!known) await client.query(`listen "${channel.replaceAll('"', '')}"`);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
