import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import type { Recipient } from '../mail/personalMail.ts';
import { roleGrants, users } from './schema.ts';

/** A funder's programme officers whose accounts are active: who hears of what its grantees do. */
export async function funderOfficers(db: Executor, funderId: string): Promise<Recipient[]> {
  return db
    .select({ email: users.email, displayName: users.displayName, locale: users.locale })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(roleGrants.funderId, funderId), eq(roleGrants.role, 'officer'), isNull(users.deactivatedAt)))
    .orderBy(users.email);
}
