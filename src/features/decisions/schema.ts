import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { PortfolioRules, SelectionMode } from '../../domain/selection/index.ts';
import type { Translated } from '../../domain/translated.ts';
import { users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import { applications } from '../applications/schema.ts';
import { calls } from '../calls/schema.ts';

/** An amount an officer fixed for one application (0 excludes it), and why when it breaks a rule. */
export interface FixedAmount {
  applicationId: string;
  amountCents: number;
  justification: string;
}

/**
 * The selection an officer prepares before the decision: the mode, the call's portfolio rules and
 * the fixed amounts. The selection itself is never stored here: it is recomputed from the ranking
 * each time, so that it always follows the consensus it comes from.
 */
export const selectionPlans = pgTable('selection_plans', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  mode: text('mode').$type<SelectionMode>().notNull().default('ranking'),
  /** Least share of a request a partial grant may be, in percent; null: no partial grant. */
  partialFloorPercent: integer('partial_floor_percent'),
  rules: jsonb('rules').$type<PortfolioRules>().notNull().default({}),
  fixed: jsonb('fixed').$type<FixedAmount[]>().notNull().default([]),
  /** Why the plan is kept although its fixed amounts together break a rule (the budget). */
  justification: text('justification').notNull().default(''),
  /** The violations the officer saw and justified when saving: a decision never carries others. */
  acknowledged: text('acknowledged').array().notNull().default([]),
  version: integer('version').notNull().default(0),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

/** The decision on a call: who decided (the body, by name), on which day, and what was published. */
export const callDecisions = pgTable('call_decisions', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  /** The body that decides, in each of the funder's required languages: letters and pages name it in theirs. */
  decidingBody: jsonb('deciding_body').$type<Translated>().notNull(),
  /** Who signs the letters for the deciding body: a name and a function ("Directrice générale"), the function translated. */
  signatoryName: text('signatory_name').notNull().default(''),
  signatoryFunction: jsonb('signatory_function').$type<Translated>().notNull().default({ fr: '' }),
  /** How and by when to contest the decision, as the letters state it; null: the default (Council of State, 60 days). */
  appealRoutes: jsonb('appeal_routes').$type<Translated>(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  mode: text('mode').$type<SelectionMode>().notNull(),
  budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  /** The officer's edited announcement, per language; null until edited (the draft is generated). */
  announcement: jsonb('announcement').$type<{ fr: string; nl: string }>(),
  resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
  /** The audit chain's head (the decision's own audit row) when it was recorded: an anchor outside the trail. */
  auditSeq: bigint('audit_seq', { mode: 'number' }),
  auditHash: text('audit_hash'),
  /**
   * Since when the call's selected projects are owed grants the grants feature has not confirmed making: set by
   * the decision and each promotion in their transaction, cleared once the grants are made. The clock retries
   * while it is set, so a failure after the decision committed is never left behind.
   */
  grantsOwedSince: timestamp('grants_owed_since', { withTimezone: true }).defaultNow(),
});

export type Outcome = 'selected' | 'reserve' | 'not-selected';

/** Each application's part of the decision, with its letter. Promotions and withdrawals update it. */
export const decisionOutcomes = pgTable(
  'decision_outcomes',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    outcome: text('outcome').$type<Outcome>().notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    /** Position in the ranking; null for an application that was not ranked (ineligible). */
    rank: integer('rank'),
    partial: boolean('partial').notNull().default(false),
    /** The engine's reason (rank, fixed, budget, rule:…, below-threshold) or `ineligible`. */
    reason: text('reason').notNull(),
    letterFileId: uuid('letter_file_id').references(() => files.id),
    /** Set when a reserve application was selected after a selected one was withdrawn. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('decision_outcomes_call_idx').on(t.callId)],
);
