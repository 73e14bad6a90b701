// The grants of published results as open data (360Giving): one mapping serves a call's download
// and the programme-wide feed.
import type { OpenGrant } from '../../domain/openData/threeSixtyGiving.ts';
import { inLocale } from '../../domain/translated.ts';
import type { DecisionsDeps, Disbursement } from './deps.ts';
import type { CallResults } from './publicResults.ts';

const OPEN_DATA_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

export function openGrantsOf(
  deps: DecisionsDeps,
  results: readonly CallResults[],
  paid?: ReadonlyMap<string, readonly Disbursement[]>,
): { grants: OpenGrant[]; prefix: string; license: string } {
  const grants = results.flatMap(({ call, decision, projects }) =>
    projects.map((p): OpenGrant => ({
      id: p.id,
      reference: p.reference,
      title: p.title,
      description: p.summary || p.title,
      amountCents: p.amountCents,
      // The decision's own date (what the pages and letters say), never the day it was entered in Octroi.
      awardDate: decision.decidedOn,
      call: { code: call.code, title: call.title.fr, url: `${deps.publicUrl}/calls/${call.id}` },
      // Funders are administrations without an identifier recorded in Octroi: the publisher's prefix names them.
      funder: { name: inLocale(call.funderName, 'fr'), identifier: `${deps.openDataPrefix}-funder-${call.funderSlug}` },
      recipient: { name: p.organisationName, enterpriseNumber: p.enterpriseNumber || null },
      targetPublics: p.targetPublics.map((t) => ({ key: t.key, label: inLocale(t.label, 'fr') })),
      communes: p.communes.map((c) => ({ code: c.nis, name: inLocale(c.name, 'fr') })),
      dataSource: `${deps.publicUrl}/calls/${call.id}/results`,
      ...(paid ? { disbursements: paid.get(p.id) ?? [] } : {}),
    })),
  );
  return { grants, prefix: deps.openDataPrefix, license: OPEN_DATA_LICENSE };
}

/** The same, with what was paid on each grant when the deps can tell it. */
export async function openGrantsWithDisbursements(deps: DecisionsDeps, results: readonly CallResults[]) {
  const ids = results.flatMap((r) => r.projects.map((p) => p.id));
  return openGrantsOf(deps, results, deps.disbursements ? await deps.disbursements(ids) : undefined);
}
