import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/forms/canonicalJson.ts';
import { asc, desc, sql } from 'drizzle-orm';
import { lockUntilCommit, type Executor, type Transaction } from '../db/client.ts';
import { auditEvents } from './schema.ts';

export interface AuditEntry {
  actorId: string | null;
  funderId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The chain's last row at some moment, by its sequence number and hash. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** A head recorded elsewhere (a checkpoint, a decision), which the table must still contain as it was. */
export interface AuditAnchor extends AuditHead {
  /** Where it was recorded, to name it in a report: `checkpoint table`, `decision of call …`. */
  source: string;
}

/** Any lock key shared by all writers of the chain: it makes appends strictly sequential. */
const AUDIT_LOCK_KEY = 7_302_519;

/**
 * Appends one row to the audit trail inside the caller's transaction, chained to the previous row.
 * The lock is held until that transaction ends, so two concurrent commands cannot both
 * chain to the same predecessor and fork the chain. Returns the chain's new head: this row.
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<AuditHead> {
  await lockUntilCommit(tx, AUDIT_LOCK_KEY);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  const row = {
    at: new Date(),
    funderId: entry.funderId ?? null,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    before: asStored(entry.before),
    after: asStored(entry.after),
    reason: entry.reason ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashRow(row);
  const [written] = await tx
    .insert(auditEvents)
    .values({ ...row, hash })
    .returning({ seq: auditEvents.seq });
  return { seq: written!.seq, hash };
}

type HashedFields = Omit<typeof auditEvents.$inferSelect, 'seq' | 'hash'>;

/** The hash covers every field but the sequence number, serialised with sorted keys (jsonb reorders them). */
export function hashRow(row: HashedFields): string {
  return createHash('sha256')
    .update(canonicalJson({ ...row, at: row.at.toISOString() }))
    .digest('hex');
}

/**
 * The summary as the jsonb column will give it back (dates as ISO strings, undefined left out), so
 * the hash computed now is the hash recomputed when the chain is verified.
 */
function asStored(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}

export type ChainReport =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' }
  /** The table ends before an anchor: rows were removed at its end (or all of them). */
  | { ok: false; rows: number; problem: 'rows-missing-at-end'; lastSeq: number | null; anchor: AuditAnchor }
  /** The row an anchor names is gone, or holds another hash: the trail was rewritten up to there. */
  | { ok: false; rows: number; problem: 'anchor-mismatch'; anchor: AuditAnchor };

/**
 * Recomputes the chain in order and reports the first row whose hash or link does not hold; then
 * holds the table to each anchor: its row must be there with its hash, and the table must not end
 * before it. The chain alone cannot see rows removed at its end, nor a chain rebuilt from scratch.
 */
export async function verifyAuditChain(
  db: Executor,
  anchors: readonly AuditAnchor[] = [],
  batchSize = 5000,
): Promise<ChainReport> {
  const pending = [...anchors].sort((a, b) => a.seq - b.seq);
  let prev = GENESIS_HASH;
  let rows = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} > ${after}`)
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    for (const row of batch) {
      if (row.prevHash !== prev) return { ok: false, rows, brokenAt: row.seq, problem: 'prev-hash-mismatch' };
      const { seq: _seq, hash, ...fields } = row;
      if (hashRow(fields) !== hash) return { ok: false, rows, brokenAt: row.seq, problem: 'hash-mismatch' };
      // Anchors are met in sequence order: one passed over names a row that is not there.
      while (pending[0] && pending[0].seq <= row.seq) {
        const anchor = pending.shift()!;
        if (anchor.seq !== row.seq || anchor.hash !== hash)
          return { ok: false, rows, problem: 'anchor-mismatch', anchor };
      }
      prev = hash;
      rows++;
      after = row.seq;
    }
    if (batch.length < batchSize) break;
  }
  const beyond = pending[pending.length - 1];
  if (beyond) return { ok: false, rows, problem: 'rows-missing-at-end', lastSeq: rows ? after : null, anchor: beyond };
  return { ok: true, rows };
}

/** The chain's last row, or null when the trail is empty. */
export async function auditHead(db: Executor): Promise<AuditHead | null> {
  const [last] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last ?? null;
}
