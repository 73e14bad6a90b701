import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { funders } from '../../platform/identity/schema.ts';
import type { Translated } from '../../domain/translated.ts';
import type { CallStatus } from '../../domain/callLifecycle.ts';

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id').notNull().references(() => funders.id),
    /** Prefix of the applications' reference numbers, e.g. BEE → BEE-2026-0042. */
    code: text('code').notNull().unique(),
    title: jsonb('title').$type<Translated>().notNull(),
    summary: jsonb('summary').$type<Translated>().notNull(),
    description: jsonb('description').$type<Translated>().notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    grantMinCents: bigint('grant_min_cents', { mode: 'number' }),
    grantMaxCents: bigint('grant_max_cents', { mode: 'number' }),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    status: text('status').$type<CallStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('calls_funder_idx').on(t.funderId)],
);
