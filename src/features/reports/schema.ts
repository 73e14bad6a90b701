import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { IndicatorChoice } from '../../domain/grants/indicatorChoice.ts';
import type { IndicatorValues } from '../../domain/grants/reportIndicators.ts';
import type { ReportStatus } from '../../domain/grants/reportLifecycle.ts';
import type { ReportDefinition, ReportKind } from '../../domain/grants/reportSchedule.ts';
import { users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import { calls } from '../calls/schema.ts';
import { grants } from '../grants/schema.ts';

/**
 * A call's report plan, written by its officers: the reports its grants owe and the indicators they ask. No row:
 * the default plan (DEFAULT_REPORT_PLAN, DEFAULT_INDICATOR_CHOICE).
 */
export const reportPlans = pgTable('report_plans', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  reports: jsonb('reports').$type<ReportDefinition[]>().notNull(),
  indicators: jsonb('indicators').$type<IndicatorChoice>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A grant's report, scheduled from its call's report plan (reportSchedule.ts) and moved through reportLifecycle.ts.
 * `values` holds the indicators as IndicatorValues keyed by indicator id (defaultIndicatorSet's ids, and the call's
 * own counts' ids): the impact
 * pages read the approved reports' values in that shape.
 */
export const grantReports = pgTable(
  'grant_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    /** The report's id in the call's plan: "interim-1", "final". */
    definitionId: text('definition_id').notNull(),
    kind: text('kind').$type<ReportKind>().notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** True when an officer moved the due day for this grant. */
    moved: boolean('moved').notNull().default(false),
    /** When returned: the instant the corrected report is due; null for no limit. */
    returnDueAt: timestamp('return_due_at', { withTimezone: true }),
    status: text('status').$type<ReportStatus>().notNull().default('not-due'),
    values: jsonb('values').$type<IndicatorValues>().notNull().default({}),
    /** Optimistic lock: each save and each transition raises it. */
    version: integer('version').notNull().default(1),
    savedAt: timestamp('saved_at', { withTimezone: true }),
    savedBy: uuid('saved_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The officer's remarks when returning (or approving with a note). */
    remarks: text('remarks'),
    skipReason: text('skip_reason'),
    /** The last reminder mailed before the due day, so a job run twice mails once. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('grant_reports_definition_idx').on(t.grantId, t.definitionId),
    index('grant_reports_status_due_idx').on(t.status, t.dueAt),
  ],
);

/** An expense a report justifies against a line of the application's budget table, with its supporting document. */
export const reportExpenses = pgTable(
  'report_expenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => grantReports.id, { onDelete: 'cascade' }),
    /** The index of the line in the binding budget's lines (recoveryProposal.ts's JustifiedExpense.line). */
    budgetLine: integer('budget_line').notNull(),
    spentCents: bigint('spent_cents', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    /** The supporting document, its type checked on its content at upload. */
    fileId: uuid('file_id').references(() => files.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_expenses_report_idx').on(t.reportId)],
);
