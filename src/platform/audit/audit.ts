import { createHash } from 'node:crypto';
import { canonicalJson } from '../../domain/forms/canonicalJson.ts';
import { asc, desc, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/client.ts';
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

/** Any lock key shared by all writers of the chain: it makes appends strictly sequential. */
const AUDIT_LOCK_KEY = 7_302_519;

/**
 * Appends one row to the audit trail inside the caller's transaction, chained to the previous row.
 * The advisory lock is held until that transaction ends, so two concurrent commands cannot both
 * chain to the same predecessor and fork the chain.
 */
export async function recordAudit(tx: Transaction, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
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
  await tx.insert(auditEvents).values({ ...row, hash: hashRow(row) });
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
  | { ok: false; rows: number; brokenAt: number; problem: 'hash-mismatch' | 'prev-hash-mismatch' };

/** Recomputes the chain in order and reports the first row whose hash or link does not hold. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
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
      prev = hash;
      rows++;
      after = row.seq;
    }
    if (batch.length < batchSize) return { ok: true, rows };
  }
}
