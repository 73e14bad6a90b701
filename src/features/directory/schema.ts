import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FunderLabelKey, LanguageKey } from '../../domain/directory/brusselsCodelists.ts';
import type { NationalProgrammeKey, TrainingLabelKey } from '../../domain/directory/frenchProgrammes.ts';
import type {
  AccessModeKey,
  FeeKey,
  HelpModeKey,
  MobilityKey,
  PublicKey,
  ServiceKey,
  SupportKey,
} from '../../domain/directory/mediationCodelists.ts';
import type { PlaceText } from '../../domain/directory/place.ts';
import type { PlaceState } from '../../domain/directory/placeLifecycle.ts';
import { funders, users } from '../../platform/identity/schema.ts';

/**
 * A place of the residents' directory: the fields of the standard "lieux de médiation numérique"
 * (src/domain/directory/place.ts), lists and texts in jsonb, plus who owns it (an organisation, or
 * the funder whose officers curate it), its state and when it was last checked.
 */
export const directoryPlaces = pgTable(
  'directory_places',
  {
    /** The standard's `id`: stable across imports and exports, and the place's public address. */
    id: text('id').primaryKey(),
    /** The funder whose officers review, publish and check the place. */
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id),
    /** The organisation that describes the place; null for a place the funder owns (added or imported). */
    organisationId: uuid('organisation_id'),
    state: text('state').$type<PlaceState>().notNull().default('draft'),
    enterpriseNumber: text('enterprise_number').notNull(),
    organisation: text('organisation'),
    name: text('name').notNull(),
    summary: jsonb('summary').$type<PlaceText>().notNull(),
    details: jsonb('details').$type<PlaceText | null>(),
    street: text('street').notNull(),
    addressComplement: text('address_complement'),
    postalCode: text('postal_code').notNull(),
    communeNis: text('commune_nis').notNull(),
    coordinates: jsonb('coordinates').$type<{ latitude: number; longitude: number } | null>(),
    phone: text('phone'),
    emails: jsonb('emails').$type<string[]>().notNull().default([]),
    websites: jsonb('websites').$type<string[]>().notNull().default([]),
    bookingUrl: text('booking_url'),
    accessibilityUrl: text('accessibility_url'),
    openingHours: text('opening_hours'),
    services: jsonb('services').$type<ServiceKey[]>().notNull(),
    publics: jsonb('publics').$type<PublicKey[]>().notNull().default([]),
    supports: jsonb('supports').$type<SupportKey[]>().notNull().default([]),
    fees: jsonb('fees').$type<FeeKey[]>().notNull().default([]),
    accessModes: jsonb('access_modes').$type<AccessModeKey[]>().notNull().default([]),
    helpModes: jsonb('help_modes').$type<HelpModeKey[]>().notNull().default([]),
    mobility: jsonb('mobility').$type<MobilityKey[]>().notNull().default([]),
    languages: jsonb('languages').$type<LanguageKey[]>().notNull(),
    stepFree: boolean('step_free'),
    typology: jsonb('typology').$type<string[]>().notNull().default([]),
    nationalProgrammes: jsonb('national_programmes').$type<NationalProgrammeKey[]>().notNull().default([]),
    trainingLabels: jsonb('training_labels').$type<TrainingLabelKey[]>().notNull().default([]),
    otherLabels: text('other_labels'),
    funderLabels: jsonb('funder_labels').$type<FunderLabelKey[]>().notNull().default([]),
    grantReference: text('grant_reference'),
    source: text('source'),
    /** The standard's `date_maj`: the calendar day someone last checked the place (Brussels). */
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    /** The import that last wrote the place, if one did. */
    importBatchId: uuid('import_batch_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Any change, for the public index to know it must be built again. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('directory_places_state_idx').on(t.state),
    index('directory_places_funder_idx').on(t.funderId),
    index('directory_places_organisation_idx').on(t.organisationId),
  ],
);

/**
 * A file an officer imported: kept from the preview to its application, so that what is written is
 * exactly what was previewed, and afterwards as the record of where the places came from.
 */
export const directoryImports = pgTable(
  'directory_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    funderId: uuid('funder_id')
      .notNull()
      .references(() => funders.id),
    /** Who the file comes from ("Commune d’Ixelles"): part of the identity of rows without an id. */
    source: text('source').notNull(),
    format: text('format').$type<'csv' | 'json'>().notNull(),
    fileName: text('file_name').notNull(),
    content: text('content').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    /** What applying it did: places added, changed, unchanged, bad rows. */
    counts: jsonb('counts').$type<{ added: number; changed: number; unchanged: number; bad: number }>(),
  },
  (t) => [index('directory_imports_funder_idx').on(t.funderId)],
);
