// The agreement's PDF for one version of one grant: the facts gathered (funder, call, organisation, the call's
// own clauses in the grant's language) and rendered by the letters' renderer, with the SHA-256 that fixes what
// the grantee accepts. Shared by the agreement sent first and by every amendment.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { budgetIn, type AgreementBudget, type AmendmentKind } from '../../domain/grants/amendment.ts';
import { funderLogo } from '../../platform/identity/funderLogo.ts';
import { funders } from '../../platform/identity/schema.ts';
import { renderPdf } from '../../platform/pdf/renderPdf.ts';
import type { GrantRow, TrancheRow } from './access.ts';
import { agreementSpec } from './agreement.ts';
import type { GrantsDeps } from './deps.ts';
import { grantAgreementTemplates } from './schema.ts';

export interface AgreementVersionTerms {
  number: number;
  reason: string | null;
  amendmentKind: AmendmentKind | null;
  amountCents: number;
  periodStart: string;
  periodEnd: string;
  budget: AgreementBudget | null;
}

/** The budget table of the grant's application, as version 1 of its agreement binds it. */
export async function applicationBudget(deps: Pick<GrantsDeps, 'applications'>, applicationId: string) {
  return budgetIn((await deps.applications.answersOf([applicationId])).get(applicationId));
}

/** The call's agreement clauses per language, or null when its officers wrote none. */
export async function agreementClauses(
  deps: Pick<GrantsDeps, 'db'>,
  callId: string,
): Promise<{ clauses: Record<string, string>; version: number } | null> {
  const [row] = await deps.db
    .select({ clauses: grantAgreementTemplates.clauses, version: grantAgreementTemplates.version })
    .from(grantAgreementTemplates)
    .where(eq(grantAgreementTemplates.callId, callId));
  return row ?? null;
}

/**
 * Renders version `terms` of `row`'s agreement; null when the organisation has no bank account in its profile
 * (the agreement names the account the tranches are paid to).
 */
export async function agreementDocument(
  deps: GrantsDeps,
  row: GrantRow,
  tranches: readonly TrancheRow[],
  terms: AgreementVersionTerms,
  now: Date,
): Promise<{ bytes: Buffer; sha256: string } | null> {
  const organisation = (await deps.organisations.paymentDetails([row.organisationId])).get(row.organisationId);
  if (!organisation?.iban) return null;
  const call = await deps.calls.publicCall(row.callId);
  const [funder] = await deps.db.select().from(funders).where(eq(funders.id, row.funderId));
  const template = await agreementClauses(deps, row.callId);
  const bytes = await renderPdf(
    agreementSpec({
      locale: row.locale,
      version: terms.number,
      reason: terms.reason,
      amendmentKind: terms.amendmentKind,
      budget: terms.budget,
      clauses: template?.clauses[row.locale] ?? null,
      createdAt: now,
      funder: {
        name: funder!.name,
        street: funder!.street,
        postalCode: funder!.postalCode,
        city: funder!.city,
        logo: await funderLogo(deps.db, deps.storage, row.funderId),
      },
      callTitle: call.title,
      awardedOn: row.awardedOn,
      organisation: { ...organisation, iban: organisation.iban },
      project: { reference: row.reference, title: row.title },
      amountCents: terms.amountCents,
      periodStart: terms.periodStart,
      periodEnd: terms.periodEnd,
      tranches,
    }),
  );
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
