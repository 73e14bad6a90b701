import { and, eq, inArray, max } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { PageQuery } from './contract.ts';

// Cursor pagination over a list already in its order: the cursor names the last row given (by its
// key, which is unique and sorts the list), so a row inserted or changed meanwhile neither repeats
// nor shifts the next page as an offset would. It is opaque to clients: base64url of a small JSON.

export const DEFAULT_PAGE = 100;

type Key = string | number;

export function encodeCursor(key: Key): string {
  return Buffer.from(JSON.stringify({ after: key })).toString('base64url');
}

/** The key a cursor names, or null when it is not one of ours. */
export function decodeCursor(cursor: string): Key | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const after = (parsed as { after?: unknown } | null)?.after;
    return typeof after === 'string' || typeof after === 'number' ? after : null;
  } catch {
    return null;
  }
}

/**
 * One page of `rows` (sorted ascending by `keyOf`), after the cursor, limited to rows changed since
 * the instant asked for. The cursor was checked when the query was parsed.
 */
export function pageOf<T extends { changedAt: string }>(
  rows: readonly T[],
  keyOf: (row: T) => Key,
  query: PageQuery,
): { rows: T[]; nextCursor: string | null } {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const since = query.changedSince ? new Date(query.changedSince).getTime() : null;
  const limit = query.limit ?? DEFAULT_PAGE;
  const wanted = rows.filter(
    (r) => (after === null || keyOf(r) > after) && (since === null || new Date(r.changedAt).getTime() >= since),
  );
  const page = wanted.slice(0, limit);
  return { rows: page, nextCursor: wanted.length > limit ? encodeCursor(keyOf(page.at(-1)!)) : null };
}

/**
 * When each record last changed: its latest audit-trail entry. Every change to a record is audited
 * in its transaction, so this is exact, and it needs no `updated_at` column on every table.
 */
export async function lastChanges(
  db: Executor,
  subjectType: string,
  ids: readonly string[],
): Promise<Map<string, Date>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: auditEvents.subjectId, at: max(auditEvents.at) })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectType, subjectType), inArray(auditEvents.subjectId, [...ids])))
    .groupBy(auditEvents.subjectId);
  return new Map(rows.flatMap((r) => (r.at ? [[r.id, r.at] as const] : [])));
}
