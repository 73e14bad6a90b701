import { and, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { funders, users } from '../identity/schema.ts';
import type { Translated } from '../../domain/translated.ts';
import { auditEvents } from './schema.ts';

export interface AuditFilters {
  /** The funders whose rows the reader may see; 'all' also shows the rows of no funder (accounts). */
  funderIds: 'all' | readonly string[];
  /** Part of the acting person's name or address. */
  actor?: string | undefined;
  /** The start of an action's name (`call.`, `screening.decided`). */
  action?: string | undefined;
  /** A record's id, or its type (`application`). */
  subject?: string | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  /** Rows before this sequence number: the next page, newest first. */
  before?: number | undefined;
}

export interface AuditRow {
  seq: number;
  at: Date;
  action: string;
  subjectType: string;
  subjectId: string;
  reason: string | null;
  actorName: string | null;
  actorEmail: string | null;
  funderName: Translated | null;
  before: unknown;
  after: unknown;
}

/** A page of the audit trail, newest first, as an administrator filters it. */
export async function auditPage(db: Executor, filters: AuditFilters, limit = 50): Promise<AuditRow[]> {
  if (filters.funderIds !== 'all' && !filters.funderIds.length) return [];
  const conditions: (SQL | undefined)[] = [
    filters.funderIds === 'all' ? undefined : inArray(auditEvents.funderId, [...filters.funderIds]),
    filters.action ? sql`${auditEvents.action} like ${escapeLike(filters.action) + '%'}` : undefined,
    filters.subject
      ? or(eq(auditEvents.subjectId, filters.subject), eq(auditEvents.subjectType, filters.subject))
      : undefined,
    filters.from ? gte(auditEvents.at, filters.from) : undefined,
    filters.to ? lt(auditEvents.at, filters.to) : undefined,
    filters.before ? lt(auditEvents.seq, filters.before) : undefined,
    filters.actor
      ? or(
          ilike(users.email, `%${escapeLike(filters.actor)}%`),
          ilike(users.displayName, `%${escapeLike(filters.actor)}%`),
        )
      : undefined,
  ];
  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      reason: auditEvents.reason,
      actorName: users.displayName,
      actorEmail: users.email,
      funderName: funders.name,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(funders, eq(funders.id, auditEvents.funderId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

/** A search term taken literally by LIKE: its own % and _ match themselves. */
function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}
