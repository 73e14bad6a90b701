// Records for tests, built through the same services people use, each with overrides for what a
// test cares about (STYLE.md: `build*(overrides)` factories, every test isolated). Numbers and codes
// come from one counter per process, so tests never collide whatever order they run in.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor, Role } from '../../src/domain/access.ts';
import type { ApplicationStatus } from '../../src/domain/applicationLifecycle.ts';
import { enterpriseCheckDigits } from '../../src/domain/enterpriseNumber.ts';
import type { FormDefinition } from '../../src/domain/forms/definition.ts';
import { standardForm } from '../../src/domain/forms/template.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import type { CallCriteria } from '../../src/domain/callCriteria.ts';
import type { NewCall } from '../../src/features/calls/commands/createCall.ts';
import { allFields } from '../../src/domain/forms/definition.ts';
import { applications } from '../../src/features/applications/schema.ts';
import { rawAnswersFromBody } from '../../src/features/forms/answerBody.ts';
import { organisationForm } from '../../src/features/organisations/forms.ts';
import { parseForm } from '../../src/platform/http/forms.ts';
import type { Agent, TestApp } from './app.ts';
import { STANDARD_BUDGET, STANDARD_PROJECT, VALID_ORGANISATION } from './samples.ts';

const DAY = 86_400_000;
let sequence = 0;
/** A number no other record of this test process has. */
export const nextNumber = () => ++sequence + process.pid * 1000;

/** A valid Belgian enterprise number (10 digits starting with 0 or 1, mod-97 check), different at each call. */
export function validEnterpriseNumber(): string {
  // 01000000 to 19999998: the first digit is 0 or 1 whatever the process id.
  const firstEight = String(1_000_000 + ((nextNumber() * 7919) % 18_999_999)).padStart(8, '0');
  return `${firstEight}${enterpriseCheckDigits(firstEight)}`;
}

const platformAdmins = new WeakMap<TestApp, Actor>();
/** The installation's administrator of this test app, made once. */
export async function platformAdmin(app: TestApp): Promise<Actor> {
  let admin = platformAdmins.get(app);
  if (!admin) {
    admin = (await app.signedIn({ platformAdmin: true })).actor;
    platformAdmins.set(app, admin);
  }
  return admin;
}

/** A funder (tenant), created by the installation's administrator. */
export async function buildFunder(app: TestApp, overrides: { slug?: string; name?: string } = {}): Promise<string> {
  const n = nextNumber();
  return expectOk(
    await app.services.admin.createFunder({
      actor: await platformAdmin(app),
      slug: overrides.slug ?? `funder-${n}`,
      name: { fr: overrides.name ?? `Pouvoir ${n}` },
    }),
  );
}

export interface Person {
  agent: Agent;
  actor: Actor;
  email: string;
}

/** A signed-in person, with a role at a funder when given; their actor carries the grant. */
export async function buildPerson(app: TestApp, grant?: { funderId: string; role: Role }): Promise<Person> {
  const person = await app.signedIn();
  if (!grant) return person;
  expectOk(await app.services.admin.grantRole({ actor: await platformAdmin(app), ...grant, email: person.email }));
  return { ...person, actor: { ...person.actor, grants: [grant] } };
}

