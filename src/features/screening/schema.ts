import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';
import { applications } from '../applications/schema.ts';

export const VERDICTS = ['met', 'not-met', 'to-verify'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The officer's checklist for one application: a verdict and a note per eligibility criterion. */
export const eligibilityChecks = pgTable('eligibility_checks', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  verdicts: jsonb('verdicts').$type<Record<string, { verdict: Verdict; note: string }>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every eligibility decision and every reopening, in order: the history an applicant's appeal or
 * an audit reads. The current decision is the application's status; this is how it came to be.
 */
export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'eligible' | 'ineligible' | 'reopened'>().notNull(),
    /** The criteria found not met, for an ineligible decision. */
    unmetCriteria: text('unmet_criteria').array().notNull().default([]),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('eligibility_decisions_app_idx').on(t.applicationId)],
);
