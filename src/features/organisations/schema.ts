import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';
import { files } from '../../platform/storage/schema.ts';

export const LEGAL_FORMS = ['asbl', 'social-economy', 'public-body', 'other'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const ORGANISATION_DOCUMENT_KINDS = ['statutes', 'accounts', 'bank-certificate', 'other'] as const;
export type OrganisationDocumentKind = (typeof ORGANISATION_DOCUMENT_KINDS)[number];

/** An applicant organisation. It is not a tenant: the same organisation applies to several funders. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    legalForm: text('legal_form').$type<LegalForm>().notNull(),
    /** Belgian enterprise number, 10 digits, validated. */
    enterpriseNumber: text('enterprise_number').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    /** NIS code of the Brussels commune, when the address is in Brussels. */
    communeNis: text('commune_nis'),
    iban: text('iban').notNull(),
    accountHolder: text('account_holder').notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('organisations_enterprise_number_idx').on(t.enterpriseNumber)],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<'owner' | 'member'>().notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_members_user_idx').on(t.userId)],
);

/** An invitation by email; the link's token is stored hashed and works once. */
export const organisationInvitations = pgTable('organisation_invitations', {
  tokenHash: text('token_hash').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  role: text('role').$type<'owner' | 'member'>().notNull(),
  invitedBy: uuid('invited_by')
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
});

/** Documents uploaded once and reused in every application (statutes, accounts, bank certificate). */
export const organisationDocuments = pgTable(
  'organisation_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<OrganisationDocumentKind>().notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_documents_org_idx').on(t.organisationId)],
);