/** A call of `funderId` created by `officer`, published unless `draft` is asked, open for 30 days. */
export async function buildCall(
  app: TestApp,
  input: {
    officer: Actor;
    funderId: string;
    draft?: boolean;
    form?: FormDefinition;
    criteria?: Partial<CallCriteria>;
    call?: Partial<NewCall>;
  },
): Promise<string> {
  const code = `T${nextNumber()}`;
  const callId = expectOk(
    await app.services.calls.createCall({
      actor: input.officer,
      form: input.form ?? standardForm(),
      call: {
        funderId: input.funderId,
        code,
        title: { fr: `Appel ${code}`, nl: `Oproep ${code}`, en: `Call ${code}` },
        summary: { fr: 'Résumé', nl: 'Samenvatting', en: 'Summary' },
        description: { fr: 'Description', nl: 'Beschrijving', en: 'Description' },
        budgetCents: 60_000_000,
        grantMinCents: 1_000_000,
        grantMaxCents: 6_000_000,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
        targetPublics: ['seniors', 'women'],
        ...input.call,
      },
    }),
  );
  if (input.criteria) {
    const { call } = await app.services.calls.callForManagement(input.officer, callId);
    expectOk(
      await app.services.calls.saveCriteria({
        actor: input.officer,
        callId,
        version: call.version,
        criteria: {
          eligibilityCriteria: [],
          evaluationCriteria: [],
          overallThreshold: null,
          requiredDocuments: [],
          tranchePlan: [],
          ...input.criteria,
        },
      }),
    );
  }
  if (!input.draft) expectOk(await app.services.calls.publishCall({ actor: input.officer, callId }));
  return callId;
}

/** An organisation whose member (and owner) is `member`, with a fresh valid enterprise number. */
export async function buildOrganisation(
  app: TestApp,
  member: Actor,
  overrides: Partial<typeof VALID_ORGANISATION> = {},
): Promise<string> {
  const parsed = parseForm(organisationForm, {
    ...VALID_ORGANISATION,
    name: `Asbl ${nextNumber()}`,
    enterpriseNumber: validEnterpriseNumber(),
    ...overrides,
  });
  if (!parsed.ok) throw new Error(`organisation: ${JSON.stringify(parsed.errors)}`);
  const { version: _version, ...organisation } = parsed.data;
  return expectOk(await app.services.organisations.createOrganisation({ actor: member, organisation }));
}

/** A person who is a member of a fresh organisation: what an applicant is. */
export async function buildApplicant(app: TestApp): Promise<Person & { organisationId: string }> {
  const person = await buildPerson(app);
  return { ...person, organisationId: await buildOrganisation(app, person.actor) };
}

/**
 * An application of `applicant`'s organisation to `callId` (a call on the standard form), answered
 * completely; submitted unless `draft` is asked.
 */
export async function buildApplication(
  app: TestApp,
  input: { callId: string; applicant: Actor; organisationId: string; draft?: boolean; title?: string },
): Promise<string> {
  const { applications } = app.services;
  const id = expectOk(
    await applications.startApplication({
      actor: input.applicant,
      callId: input.callId,
      organisationId: input.organisationId,
      title: input.title ?? `Projet ${nextNumber()}`,
    }),
  );
  const form = (await app.services.calls.currentForm(input.callId)).definition;
  const { application } = await applications.view(input.applicant, id);
  const saved = expectOk(
    await applications.saveAnswers({
      actor: input.applicant,
      applicationId: id,
      version: application.version,
      raw: rawAnswersFromBody(allFields(form), { ...STANDARD_PROJECT, ...STANDARD_BUDGET }),
    }),
  );
  if (saved.status !== 'saved') throw new Error(`application answers: ${saved.status}`);
  if (!input.draft) expectOk(await applications.submitApplication({ actor: input.applicant, applicationId: id }));
  return id;
}

/**
 * `count` copies of a submitted application in `status`, inserted at once, their references after its
 * own (`…-001`, `…-002`): a long list's paging needs more rows than a page holds, not as many submissions.
 */
export async function copyApplication(
  app: TestApp,
  applicationId: string,
  count: number,
  status: ApplicationStatus,
): Promise<string[]> {
  const db = app.database.db;
  const [original] = await db.select().from(applications).where(eq(applications.id, applicationId));
  if (!original?.reference) throw new Error(`no submitted application ${applicationId}`);
  const copies = Array.from({ length: count }, (_, i) => ({
    ...original,
    id: randomUUID(),
    reference: `${original.reference}-${String(i + 1).padStart(3, '0')}`,
    status,
  }));
  await db.insert(applications).values(copies);
  return copies.map((c) => c.id);
}
