import { sql } from 'drizzle-orm';
import type { Role } from '../../domain/access.ts';
import type { Locale } from '../../domain/locale.ts';
import type { Translated } from '../../domain/translated.ts';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type { Translated };

/** A funder is a tenant: an administration that runs calls. Every business record belongs to one. */
export const funders = pgTable('funders', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: jsonb('name').$type<Translated>().notNull(),
  description: jsonb('description').$type<Translated>().notNull().default({ fr: '' }),
  website: text('website'),
  /** Where applicants' replies go (Reply-To of every mail sent for the funder) and the letters' contact. */
  contactEmail: text('contact_email'),
  /** The letterhead's postal address. */
  street: text('street'),
  postalCode: text('postal_code'),
  city: text('city'),
  /** An uploaded logo (PNG or JPEG), shown on letters and agreements. */
  logoFileId: uuid('logo_file_id'),
  /** The languages every published text must be given in (Brussels: French and Dutch). */
  requiredLanguages: text('required_languages').array().$type<Locale[]>().notNull().default(['fr']),
  /**
   * Set only when the funder has a legal basis to keep the national register number of the people
   * acting for it, and says which (the law or decree): null, the number is not kept for this funder.
   */
  nationalNumberLegalBasis: text('national_number_legal_basis'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('fr'),
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** A deactivated account keeps its records and history but can no longer sign in. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Kept only while a funder the person has a role at has a legal basis for it: see nationalNumber.ts. */
    nationalNumber: text('national_number'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** Roles are granted per funder: one person can be an officer at one administration and a juror at another. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('role_grants_unique_idx').on(t.userId, t.funderId, t.role)],
);

/** The cookie holds a random token; only its SHA-256 is stored, so a database leak yields no session. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * Waiting for the second factor: such a session signs nobody in (loadSessionUser ignores it); the
     * second-factor step replaces it with a full one. It lives ten minutes.
     */
    pending: boolean('pending').notNull().default(false),
    /** How the first factor was given: 'password', 'passkey' (password-less), or 'provider:<slug>'. */
    method: text('method').notNull().default('password'),
    /** The level of assurance (acr) a provider vouched for, when signed in through one. */
    acr: text('acr'),
    /** The second factor given in this session ('totp', 'passkey', 'recovery-code'), if any. */
    secondFactor: text('second_factor'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * What a funder's administrator requires of the sessions in which a role of theirs counts: a second
 * factor, sign-in through a given provider, a minimum level of assurance. A grant whose requirement
 * a session does not meet is withheld in that session (domain/signInAssurance.ts).
 */
export const signInRequirements = pgTable(
  'sign_in_requirements',
  {
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    secondFactor: boolean('second_factor').notNull().default(false),
    /** The slug of the provider to sign in through (oidc_providers.slug), or none. */
    provider: text('provider'),
    /** The minimum level of assurance (acr) the provider must vouch for, or none. */
    minimumAcr: text('minimum_acr'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sign_in_requirements_idx').on(t.funderId, t.role)],
);

/**
 * What the installation requires of its administrators' sessions (one row, or none for nothing):
 * their role reaches every funder, so a leaked password alone should not carry it. The same three
 * requirements as a funder's role, and a session that does not meet it keeps working without the
 * installation's administration, like a funder's role.
 */
export const installationSignInRequirement = pgTable('installation_sign_in_requirement', {
  /** Always 'installation': the one row. */
  id: text('id').primaryKey().default('installation'),
  secondFactor: boolean('second_factor').notNull().default(false),
  /** The slug of the provider to sign in through (oidc_providers.slug), or none. */
  provider: text('provider'),
  /** The minimum level of assurance (acr) the provider must vouch for, or none. */
  minimumAcr: text('minimum_acr'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A person's authenticator app (TOTP, RFC 6238): the secret, confirmed once a first code matched. */
export const totpSecrets = pgTable('totp_secrets', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Base32, as the authenticator app was given it. */
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last time step accepted: a code is never accepted twice (replay). */
  lastStep: integer('last_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Recovery codes: shown once, stored as SHA-256 only, each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** A passkey (WebAuthn credential) registered by a person: its public key and signature counter. */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id, base64url. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

export const TOKEN_PURPOSES = ['confirm-email', 'reset-password'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** One-time tokens sent by mail; stored hashed, single use, short-lived. */
export const userTokens = pgTable('user_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  purpose: text('purpose').$type<TokenPurpose>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed sign-ins per address typed, for the per-account throttle (domain/signInThrottle.ts). Keyed
 * by the SHA-256 of the lower-cased address, not by account: an address without an account is
 * counted and paused the same way, and the addresses people mistype are not kept in clear.
 */
export const signInThrottles = pgTable('sign_in_throttles', {
  emailHash: text('email_hash').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  pausedUntil: timestamp('paused_until', { withTimezone: true }),
});
