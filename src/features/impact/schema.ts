import { integer, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/identity/schema.ts';

/**
 * The population the dashboards set the participants against, as the installation's administrators last set it
 * (one row, `installation`); until they do, reference-data/seed-calls.json's figures stand.
 */
export const referencePopulations = pgTable('reference_populations', {
  id: text('id').primaryKey().default('installation'),
  digitallyVulnerablePeople: integer('digitally_vulnerable_people').notNull(),
  /** In [0, 1]: 0.4 for 40 %. */
  digitallyVulnerableShare: real('digitally_vulnerable_share').notNull(),
  source: text('source').notNull(),
  /** Optimistic lock: two administrators never overwrite each other. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});
