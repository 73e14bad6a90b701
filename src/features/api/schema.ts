import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ApiScope } from '../../domain/apiTokenPolicy.ts';
import { users } from '../../platform/identity/schema.ts';

/**
 * Personal API tokens, for an officer's scripts and tools. Like sessions, only the SHA-256 of the
 * token is kept: the token itself is shown once, at creation, and a database leak opens nothing.
 * A revoked token stays on record (who had access until when); it never authenticates again.
 * A token does what its scopes say (read, write), at its funders only (null: all of its owner's),
 * until it expires (tokens made before expiry existed got 90 days from the migration).
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    scopes: text('scopes').array().$type<ApiScope[]>().notNull().default(['read']),
    funderIds: uuid('funder_ids').array(),
    expiresAt: timestamp('expires_at', { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '90 days'`),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
