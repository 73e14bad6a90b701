import type { Actor } from '../../domain/access.ts';
import type { EligibilityCriterion } from '../../domain/callCriteria.ts';
import { communeByNis, DEFAULT_TARGET_PUBLICS } from '../../domain/referenceData.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { Verdicts } from '../../domain/screening.ts';
import type { App } from '../../app.ts';
import type { DemoApplication } from './demoApplications.ts';
import type { Applicant } from './seedApplications.ts';

/**
 * The officer screens every application: a checklist with a verdict and a note on each of the
 * call's criteria, then the decision it supports — eligible, or ineligible for the criterion the
 * demo says is not met, with the reason the organisation is told.
 */
export async function seedScreening(
  app: App,
  officer: Actor,
  applicants: readonly Applicant[],
  criteria: readonly EligibilityCriterion[],
): Promise<void> {
  const { screening } = app.services;
  for (const { demo, applicationId } of applicants) {
    const verdicts: Verdicts = Object.fromEntries(
      criteria.map((c) => [
        c.id,
        !demo.screening.eligible && demo.screening.unmet === c.id
          ? { verdict: 'not-met', note: demo.screening.note }
          : { verdict: 'met', note: metNote(c.id, demo) },
      ]),
    );
    const saved = expectOk(await screening.saveChecklist({ actor: officer, applicationId, version: 1, verdicts }));
    if (saved.status !== 'saved') throw new Error(`${demo.organisation}: checklist not saved`);
    expectOk(
      await screening.decideEligibility({
        actor: officer,
        applicationId,
        decision: demo.screening.eligible ? 'eligible' : 'ineligible',
        reason: demo.screening.eligible ? '' : demo.screening.reason,
        checklistVersion: saved.version,
      }),
    );
  }
}

const listed = (items: readonly string[]) => new Intl.ListFormat('fr', { type: 'conjunction' }).format(items);

/** What the officer notes against a criterion the application meets, from what its file shows. */
function metNote(criterionId: string, demo: DemoApplication): string {
  switch (criterionId) {
    case 'social-economy':
      return demo.legalForm === 'social-economy'
        ? 'Coopérative agréée comme entreprise sociale.'
        : 'ASBL agréée comme entreprise sociale en Région bruxelloise.';
    case 'brussels':
      return `Activités à ${listed(demo.communes.map((nis) => communeByNis(nis)?.fr ?? nis))}.`;
    case 'complete-file':
      return 'Statuts et derniers comptes annuels joints.';
    case 'association':
      return demo.legalForm === 'public-body'
        ? 'Centre public d’action sociale.'
        : 'Association sans but lucratif (statuts joints).';
    case 'far-from-digital':
      return `Public visé : ${listed(demo.publics.map((key) => DEFAULT_TARGET_PUBLICS.find((p) => p.key === key)?.label.fr.toLowerCase() ?? key))}.`;
    default:
      return '';
  }
}
