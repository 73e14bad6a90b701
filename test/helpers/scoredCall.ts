// A call ready for its selection: the Digital.Brussels projects submitted, screened and agreed on
// by the jury, with one more project, one under the threshold and one ineligible. Screening and
// the jury are tested on their own; here their outcome is set as they leave it.
import { eq } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import type { Actor } from '../../src/domain/access.ts';
import { enterpriseCheckDigits } from '../../src/domain/enterpriseNumber.ts';
import type { FormDefinition } from '../../src/domain/forms/definition.ts';
import { applications } from '../../src/features/applications/schema.ts';
import { calls } from '../../src/features/calls/schema.ts';
import { consensus } from '../../src/features/jury/schema.ts';
import { organisationForm } from '../../src/features/organisations/forms.ts';
import { VALID_ORGANISATION } from './samples.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import { instantToBrussels } from '../../src/domain/brusselsTime.ts';

const DAY = 86_400_000;
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Projet' },
      fields: [{ id: 'summary', type: 'long-text', required: true, maxLength: 2000, label: { fr: 'Résumé' } }],
    },
  ],
};
const CRITERIA = [
  {
    id: 'quality',
    name: { fr: 'Qualité', nl: 'Kwaliteit', en: 'Quality' },
    description: { fr: '' },
    maxScore: 100,
    weight: 1,
    threshold: 50,
  },
];

/** In rank order (their consensus score). */
const SCORED_PROJECTS = [
  { key: 'ara', title: 'A digital Home', requested: 5_690_400, score: 90, publics: ['homeless'] },
  {
    key: 'habitat',
    title: 'De la maison à l’espace numérique',
    requested: 5_997_000,
    score: 85,
    publics: ['general-public'],
  },
  { key: 'atelier', title: 'Les Cordonniers du Web', requested: 4_600_000, score: 80, publics: ['general-public'] },
  {
    key: 'cpas',
    title: 'De l’accueil vers l’accompagnement numérique',
    requested: 4_010_000,
    score: 75,
    publics: ['social-assistance-recipients'],
  },
  { key: 'arts', title: 'XPlay', requested: 3_645_000, score: 70, publics: ['young-15-25', 'women'] },
  { key: 'croix', title: 'Ensemble, Tous Connectés', requested: 3_000_000, score: 65, publics: ['general-public'] },
  { key: 'extra', title: 'Écrans partagés', requested: 4_500_000, score: 60, publics: ['seniors'] },
  { key: 'weak', title: 'Projet trop flou', requested: 3_500_000, score: 40, publics: ['seniors'] },
] as const;
export type ProjectKey = (typeof SCORED_PROJECTS)[number]['key'] | 'ineligible';

export interface ScoredCall {
  callId: string;
  funderId: string;
  officer: Actor;
  officerEmail: string;
  ids: Record<ProjectKey, string>;
  /** The member of each applying organisation (password as given). */
  emails: Record<ProjectKey, string>;
}

let counter = 0;

