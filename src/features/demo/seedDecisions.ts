// The end of the two calls of the press releases, through the officer's own commands: the
// selection within the budget, the decision with its letters, and the published results.
// BEE's nine projects come out of the ranking within 600 000 €. Digital.Brussels' amounts are the
// published ones, fixed by hand: where they break the call's own rules (Croix-Rouge under the
// 30 000 € minimum, a total 439 € over the budget) the plan says so and carries a justification,
// as any officer's would.
import type { Translated } from '../../domain/translated.ts';
import { eurosToCents } from '../../domain/money.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import type { FixedAmount } from '../decisions/service.ts';
import type { PlanSettings } from '../decisions/selectionFacts.ts';
import type { DemoBuilt, DemoCallBuilt } from './demoBuilt.ts';
import { seedCall } from './demoContent.ts';
import { brusselsDateInDays } from './demoTime.ts';

const RANKING: PlanSettings = {
  mode: 'ranking',
  partialFloorPercent: null,
  minPerTargetPublic: {},
  maxPerCommune: null,
  maxPerOrganisation: null,
  fixed: [],
  justification: '',
};

export async function seedDecisions(app: App, built: DemoBuilt): Promise<void> {
  await decide(app, built, built.bee, RANKING, {
    decidingBody: {
      fr: 'Le Gouvernement de la Région de Bruxelles-Capitale',
      nl: 'De Regering van het Brussels Hoofdstedelijk Gewest',
      en: 'The Government of the Brussels-Capital Region',
    },
    decidedOn: brusselsDateInDays(-30),
  });

  const digital = seedCall('digital-brussels');
  const fixed = digital.selected.map((p): FixedAmount => {
    const applicationId = built.digitalBrussels.seedApplications.get(p.project);
    if (!applicationId || p.amount_eur === null) throw new Error(`demo: no application or amount for ${p.project}`);
    const below = digital.grant_min_eur !== null && p.amount_eur < digital.grant_min_eur;
    return {
      applicationId,
      amountCents: eurosToCents(p.amount_eur),
      justification: below
        ? 'Montant arrêté par le Ministre et publié : le projet repose sur des bénévoles et ses frais sont inférieurs au minimum de l’appel.'
        : 'Montant arrêté par le Ministre et publié dans le communiqué.',
    };
  });
  const plan: PlanSettings = {
    ...RANKING,
    fixed,
    justification:
      'Les montants publiés totalisent davantage que le budget de l’appel ; le dépassement est constaté ici tel quel.',
  };
  await decide(app, built, built.digitalBrussels, plan, {
    decidingBody: {
      fr: 'Le Ministre bruxellois de la Transition numérique',
      nl: 'De Brusselse Minister van Digitale Transitie',
      en: 'The Brussels Minister for Digital Transition',
    },
    decidedOn: brusselsDateInDays(-20),
  });
  // The letters follow the decisions in the background; the demo is loaded once they are written.
  await app.services.decisions.issueLetters();
}

async function decide(
  app: App,
  built: DemoBuilt,
  call: DemoCallBuilt,
  plan: PlanSettings,
  decision: { decidingBody: Translated; decidedOn: string },
): Promise<void> {
  const { decisions } = app.services;
  const saved = expectOk(await decisions.savePlan({ actor: built.officer, callId: call.callId, version: 0, plan }));
  if (saved.status !== 'saved')
    throw new Error(`demo: the selection plan of ${call.callId} was not saved (${saved.status})`);
  // The demo shows the press releases' results: a selection that differs is a broken demo, not a result.
  const selected = new Set(saved.run.result.selected.map((s) => s.id));
  const expected = new Set(call.seedApplications.values());
  if (selected.size !== expected.size || [...expected].some((id) => !selected.has(id)))
    throw new Error(`demo: the selection of ${call.callId} is not the press release's`);
  expectOk(await decisions.confirmDecision({ actor: built.officer, callId: call.callId, version: 1, ...decision }));
  expectOk(await decisions.publishResults({ actor: built.officer, callId: call.callId }));
}
