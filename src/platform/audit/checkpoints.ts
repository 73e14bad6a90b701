import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger as Logger } from 'fastify';
import { desc, eq, gt } from 'drizzle-orm';
import type { Database, Executor } from '../db/client.ts';
import { auditHead, type AuditAnchor, type AuditHead } from './audit.ts';
import { auditCheckpoints, auditEvents } from './schema.ts';

// A checkpoint is the chain's head written where whoever alters the audit table must also reach
// to hide it. Each copy answers a different tamperer (README, "What the audit trail protects against"):
// - the audit_checkpoints table: someone who removes rows at the end of audit_events alone (an
//   owner disabling its triggers) and does not think of, or cannot touch, this table;
// - the file in DATA_DIR: anyone who reaches the database only (its superuser on another host, a
//   stolen database password), not the application's disk;
// - the log: anyone who does not also reach where the logs are shipped.
// None of them holds against someone who controls the database, the disk and the logs together.

/** Checkpoints in the data folder, one JSON line each, appended, never rewritten. */
export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';
/** A checkpoint is written when the head has moved and an hour has passed, or this many rows were written. */
export const CHECKPOINT_EVERY_MS = 3_600_000;
export const CHECKPOINT_EVERY_ROWS = 1000;

interface Checkpoint extends AuditHead {
  at: Date;
}

export type CheckpointResult =
  | { status: 'written'; head: AuditHead }
  | { status: 'not-due' }
  /** The table no longer holds the last checkpoint's row as it was: nothing is written that would vouch for it. */
  | { status: 'refused'; anchor: AuditAnchor };

export interface AuditCheckpoints {
  /** Writes a checkpoint if one is due (or, with `force`, whenever the head has moved since the last one). */
  write(now: Date, opts?: { force?: boolean }): Promise<CheckpointResult>;
}

/** The last checkpoint of each copy that can be read back (the table's and the file's in `dir`), as anchors. */
export async function checkpointAnchors(db: Executor, dir: string): Promise<AuditAnchor[]> {
  const file = join(dir, CHECKPOINT_FILE);
  const [table, onDisk] = await Promise.all([lastInTable(db), lastInFile(file)]);
  return [
    ...(table ? [{ seq: table.seq, hash: table.hash, source: 'checkpoint table' }] : []),
    ...(onDisk ? [{ seq: onDisk.seq, hash: onDisk.hash, source: `checkpoint file ${file}` }] : []),
  ];
}

async function lastInTable(db: Executor): Promise<Checkpoint | null> {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row ?? null;
}

async function lastInFile(file: string): Promise<Checkpoint | null> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const last = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .at(-1);
  if (!last) return null;
  try {
    const parsed = JSON.parse(last) as { at: string; seq: number; hash: string };
    return { at: new Date(parsed.at), seq: parsed.seq, hash: parsed.hash };
  } catch (error) {
    throw new Error(`${file}: its last line is not a checkpoint`, { cause: error });
  }
}

/** The audit trail's checkpoints: in the database, in `dir` (the data folder) and in the log. */
export function createAuditCheckpoints(deps: { db: Database; dir: string; log: Logger }): AuditCheckpoints {
  const file = join(deps.dir, CHECKPOINT_FILE);

  async function write(now: Date, opts: { force?: boolean } = {}): Promise<CheckpointResult> {
    const head = await auditHead(deps.db);
    if (!head) return { status: 'not-due' };
    const known = await checkpointAnchors(deps.db, deps.dir);
    const last = known.reduce<AuditAnchor | null>((a, b) => (a && a.seq >= b.seq ? a : b), null);
    // A new checkpoint must not vouch for a trail that lost the rows an earlier one vouched for.
    if (last) {
      const [row] = await deps.db
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .where(eq(auditEvents.seq, last.seq));
      if (row?.hash !== last.hash || head.seq < last.seq) {
        deps.log.error(
          { anchor: last, head },
          'audit trail no longer holds its last checkpoint: run octroi audit verify',
        );
        return { status: 'refused', anchor: last };
      }
      if (head.seq === last.seq) return { status: 'not-due' };
    }
    const lastAt = (await lastInTable(deps.db))?.at ?? null;
    const due =
      opts.force ||
      !last ||
      !lastAt ||
      now.getTime() - lastAt.getTime() >= CHECKPOINT_EVERY_MS ||
      (await deps.db.$count(auditEvents, gt(auditEvents.seq, last.seq))) >= CHECKPOINT_EVERY_ROWS;
    if (!due) return { status: 'not-due' };

    const checkpoint: Checkpoint = { at: now, ...head };
    await deps.db.insert(auditCheckpoints).values(checkpoint);
    await appendLine(JSON.stringify(checkpoint));
    deps.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
    return { status: 'written', head };
  }

  /** Appended and flushed to the disk before the checkpoint counts as written. */
  async function appendLine(line: string): Promise<void> {
    await mkdir(deps.dir, { recursive: true });
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.appendFile(line + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  return { write };
}
