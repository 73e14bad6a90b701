import type { Actor } from '../../domain/access.ts';
import { mulberry32, shuffled } from '../../domain/random.ts';
import { communeForPostalCode } from '../../domain/referenceData.ts';
import { expectOk } from '../../domain/refusal.ts';
import type { App } from '../../app.ts';
import { organisationForm } from '../organisations/forms.ts';
import { demoAnswers } from './demoAnswers.ts';
import type { DemoApplication } from './demoApplications.ts';
import { demoPdf } from './demoDocuments.ts';
import { demoEnterpriseNumber, demoIban } from './demoIdentifiers.ts';
import { daysBefore } from './demoTime.ts';

/** The demo accounts' password, or its hash made once for all of them. */
export type DemoPassword = Parameters<App['services']['accounts']['provisionUser']>[0]['password'];

/** An application as filed: who filed it, for which organisation, and its id. */
export interface Applicant {
  demo: DemoApplication;
  member: Actor;
  organisationId: string;
  applicationId: string;
}

/**
 * Each organisation applies as its member would have: an account, the organisation's profile and
 * documents, then a draft answered and submitted before the deadline — the commands take the
 * instant it happened, the deadline having passed since. Submissions come in a shuffled order
 * (fixed by `seed`) over the last month, and reference numbers follow it. `numbering` keeps the
 * organisations' identifiers apart between calls.
 */
export async function seedApplications(
  app: App,
  input: {
    callId: string;
    closesAt: Date;
    applications: readonly DemoApplication[];
    password: DemoPassword;
    seed: number;
    numbering: number;
  },
): Promise<Applicant[]> {
  const random = mulberry32(input.seed);
  const order = shuffled(
    random,
    input.applications.map((_, i) => i),
  );
  const daysEarly = order.map(() => 0.1 + random() * 30).sort((a, b) => b - a);
  // Password hashing is most of an account's cost: the accounts are made side by side.
  const members = await Promise.all(input.applications.map((demo) => memberAccount(app, demo, input.password)));
  const filed: Applicant[] = [];
  for (const [rank, i] of order.entries()) {
    const demo = input.applications[i]!;
    const member = members[i]!;
    const submittedAt = daysBefore(input.closesAt, daysEarly[rank]!);
    const organisationId = await registerOrganisation(app, member, demo, input.numbering + i);
    const applicationId = await apply(app, member, organisationId, input.callId, demo, {
      startedAt: daysBefore(submittedAt, 2 + random() * 10),
      submittedAt,
    });
    filed[i] = { demo, member, organisationId, applicationId };
  }
  return filed;
}

async function memberAccount(app: App, demo: DemoApplication, password: DemoPassword): Promise<Actor> {
  const { id } = await app.services.accounts.provisionUser({
    email: `contact@${demo.slug}.example.org`,
    displayName: `${demo.contactName} (${demo.organisation})`,
    password,
    locale: demo.locale,
    platformAdmin: false,
  });
  return { userId: id, isPlatformAdmin: false, grants: [] };
}

/**
 * The profile goes through the registration form's own checks (enterprise number, IBAN, postal
 * code). Statutes and accounts are filed as the call asks, except by an organisation whose
 * screening finds its file incomplete.
 */
async function registerOrganisation(app: App, member: Actor, demo: DemoApplication, n: number): Promise<string> {
  const { organisations } = app.services;
  const commune = communeForPostalCode(demo.postalCode);
  const city = demo.city ?? (commune ? commune[demo.locale] : undefined);
  if (!city) throw new Error(`${demo.organisation}: no city for postal code ${demo.postalCode}`);
  const { version: _version, ...organisation } = organisationForm.parse({
    name: demo.organisation,
    legalForm: demo.legalForm,
    enterpriseNumber: demoEnterpriseNumber(n),
    street: demo.street,
    postalCode: demo.postalCode,
    city,
    iban: demoIban(n),
    accountHolder: demo.organisation,
    contactName: demo.contactName,
    contactEmail: `contact@${demo.slug}.example.org`,
    website: `https://${demo.slug}.example.org`,
  });
  const organisationId = expectOk(await organisations.createOrganisation({ actor: member, organisation }));
  const identity = `${demo.organisation} - ${organisation.enterpriseNumber} - ${demo.street}, ${demo.postalCode} ${city}`;
  const notice = 'Document de démonstration Octroi : pas un acte réel.';
  expectOk(
    await organisations.uploadDocument({
      actor: member,
      organisationId,
      kind: 'statutes',
      name: `statuts-${demo.slug}.pdf`,
      bytes: demoPdf(['Statuts coordonnés', identity, notice]),
    }),
  );
  const accountsMissing = !demo.screening.eligible && demo.screening.unmet === 'complete-file';
  if (!accountsMissing)
    expectOk(
      await organisations.uploadDocument({
        actor: member,
        organisationId,
        kind: 'accounts',
        name: `comptes-annuels-${demo.slug}.pdf`,
        bytes: demoPdf(['Comptes annuels', identity, notice]),
      }),
    );
  return organisationId;
}

/** A draft, its answers saved the day before, then submitted: any problem the form finds stops the demo. */
async function apply(
  app: App,
  member: Actor,
  organisationId: string,
  callId: string,
  demo: DemoApplication,
  at: { startedAt: Date; submittedAt: Date },
): Promise<string> {
  const { applications } = app.services;
  const applicationId = expectOk(
    await applications.startApplication({
      actor: member,
      callId,
      organisationId,
      title: demo.project,
      now: at.startedAt,
    }),
  );
  const saved = expectOk(
    await applications.saveAnswers({
      actor: member,
      applicationId,
      version: 1,
      raw: demoAnswers(demo),
      now: daysBefore(at.submittedAt, 1),
    }),
  );
  if (saved.status !== 'saved' || Object.keys(saved.errors).length)
    throw new Error(`${demo.organisation}: answers refused ${JSON.stringify(saved)}`);
  expectOk(await applications.submitApplication({ actor: member, applicationId, now: at.submittedAt }));
  return applicationId;
}
