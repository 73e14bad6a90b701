import { boolean, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';

/**
 * Which claims of the ID token (or userinfo) give the person's stable subject, name, mail and
 * language, and, when the provider gives it (FAS: egovnrn), the national register number.
 */
export interface ClaimMapping {
  subject: string;
  name: string;
  email: string;
  locale: string;
  nationalNumber?: string;
}

/** The standard claims' names, what a provider gives unless its administrator says otherwise. */
export const DEFAULT_CLAIMS: ClaimMapping = { subject: 'sub', name: 'name', email: 'email', locale: 'locale' };

/**
 * An OpenID Connect provider the installation's administrator configured (FAS/CSAM, itsme, a
 * regional IdP): found by discovery from its issuer, offered on the sign-in page when enabled.
 */
export const oidcProviders = pgTable('oidc_providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** In the addresses: /sign-in/oidc/<slug>. */
  slug: text('slug').notNull().unique(),
  label: text('label').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret'),
  /** How the client proves itself at the token endpoint: client_secret_basic, client_secret_post or private_key_jwt (itsme). */
  tokenEndpointAuthMethod: text('token_endpoint_auth_method').notNull().default('client_secret_basic'),
  /** The private key signing the client's assertion for private_key_jwt (PEM or JWK); kept like the secret, never shown back. */
  clientPrivateKey: text('client_private_key'),
  /** When the provider encrypts its ID tokens (itsme): the JWE algorithm and content encryption it uses… */
  idTokenEncryptionAlg: text('id_token_encryption_alg'),
  idTokenEncryptionEnc: text('id_token_encryption_enc'),
  /** …and the private key decrypting them (PEM or JWK), never shown back. */
  idTokenDecryptionKey: text('id_token_decryption_key'),
  scopes: text('scopes').notNull().default('openid profile email'),
  claims: jsonb('claims').$type<ClaimMapping>().notNull().default(DEFAULT_CLAIMS),
  /** Extra authorization parameters, e.g. FAS's level of assurance: { "acr_values": "urn:be:fedict:iam:fas:Level450" }. */
  authorizationParams: jsonb('authorization_params').$type<Record<string, string>>().notNull().default({}),
  enabled: boolean('enabled').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person's account at a provider (its issuer's stable subject), linked to an Octroi account only
 * after proof: signed in to that account when linking. Never matched by e-mail address.
 */
export const oidcIdentities = pgTable(
  'oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => oidcProviders.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('oidc_identities_subject_idx').on(t.providerId, t.subject)],
);

export type OidcProvider = typeof oidcProviders.$inferSelect;

/**
 * A link offered by mail: someone signed in through a provider for the first time, and its e-mail
 * claim is an account's address. The link is made only when the account's mailbox confirms it (its
 * token, stored hashed, single use, valid a day): the address alone never links anything.
 */
export const oidcLinkRequests = pgTable('oidc_link_requests', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => oidcProviders.id, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
