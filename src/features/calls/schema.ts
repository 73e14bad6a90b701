import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { funders, users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import type { Translated } from '../../domain/translated.ts';
import type { CallPart, CallStatus } from '../../domain/callLifecycle.ts';
import type { FormDefinition } from '../../domain/forms/definition.ts';
import { DEFAULT_JURY_SETTINGS, type JurySettings } from '../../domain/jurySettings.ts';
import type {
  EligibilityCriterion,
  EvaluationCriterion,
  RequiredDocument,
  Tranche,
} from '../../domain/callCriteria.ts';

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id),
    /** Prefix of the applications' reference numbers, e.g. BEE → BEE-2026-0042. */
    code: text('code').notNull().unique(),
    title: jsonb('title').$type<Translated>().notNull(),
    summary: jsonb('summary').$type<Translated>().notNull(),
    description: jsonb('description').$type<Translated>().notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }).notNull(),
    grantMinCents: bigint('grant_min_cents', { mode: 'number' }),
    grantMaxCents: bigint('grant_max_cents', { mode: 'number' }),
    /** The grant covers at most this share of the project's total cost (null: no rule). */
    coFundingMaxPercent: integer('co_funding_max_percent'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    status: text('status').$type<CallStatus>().notNull().default('draft'),
    /** When it stopped taking applications: the deadline, or earlier when an officer closed it early. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    eligibilityCriteria: jsonb('eligibility_criteria').$type<EligibilityCriterion[]>().notNull().default([]),
    evaluationCriteria: jsonb('evaluation_criteria').$type<EvaluationCriterion[]>().notNull().default([]),
    overallThreshold: integer('overall_threshold'),
    targetPublics: text('target_publics').array().notNull().default([]),
    activityTypes: text('activity_types').array().notNull().default([]),
    requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull().default([]),
    tranchePlan: jsonb('tranche_plan').$type<Tranche[]>().notNull().default([]),
    jurySettings: jsonb('jury_settings').$type<JurySettings>().notNull().default(DEFAULT_JURY_SETTINGS),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('calls_funder_idx').on(t.funderId)],
);

/**
 * The versions of a call's form. While the call is a draft its single version is edited in place;
 * once published, a change that could break answers makes a new version, and every application
 * keeps the version it was submitted with.
 */
export const callForms = pgTable(
  'call_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<FormDefinition>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('call_forms_version_idx').on(t.callId, t.version)],
);

/** Terms of a funder's editable lists (target publics, activity types), seeded with the defaults. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'target-public' | 'activity-type'>().notNull(),
    key: text('key').notNull(),
    label: jsonb('label').$type<Translated>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('taxonomy_terms_key_idx').on(t.funderId, t.kind, t.key)],
);

/** The public Q&A of a call: applicants ask, the officer answers once for everyone. */
export const callQuestions = pgTable(
  'call_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    /** As it was asked, in the asker's words: never public. */
    question: text('question').notNull(),
    /** As published, in each of the funder's languages (an officer may reword it first). */
    publishedQuestion: jsonb('published_question').$type<Translated>(),
    answer: jsonb('answer').$type<Translated>(),
    answeredBy: uuid('answered_by').references(() => users.id),
    askedAt: timestamp('asked_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('call_questions_call_idx').on(t.callId)],
);

/** Documents an officer publishes with a call (guidelines, budget template), downloadable by anyone once the call is public. */
export const callDocuments = pgTable(
  'call_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    label: jsonb('label').$type<Translated>().notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_documents_call_idx').on(t.callId)],
);

/**
 * Changes made to a call after its publication: each is versioned (the call's version after it),
 * says which parts it touched and why, and is shown on the public page ("corrected on …"), since
 * applicants may have read the call before it.
 */
export const callCorrections = pgTable(
  'call_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    callVersion: integer('call_version').notNull(),
    parts: text('parts').array().$type<CallPart[]>().notNull(),
    note: jsonb('note').$type<Translated>().notNull(),
    correctedBy: uuid('corrected_by')
      .notNull()
      .references(() => users.id),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('call_corrections_call_idx').on(t.callId, t.correctedAt)],
);
