import { and, eq, ne, notInArray } from 'drizzle-orm';
import { checkDeMinimis, type DeMinimisCheck } from '../../domain/grants/deMinimis.ts';
import type { CalendarDate } from '../../domain/calendarDate.ts';
import type { Executor } from '../../platform/db/client.ts';
import { grantAgreementVersions, grants } from './schema.ts';

/**
 * The de minimis check of a grant about to be offered: every other grant of the same enterprise number across
 * the installation (every funder's), at its binding amount or its offer, on the day of its decision; a declined
 * grant conferred nothing. The proposed aid is this grant's amount, on `on` (the day the agreement leaves).
 */
export async function deMinimisFor(
  db: Executor,
  grant: { id: string; enterpriseNumber: string },
  amountCents: number,
  on: CalendarDate,
): Promise<DeMinimisCheck> {
  const others = await db
    .select({ id: grants.id, offeredCents: grants.offeredCents, awardedOn: grants.awardedOn })
    .from(grants)
    .where(
      and(
        eq(grants.enterpriseNumber, grant.enterpriseNumber),
        ne(grants.id, grant.id),
        notInArray(grants.status, ['declined']),
      ),
    );
  const binding = others.length
    ? await db
        .select({ grantId: grantAgreementVersions.grantId, amountCents: grantAgreementVersions.amountCents })
        .from(grantAgreementVersions)
        .innerJoin(grants, eq(grants.id, grantAgreementVersions.grantId))
        .where(
          and(eq(grants.enterpriseNumber, grant.enterpriseNumber), eq(grantAgreementVersions.status, 'countersigned')),
        )
    : [];
  const amended = new Map(binding.map((b) => [b.grantId, b.amountCents]));
  return checkDeMinimis(
    others.map((g) => ({ amountCents: amended.get(g.id) ?? g.offeredCents, awardedOn: g.awardedOn })),
    { amountCents, awardedOn: on },
  );
}
