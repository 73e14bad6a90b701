import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';
import { applications } from '../applications/schema.ts';
import { calls } from '../calls/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const JUROR_STATUSES = ['invited', 'active', 'withdrawn'] as const;
export type JurorStatus = (typeof JUROR_STATUSES)[number];

/** What a juror knows about, matched against applications to weigh the assignment. */
export interface Expertise {
  targetPublics: string[];
  activityTypes: string[];
  digcompAreas: string[];
  /** Languages the juror reads: applications in other languages are a poor match. */
  languages: ('fr' | 'nl' | 'en')[];
}

/**
 * A member of a call's jury. Invited by email (the person may have no account yet); active once
 * they have accepted and signed the independence declaration; withdrawn if they step down.
 */
export const jurors = pgTable(
  'jurors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id),
    status: text('status').$type<JurorStatus>().notNull().default('invited'),
    isChair: boolean('is_chair').notNull().default(false),
    capacity: integer('capacity'),
    minLoad: integer('min_load'),
    expertise: jsonb('expertise')
      .$type<Expertise>()
      .notNull()
      .default({ targetPublics: [], activityTypes: [], digcompAreas: [], languages: [] }),
    invitationHash: text('invitation_hash'),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    declarationSignedAt: timestamp('declaration_signed_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('jurors_call_email_idx').on(t.callId, t.email), index('jurors_user_idx').on(t.userId)],
);

/**
 * A conflict of interest, with an organisation (all its applications) or with one application.
 * Declared by the juror or recorded by an officer; a conflicted juror can never be assigned to,
 * open, or see the scores of the application.
 */
export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => jurors.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    applicationId: uuid('application_id').references(() => applications.id),
    reason: text('reason').notNull(),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conflicts_juror_idx').on(t.jurorId)],
);

/** Which juror scores which application. */
export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => jurors.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    source: text('source').$type<'manual' | 'automatic'>().notNull(),
    affinity: integer('affinity_milli'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('assignments_pair_idx').on(t.jurorId, t.applicationId),
    index('assignments_application_idx').on(t.applicationId),
  ],
);

/** A juror's evaluation of an assigned application: a score and a comment per criterion. */
export const evaluations = pgTable('evaluations', {
  assignmentId: uuid('assignment_id')
    .primaryKey()
    .references(() => assignments.id, { onDelete: 'cascade' }),
  scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
  comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
  overallComment: text('overall_comment').notNull().default(''),
  status: text('status').$type<'draft' | 'submitted'>().notNull().default('draft'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
});

/** The panel's consensus on an application: what ranking uses. Individual evaluations stay on record. */
export const consensus = pgTable('consensus', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  callId: uuid('call_id')
    .notNull()
    .references(() => calls.id, { onDelete: 'cascade' }),
  scores: jsonb('scores').$type<Record<string, number>>().notNull(),
  comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
  comment: text('comment').notNull().default(''),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Reminders sent to jurors, so officers see who was reminded when. */
export const juryReminders = pgTable(
  'jury_reminders',
  {
    jurorId: uuid('juror_id')
      .notNull()
      .references(() => jurors.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.jurorId, t.sentAt] })],
);
