import { inArray } from 'drizzle-orm';
import type { MaybeActor } from '../../domain/access.ts';
import type { ApplicationStatus } from '../../domain/applicationLifecycle.ts';
import type { EligibilityCriterion } from '../../domain/callCriteria.ts';
import {
  checklistProgress,
  decisionAllowed,
  funnel,
  funnelOf,
  screeningAbilities,
  type ChecklistProgress,
  type DecisionProblem,
  type Funnel,
  type ScreeningAbilities,
  type Verdicts,
} from '../../domain/screening.ts';
import type { ApplicationView, ListPage } from '../applications/service.ts';
import type { CallForManagement } from '../calls/service.ts';
import type { LegalForm } from '../organisations/service.ts';
import { checklistOf, decisionHistory, screeningFor, type DecisionHistoryEntry } from './access.ts';
import { decideEligibility } from './commands/decideEligibility.ts';
import { reopenEligibility } from './commands/reopenEligibility.ts';
import { saveChecklist } from './commands/saveChecklist.ts';
import type { ScreeningDeps } from './deps.ts';
import { eligibilityChecks } from './schema.ts';

export interface ScreeningRow {
  id: string;
  reference: string | null;
  title: string;
  status: ApplicationStatus;
  organisationName: string;
  /** Who applies, as the eligibility criteria ask ("a non-profit"): its legal form and enterprise number. */
  organisation: ScreenedOrganisation | null;
  progress: ChecklistProgress;
}

export interface ScreenedOrganisation {
  name: string;
  legalForm: LegalForm;
  enterpriseNumber: string;
}

export interface CallScreening {
  managed: CallForManagement;
  criteria: EligibilityCriterion[];
  /** The applications submitted to the call, in reference order: the page asked for, or every one. */
  rows: ScreeningRow[];
  /** How many applications the list holds over all its pages. */
  total: number;
  funnel: Funnel;
}

export interface ApplicationScreening {
  view: ApplicationView;
  /** The applying organisation's legal form and enterprise number, which eligibility often turns on. */
  organisation: ScreenedOrganisation | null;
  managed: CallForManagement;
  criteria: EligibilityCriterion[];
  checklist: { verdicts: Verdicts; version: number; updatedBy: string | null; updatedAt: Date | null };
  progress: ChecklistProgress;
  /** Decisions and reopenings, oldest first. */
  history: DecisionHistoryEntry[];
  abilities: ScreeningAbilities;
  /** Why the checklist supports no decision yet (null when one is possible or none is due). */
  blocked: DecisionProblem | null;
  /** The officer who took the standing ineligible decision, when it is the reader: they cannot reopen it. */
  ownIneligibleDecision: boolean;
}

const screened = (o: ScreenedOrganisation | undefined): ScreenedOrganisation | null =>
  o ? { name: o.name, legalForm: o.legalForm, enterpriseNumber: o.enterpriseNumber } : null;

/** Eligibility screening: the officers' checklist per application, their decisions, and the call's funnel. */
export function screeningService(deps: ScreeningDeps) {
  return {
    saveChecklist: (input: Parameters<typeof saveChecklist>[1]) => saveChecklist(deps, input),
    decideEligibility: (input: Parameters<typeof decideEligibility>[1]) => decideEligibility(deps, input),
    reopenEligibility: (input: Parameters<typeof reopenEligibility>[1]) => reopenEligibility(deps, input),

    /**
     * The call's screening list and funnel, for its officers; to anyone else the call does not exist.
     * With `list`, one page of the list (of the statuses it keeps); without, every application (the API pages it itself).
     */
    async callScreening(actor: MaybeActor, callId: string, list?: ListPage): Promise<CallScreening> {
      const managed = await deps.calls.callForManagement(actor, callId);
      const criteria = managed.call.eligibilityCriteria;
      let applications: {
        id: string;
        reference: string;
        title: string;
        status: ApplicationStatus;
        organisationId: string;
      }[];
      let counted: { funnel: Funnel; total: number };
      if (list) {
        const page = await deps.applications.funnelPage(managed.call.id, list);
        applications = page.rows;
        counted = { funnel: funnelOf(page.counts), total: page.total };
      } else {
        // A reference is given at the first submission: without one, an application (a withdrawn draft) never entered the funnel.
        applications = (await deps.applications.submittedOf(managed.call.id)).flatMap((a) =>
          a.reference === null ? [] : [{ ...a, reference: a.reference }],
        );
        counted = { funnel: funnel(applications.map((a) => a.status)), total: applications.length };
      }
      const ids = applications.map((a) => a.id);
      const checks = ids.length
        ? await deps.db
            .select({ applicationId: eligibilityChecks.applicationId, verdicts: eligibilityChecks.verdicts })
            .from(eligibilityChecks)
            .where(inArray(eligibilityChecks.applicationId, ids))
        : [];
      const verdictsOf = new Map(checks.map((c) => [c.applicationId, c.verdicts]));
      const names = await deps.organisations.names([...new Set(applications.map((a) => a.organisationId))]);
      return {
        managed,
        criteria,
        rows: applications.map((a) => ({
          id: a.id,
          reference: a.reference,
          title: a.title,
          status: a.status,
          organisationName: names.get(a.organisationId)?.name ?? '',
          organisation: screened(names.get(a.organisationId)),
          progress: checklistProgress(criteria, verdictsOf.get(a.id) ?? {}),
        })),
        ...counted,
      };
    },

    /** One application's screening: its answers, the checklist, what may be decided, and the history. */
    async applicationScreening(actor: MaybeActor, applicationId: string): Promise<ApplicationScreening> {
      const { view, managed, criteria, actorId } = await screeningFor(deps, actor, applicationId);
      const checklist = await checklistOf(deps.db, view.application.id);
      const names = await deps.organisations.names([view.application.organisationId]);
      const history = await decisionHistory(deps.db, view.application.id);
      const last = history.at(-1) ?? null;
      const lastRecord = last ? { kind: last.kind, decidedBy: last.decidedById } : null;
      const abilities = screeningAbilities({
        status: view.application.status,
        last: lastRecord,
        actorId,
        verdicts: checklist.verdicts,
        criteria,
      });
      const eligible = decisionAllowed(checklist.verdicts, criteria, 'eligible');
      const ineligible = decisionAllowed(checklist.verdicts, criteria, 'ineligible');
      // Both refuse for the same reason when the checklist is unfinished; otherwise one of them is allowed.
      const blocked = abilities.editChecklist && !eligible.ok && !ineligible.ok ? eligible.error : null;
      return {
        view,
        organisation: screened(names.get(view.application.organisationId)),
        managed,
        criteria,
        checklist,
        progress: checklistProgress(criteria, checklist.verdicts),
        history,
        abilities,
        blocked,
        ownIneligibleDecision:
          view.application.status === 'ineligible' && last?.kind === 'ineligible' && last.decidedById === actorId,
      };
    },
  };
}
export type ScreeningService = ReturnType<typeof screeningService>;
