import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import type { Answers, RawAnswers } from '../../domain/forms/definition.ts';
import { users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import { callForms, calls } from '../calls/schema.ts';
import { organisations } from '../organisations/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    formId: uuid('form_id')
      .notNull()
      .references(() => callForms.id),
    status: text('status').$type<ApplicationStatus>().notNull().default('draft'),
    /** Handed out at the first submission, e.g. BEE-2026-0042. */
    reference: text('reference'),
    title: text('title').notNull(),
    /** What was typed, as typed: drafts never lose input that does not validate yet. */
    rawAnswers: jsonb('raw_answers').$type<RawAnswers>().notNull().default({}),
    /** Typed values as of the last submission (frozen), or the last save's valid part for drafts. */
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    // Denormalised from the answers at each save, for the officer's filters.
    requestedCents: bigint('requested_cents', { mode: 'number' }),
    communes: text('communes').array().notNull().default([]),
    targetPublics: text('target_publics').array().notNull().default([]),
    search: tsvector('search')
      .notNull()
      .default(sql`''::tsvector`),
    /** Optimistic lock: a save must name the version it edited. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    index('applications_call_status_idx').on(t.callId, t.status),
    index('applications_org_idx').on(t.organisationId),
    uniqueIndex('applications_reference_idx').on(t.reference),
    index('applications_search_idx').using('gin', t.search),
  ],
);

/** Every submission, frozen: the answers, their SHA-256 and the instant. Resubmissions add rows. */
export const applicationSubmissions = pgTable(
  'application_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    formId: uuid('form_id')
      .notNull()
      .references(() => callForms.id),
    answers: jsonb('answers').$type<Answers>().notNull(),
    sha256: text('sha256').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('application_submissions_app_idx').on(t.applicationId)],
);

/** An officer's request for completion: the fields reopened, the message and the due instant. */
export const applicationReturns = pgTable('application_returns', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' }),
  message: text('message').notNull(),
  openFields: text('open_fields').array().notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  createdBy: uuid('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

/** Files attached to an answer (a file field) of an application. */
export const applicationFiles = pgTable(
  'application_files',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fieldId: text('field_id').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
  },
  (t) => [uniqueIndex('application_files_idx').on(t.applicationId, t.fileId)],
);

/** Reminders already sent, so each draft gets each reminder once. */
export const applicationReminders = pgTable(
  'application_reminders',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'48h' | '2h'>().notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_reminders_idx').on(t.applicationId, t.kind)],
);

/** The last reference number handed out per call, taken in the submitting transaction (no gaps, no duplicates). */
export const applicationCounters = pgTable('application_counters', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  lastNumber: integer('last_number').notNull().default(0),
});

/**
 * Officers' internal notes on an application: kept by the call's officers, never shown to the
 * applicant (the applicant's pages and the API never read this table).
 */
export const applicationNotes = pgTable(
  'application_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('application_notes_application_idx').on(t.applicationId, t.createdAt)],
);
