// What anyone may read once a call's results are published: the funnel, the total granted against
// the budget, and each funded project — what the press releases say, and the open data behind it.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { NotFoundError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/ids.ts';
import { communeByNis } from '../../domain/referenceData.ts';
import { funnel } from '../../domain/screening.ts';
import type { Translated } from '../../domain/translated.ts';
import type { PublicCall } from '../calls/service.ts';
import type { DecisionsDeps } from './deps.ts';
import { callDecisions, decisionOutcomes } from './schema.ts';

export interface FundedProject {
  id: string;
  reference: string;
  organisationName: string;
  enterpriseNumber: string;
  title: string;
  summary: string;
  targetPublics: { key: string; label: Translated }[];
  communes: { nis: string; name: Translated }[];
  amountCents: number;
}

export interface CallResults {
  call: PublicCall;
  decision: { decidingBody: Translated; decidedOn: string; recordedAt: Date; publishedAt: Date };
  funnel: { submitted: number; eligible: number; selected: number };
  budgetCents: number;
  totalCents: number;
  /** In rank order, as the decision placed them (promoted ones after). */
  projects: FundedProject[];
}

export async function callResults(
  deps: DecisionsDeps,
  callId: string,
  opts: { published: boolean } = { published: true },
): Promise<CallResults> {
  if (!isUuid(callId)) throw new NotFoundError('call');
  const [decision] = await deps.db.select().from(callDecisions).where(eq(callDecisions.callId, callId));
  if (!decision || (opts.published && !decision.resultsPublishedAt)) throw new NotFoundError('call');
  const call = await deps.calls.publicCall(callId);
  const { publics } = await deps.calls.applicationContext(callId);
  const submitted = (await deps.applications.submittedOf(callId)).filter((a) => a.reference !== null);
  const selected = await deps.db
    .select()
    .from(decisionOutcomes)
    .where(and(eq(decisionOutcomes.callId, callId), eq(decisionOutcomes.outcome, 'selected')))
    .orderBy(asc(decisionOutcomes.promotedAt), asc(decisionOutcomes.rank));
  const funded = selected.filter((o) => !o.withdrawnAt);
  const byId = new Map(submitted.map((a) => [a.id, a]));
  const organisations = await deps.organisations.names([...new Set(submitted.map((a) => a.organisationId))]);
  const answers = await deps.applications.answersOf(funded.map((o) => o.applicationId));
  const stages = funnel(submitted.map((a) => a.status));
  const projects = funded.map((o): FundedProject => {
    const a = byId.get(o.applicationId)!;
    const organisation = organisations.get(a.organisationId);
    const summary = answers.get(a.id)?.summary;
    return {
      id: a.id,
      reference: a.reference!,
      organisationName: organisation?.name ?? '',
      enterpriseNumber: organisation?.enterpriseNumber ?? '',
      title: a.title,
      summary: typeof summary === 'string' ? summary : '',
      targetPublics: a.targetPublics.map((key) => ({
        key,
        label: publics.find((p) => p.key === key)?.label ?? { fr: key },
      })),
      communes: a.communes.flatMap((nis) => {
        const c = communeByNis(nis);
        return c ? [{ nis, name: { fr: c.fr, nl: c.nl, en: c.fr } }] : [];
      }),
      amountCents: o.amountCents ?? 0,
    };
  });
  return {
    call,
    decision: {
      decidingBody: decision.decidingBody,
      decidedOn: decision.decidedOn,
      recordedAt: decision.recordedAt,
      publishedAt: decision.resultsPublishedAt ?? decision.recordedAt,
    },
    // A project selected then given up had passed screening: it still counts as eligible.
    funnel: {
      submitted: stages.submitted,
      eligible: stages.eligible + selected.length - funded.length,
      selected: projects.length,
    },
    budgetCents: decision.budgetCents,
    totalCents: projects.reduce((sum, p) => sum + p.amountCents, 0),
    projects,
  };
}

/** The calls whose results are public, newest decision first: the programme-wide open-data feed. */
export async function publishedCallIds(deps: DecisionsDeps): Promise<string[]> {
  const rows = await deps.db
    .select({ callId: callDecisions.callId })
    .from(callDecisions)
    .where(isNotNull(callDecisions.resultsPublishedAt))
    .orderBy(asc(callDecisions.recordedAt));
  return rows.map((r) => r.callId);
}
