import { eq, inArray } from 'drizzle-orm';
import { NotFoundError } from '../../../domain/errors.ts';
import { planTranches } from '../../../domain/grants/tranchePlan.ts';
import { isLocale, type Locale } from '../../../domain/locale.ts';
import { structuredCommunicationFor } from '../../../domain/structuredCommunication.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { inTransaction } from '../../../platform/db/unitOfWork.ts';
import type { GrantsDeps } from '../deps.ts';
import { grants, grantTranches } from '../schema.ts';

/** A tranche's structured communication: the grant's number and the tranche's, with the mod-97 check. */
export const communicationOf = (grantNumber: number, trancheNumber: number) =>
  structuredCommunicationFor(grantNumber * 100 + trancheNumber);

/** The structured communication a grantee pays its `n`th recovery back with: the grant's number, 99, 98…. */
export const recoveryCommunicationOf = (grantNumber: number, n: number) =>
  structuredCommunicationFor(grantNumber * 100 + 100 - Math.min(n, 50));

/**
 * Makes the grants a call's decision owes: one per selected application not withdrawn, at the amount decided,
 * with its tranches planned from the call's payment plan. Idempotent (one grant per application, whoever asks
 * first), and silent on a call not decided yet. Returns how many grants it made. The decisions service calls it
 * (through the grantOffers port the composition root gives it) once a decision or a promotion is committed.
 */
export async function createGrants(deps: GrantsDeps, callId: string): Promise<number> {
  let results;
  try {
    results = await deps.decisions.decidedResults(callId);
  } catch (error) {
    if (error instanceof NotFoundError) return 0;
    throw error;
  }
  const existing = await deps.db
    .select({ applicationId: grants.applicationId })
    .from(grants)
    .where(eq(grants.callId, callId));
  const have = new Set(existing.map((g) => g.applicationId));
  const missing = results.projects.filter((p) => !have.has(p.id) && p.amountCents > 0);
  if (!missing.length) return 0;
  const submitted = await deps.applications.submittedOf(callId);
  const organisationOf = new Map(submitted.map((a) => [a.id, a.organisationId]));
  const locales = new Map<string, Locale>();
  for (const organisationId of new Set(missing.map((p) => organisationOf.get(p.id)!))) {
    const [first] = await deps.organisations.recipients(organisationId);
    locales.set(organisationId, first && isLocale(first.locale) ? first.locale : 'fr');
  }
  const { call } = results;
  return inTransaction(deps, async (tx) => {
    let made = 0;
    for (const project of missing) {
      const organisationId = organisationOf.get(project.id);
      if (!organisationId) continue;
      const [grant] = await tx
        .insert(grants)
        .values({
          applicationId: project.id,
          callId,
          funderId: call.funderId,
          organisationId,
          reference: project.reference,
          title: project.title,
          organisationName: project.organisationName,
          enterpriseNumber: project.enterpriseNumber,
          offeredCents: project.amountCents,
          awardedOn: results.decision.decidedOn,
          locale: locales.get(organisationId) ?? 'fr',
        })
        .onConflictDoNothing({ target: grants.applicationId })
        .returning({ id: grants.id, number: grants.number });
      if (!grant) continue; // made meanwhile by another request
      const planned = planTranches(project.amountCents, { terms: call.tranchePlan, singlePaymentBelowCents: null });
      await tx.insert(grantTranches).values(
        planned.map((t) => ({
          grantId: grant.id,
          number: t.number,
          percent: t.percent,
          trigger: t.trigger,
          occurrence: t.occurrence,
          dueOn: t.dueOn,
          amountCents: t.amountCents,
          structuredCommunication: communicationOf(grant.number, t.number),
        })),
      );
      await recordAudit(tx, {
        actorId: null,
        funderId: call.funderId,
        action: 'grant.created',
        subjectType: 'grant',
        subjectId: grant.id,
        after: { applicationId: project.id, offeredCents: project.amountCents, tranches: planned.length },
      });
      made++;
    }
    return made;
  });
}

/** The calls among `callIds` that have grants already (a list that needs no creation run). */
export async function callsWithGrants(deps: Pick<GrantsDeps, 'db'>, callIds: string[]): Promise<Set<string>> {
  if (!callIds.length) return new Set();
  const rows = await deps.db
    .selectDistinct({ callId: grants.callId })
    .from(grants)
    .where(inArray(grants.callId, callIds));
  return new Set(rows.map((r) => r.callId));
}
