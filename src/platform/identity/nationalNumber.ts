// The national register number is personal data a funder may keep only with a legal basis, so the
// model is the narrowest that serves one: a person's number is stored on their account only while at
// least one funder they hold a role at says in its settings that it has such a basis, and is shown
// only on such a funder's own pages, and to its holder on their account page. Signing in through a
// provider that gives the number stores it when that holds; a funder withdrawing its basis, or a role
// ending, forgets the numbers no funder still allows. It goes into no export, API answer, audit row
// nor log line: nothing but the funder's page and its holder's account page selects it.
import { and, eq, exists, isNotNull, not, sql } from 'drizzle-orm';
import { parseNationalNumber } from '../../domain/nationalNumber.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Transaction } from '../db/client.ts';
import { funders, roleGrants, users } from './schema.ts';

/** A role of the user (the users row in the query) at a funder that keeps the number. */
const allowingRole = (tx: Transaction) =>
  tx
    .select({ one: sql`1` })
    .from(roleGrants)
    .innerJoin(funders, eq(funders.id, roleGrants.funderId))
    .where(and(eq(roleGrants.userId, users.id), isNotNull(funders.nationalNumberLegalBasis)));

/**
 * After a sign-in through `provider`: keeps the number it gave (its check holding) if a funder
 * allows it; a provider giving none leaves a number kept from another one. A number newly kept is
 * audited (that it was, and from where; never the number).
 */
export async function keepNationalNumber(
  tx: Transaction,
  input: { userId: string; given: string | null; provider: string },
): Promise<void> {
  const number = parseNationalNumber(input.given);
  if (!number) return;
  const changed = await tx
    .update(users)
    .set({ nationalNumber: number })
    .where(
      and(
        eq(users.id, input.userId),
        sql`${users.nationalNumber} is distinct from ${number}`,
        exists(allowingRole(tx)),
      ),
    )
    .returning({ id: users.id });
  if (changed.length)
    await recordAudit(tx, {
      actorId: input.userId,
      action: 'account.national-number-kept',
      subjectType: 'user',
      subjectId: input.userId,
      after: { provider: input.provider },
    });
}

/** Forgets every number that no funder allows any longer: after a funder's basis or a role went away. */
export async function forgetUnallowedNationalNumbers(tx: Transaction): Promise<void> {
  await tx
    .update(users)
    .set({ nationalNumber: null })
    .where(and(isNotNull(users.nationalNumber), not(exists(allowingRole(tx)))));
}
