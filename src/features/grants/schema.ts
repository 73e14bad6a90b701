import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementBudget, AmendmentKind } from '../../domain/grants/amendment.ts';
import type { AgreementVersionStatus } from '../../domain/grants/agreementVersions.ts';
import type { GrantStatus } from '../../domain/grants/grantLifecycle.ts';
import type { RecoveryStatus } from '../../domain/grants/ledger.ts';
import type { TrancheStatus } from '../../domain/grants/trancheLifecycle.ts';
import type { TrancheTrigger } from '../../domain/grants/tranchePlan.ts';
import type { BatchStatus } from '../../domain/grantPolicy.ts';
import type { Locale } from '../../domain/locale.ts';
import { funders, users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';
import { applications } from '../applications/schema.ts';
import { calls } from '../calls/schema.ts';
import { organisations } from '../organisations/schema.ts';

/**
 * What a funder pays from and how carefully: the debtor account its payment files name, and the amount above
 * which a tranche needs a second officer's approval. One row per funder, written by its officers.
 */
export const grantPaymentSettings = pgTable('grant_payment_settings', {
  funderId: uuid('funder_id')
    .primaryKey()
    .references(() => funders.id, { onDelete: 'cascade' }),
  debtorName: text('debtor_name').notNull(),
  /** Electronic form, validated. */
  debtorIban: text('debtor_iban').notNull(),
  debtorBic: text('debtor_bic'),
  /** Tranches strictly above this need two officers; null: one approval suffices. */
  secondApprovalAboveCents: bigint('second_approval_above_cents', { mode: 'number' }),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A grant: one per application selected by a confirmed decision, made once the results are published. The
 * organisation's and the project's facts are copied at that moment (the agreement names them as they were).
 */
export const grants = pgTable(
  'grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The installation-wide number of the grant: the base of its tranches' structured communications. */
    number: serial('number').notNull().unique(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reference: text('reference').notNull(),
    title: text('title').notNull(),
    organisationName: text('organisation_name').notNull(),
    enterpriseNumber: text('enterprise_number').notNull(),
    /** The amount the decision awarded. */
    offeredCents: bigint('offered_cents', { mode: 'number' }).notNull(),
    /** The day of the decision: when the right to the aid was conferred (de minimis). */
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    /** The language of the agreement: the organisation's members' first language. */
    locale: text('locale').$type<Locale>().notNull().default('fr'),
    status: text('status').$type<GrantStatus>().notNull().default('offered'),
    acceptBy: timestamp('accept_by', { withTimezone: true }),
    /** The grantee's reason when it declined the offer, who declined and when. */
    declineReason: text('decline_reason'),
    declinedBy: uuid('declined_by').references(() => users.id),
    declinedAt: timestamp('declined_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('grants_application_idx').on(t.applicationId),
    index('grants_call_idx').on(t.callId),
    index('grants_organisation_idx').on(t.organisationId),
    index('grants_enterprise_number_idx').on(t.enterpriseNumber),
  ],
);

/** The versions of a grant's agreement (agreementVersions.ts): the PDF, who accepted and countersigned it, when. */
export const grantAgreementVersions = pgTable(
  'grant_agreement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    status: text('status').$type<AgreementVersionStatus>().notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    reason: text('reason'),
    /** What an amendment changes (null for version 1). */
    amendmentKind: text('amendment_kind').$type<AmendmentKind>(),
    /** The budget table this version binds (the application's, or a revision of it); null without one. */
    budget: jsonb('budget').$type<AgreementBudget>(),
    /** Why the grantee declined this version. */
    declineReason: text('decline_reason'),
    fileId: uuid('file_id').references(() => files.id),
    documentSha256: text('document_sha256'),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** The SHA-256 of the PDF the grantee accepted, as their page showed it. */
    acceptedSha256: text('accepted_sha256'),
    /** The copy signed on paper, uploaded by an officer in place of the online acceptance. */
    signedCopyFileId: uuid('signed_copy_file_id').references(() => files.id),
    countersignedBy: uuid('countersigned_by').references(() => users.id),
    countersignedAt: timestamp('countersigned_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('grant_agreement_versions_number_idx').on(t.grantId, t.number)],
);

/** A payment batch: approved tranches written as one SEPA credit transfer file from the funder's account. */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** The file's MsgId and PmtInfId: unique, the funder's bank refuses a second file with the same one. */
    messageId: text('message_id').notNull().unique(),
    status: text('status').$type<BatchStatus>().notNull().default('created'),
    debtorName: text('debtor_name').notNull(),
    debtorIban: text('debtor_iban').notNull(),
    debtorBic: text('debtor_bic'),
    executionDate: date('execution_date', { mode: 'string' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    count: integer('count').notNull(),
    /** The pain.001.001.09 file as written and validated against the EPC schema. */
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidBy: uuid('paid_by').references(() => users.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [index('payment_batches_call_idx').on(t.callId)],
);

/** A grant's tranches, planned from the call's payment plan (tranchePlan.ts), with their state and sign-offs. */
export const grantTranches = pgTable(
  'grant_tranches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    percent: integer('percent').notNull(),
    trigger: text('trigger').$type<TrancheTrigger>().notNull(),
    occurrence: integer('occurrence').notNull().default(1),
    dueOn: date('due_on', { mode: 'string' }),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    status: text('status').$type<TrancheStatus>().notNull().default('planned'),
    /** Twelve digits: the Belgian structured communication its transfer carries. */
    structuredCommunication: text('structured_communication').notNull().unique(),
    madeDueBy: uuid('made_due_by').references(() => users.id),
    madeDueAt: timestamp('made_due_at', { withTimezone: true }),
    /** The officers who approved it, in order. */
    approvers: uuid('approvers').array().notNull().default([]),
    batchId: uuid('batch_id').references(() => paymentBatches.id),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('grant_tranches_number_idx').on(t.grantId, t.number),
    index('grant_tranches_batch_idx').on(t.batchId),
  ],
);

/** An amount claimed back from a grantee, with its reason and the letter that claims it. */
export const grantRecoveries = pgTable('grant_recoveries', {
  id: uuid('id').primaryKey().defaultRandom(),
  grantId: uuid('grant_id')
    .notNull()
    .references(() => grants.id, { onDelete: 'cascade' }),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  letterFileId: uuid('letter_file_id').references(() => files.id),
  status: text('status').$type<RecoveryStatus>().notNull().default('claimed'),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/**
 * A call's own clauses for its agreements, one text per language, written by its officers: printed in the
 * agreement's PDF as the call's specific conditions, after the standard articles. No row: none.
 */
export const grantAgreementTemplates = pgTable('grant_agreement_templates', {
  callId: uuid('call_id')
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  /** Per language, the clauses as paragraphs separated by blank lines. */
  clauses: jsonb('clauses').$type<Record<Locale, string>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