/** Budget 250 000 €, grants from 30 000 € to 60 000 €; closed to applications unless `open`. */
export async function scoredCall(
  app: App,
  opts: { password: string; locale?: 'fr' | 'nl' | 'en'; open?: boolean },
): Promise<ScoredCall> {
  const { services } = app;
  const tag = `${process.pid}-${++counter}`;
  const user = async (email: string, platformAdmin = false) =>
    (
      await services.accounts.provisionUser({
        email,
        displayName: email.split('@')[0]!,
        password: opts.password,
        locale: opts.locale ?? 'en',
        platformAdmin,
      })
    ).id;
  const admin: Actor = { userId: await user(`admin-${tag}@example.org`, true), isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(
    await services.admin.createFunder({
      actor: admin,
      slug: `paradigm-${tag}`,
      name: { fr: 'Paradigm', nl: 'Paradigm', en: 'Paradigm' },
    }),
  );
  const officerEmail = `officer-${tag}@example.org`;
  const officer: Actor = {
    userId: await user(officerEmail),
    isPlatformAdmin: false,
    grants: [{ funderId, role: 'officer' }],
  };
  expectOk(await services.admin.grantRole({ actor: admin, funderId, email: officerEmail, role: 'officer' }));
  const callId = expectOk(
    await services.calls.createCall({
      actor: officer,
      form: FORM,
      call: {
        funderId,
        code: `DB${counter}`,
        title: { fr: 'Digital.Brussels', nl: 'Digital.Brussels', en: 'Digital.Brussels' },
        summary: { fr: 's' },
        description: { fr: 'd' },
        budgetCents: 25_000_000,
        grantMinCents: 3_000_000,
        grantMaxCents: 6_000_000,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
      },
    }),
  );
  const { call } = await services.calls.callForManagement(officer, callId);
  expectOk(
    await services.calls.saveCriteria({
      actor: officer,
      callId,
      version: call.version,
      criteria: {
        eligibilityCriteria: [],
        evaluationCriteria: CRITERIA,
        overallThreshold: null,
        requiredDocuments: [],
        tranchePlan: [],
      },
    }),
  );
  expectOk(await services.calls.publishCall({ actor: officer, callId }));

  const ids = {} as Record<ProjectKey, string>;
  const emails = {} as Record<ProjectKey, string>;
  const projects = [
    ...SCORED_PROJECTS,
    { key: 'ineligible' as const, title: 'Hors Bruxelles', requested: 4_000_000, score: 0, publics: ['seniors'] },
  ];
  for (const p of projects) {
    const email = `${p.key}-${tag}@example.org`;
    const member: Actor = { userId: await user(email), isPlatformAdmin: false, grants: [] };
    const base = `0${2_000_000 + ++counter * 7}`;
    const { version: _v, ...organisation } = organisationForm.parse({
      ...VALID_ORGANISATION,
      name: `Asbl ${p.title}`,
      enterpriseNumber: `${base}${enterpriseCheckDigits(base)}`,
      contactEmail: email,
    });
    const organisationId = expectOk(await services.organisations.createOrganisation({ actor: member, organisation }));
    const id = expectOk(
      await services.applications.startApplication({ actor: member, callId, organisationId, title: p.title }),
    );
    expectOk(
      await services.applications.saveAnswers({
        actor: member,
        applicationId: id,
        version: 1,
        raw: { summary: `Résumé de ${p.title}.` },
      }),
    );
    expectOk(await services.applications.submitApplication({ actor: member, applicationId: id }));
    // The budget and publics fields of a full form set these; this call's form is reduced to a summary.
    await app.database.db
      .update(applications)
      .set({ requestedCents: p.requested, targetPublics: [...p.publics], communes: ['21015'] })
      .where(eq(applications.id, id));
    ids[p.key] = id;
    emails[p.key] = email;
  }
  await app.database.db.transaction(async (tx) => {
    await services.applications.transitionByOfficer(tx, {
      applicationId: ids.ineligible,
      event: 'declare-ineligible',
      actorId: officer.userId,
      funderId,
    });
    for (const p of SCORED_PROJECTS) {
      for (const event of ['declare-eligible', 'start-review', 'score'] as const)
        await services.applications.transitionByOfficer(tx, {
          applicationId: ids[p.key],
          event,
          actorId: officer.userId,
          funderId,
        });
      await tx.insert(consensus).values({
        applicationId: ids[p.key],
        callId,
        scores: { quality: p.score },
        comments: { quality: `Commentaire du jury sur ${p.title}.` },
        comment: 'Un projet utile.',
        recordedBy: officer.userId,
      });
    }
  });
  if (!opts.open) await closeCall(app, callId);
  return { callId, funderId, officer, officerEmail, ids, emails };
}

/** The deadline passed: what the clock does (its own tests cover it). */
export async function closeCall(app: App, callId: string): Promise<void> {
  await app.database.db.update(calls).set({ status: 'closed' }).where(eq(calls.id, callId));
}

/** The call's payment plan, as its criteria page would save it (that page has its own tests). */
export async function setTranchePlan(
  app: App,
  callId: string,
  plan: { percent: number; trigger: 'signature' | 'interim-report' | 'final-report' }[],
): Promise<void> {
  await app.database.db.update(calls).set({ tranchePlan: plan }).where(eq(calls.id, callId));
}

/** Moves a call to a later status as the steps before it would leave it (their own tests cover them). */
export async function setCallStatus(app: App, callId: string, status: typeof calls.$inferSelect.status): Promise<void> {
  await app.database.db.update(calls).set({ status }).where(eq(calls.id, callId));
}

/** Gives an application a budget answer (this call's form is reduced to a summary), in euros' cents per line. */
export async function setBudget(app: App, applicationId: string, lines: { label: string; amountCents: number }[]) {
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const [row] = await app.database.db
    .select({ answers: applications.answers })
    .from(applications)
    .where(eq(applications.id, applicationId));
  const budget = {
    lines: lines.map((l) => ({ category: 'other' as const, ...l })),
    totalCents,
    requestedCents: totalCents,
    otherFunding: [],
    otherFundingCents: 0,
  };
  await app.database.db
    .update(applications)
    .set({ answers: { ...row!.answers, budget } })
    .where(eq(applications.id, applicationId));
}

/**
 * The call decided in ranking mode (fund in rank order while the budget lasts) by "Le Ministre" on `decidedOn`
 * (today in Brussels), and its results published unless `publish` is false: what the grants' tests start from.
 */
export async function decideByRanking(
  app: App,
  call: Pick<ScoredCall, 'officer' | 'callId'>,
  opts: { decidedOn?: string; publish?: boolean } = {},
): Promise<void> {
  const { decisions } = app.services;
  const saved = expectOk(
    await decisions.savePlan({
      actor: call.officer,
      callId: call.callId,
      version: 0,
      plan: {
        mode: 'ranking',
        partialFloorPercent: null,
        minPerTargetPublic: {},
        maxPerCommune: null,
        maxPerOrganisation: null,
        fixed: [],
        justification: '',
      },
    }),
  );
  if (saved.status !== 'saved') throw new Error(`the ranking plan was not saved: ${saved.status}`);
  await decisions.confirmDecision({
    actor: call.officer,
    callId: call.callId,
    version: 1,
    decidingBody: { fr: 'Le Ministre' },
    decidedOn: opts.decidedOn ?? instantToBrussels(new Date()).date,
  });
  if (opts.publish !== false) await decisions.publishResults({ actor: call.officer, callId: call.callId });
}
