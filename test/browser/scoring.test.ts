// Scoring in a real browser: a juror reads an assigned application and fills the evaluation grid,
// the running total following the scores as they are typed (and, without JavaScript, the total of
// the last save); then an officer records the panel's consensus and reads the ranking.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import type { FormDefinition } from '../../src/domain/forms/definition.ts';
import { assignments, jurors } from '../../src/features/jury/schema.ts';
import { organisationForm } from '../../src/features/organisations/forms.ts';
import {
  browserPages,
  expectH1,
  expectNoAxeViolations,
  field,
  flash,
  launchBrowser,
  normalizeSpaces,
  type RunningOctroi,
  startOctroi,
} from '../helpers/browser.ts';
import { VALID_ORGANISATION } from '../helpers/samples.ts';
import { expectOk } from '../../src/domain/refusal.ts';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      fields: [
        { id: 'summary', type: 'long-text', required: true, maxLength: 2000, label: { fr: 'Résumé', en: 'Summary' } },
      ],
    },
  ],
};

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);
let officer: Person;
let callId: string;
let counter = 0;

interface Person {
  name: string;
  email: string;
  actor: Actor;
}

async function newPerson(name: string): Promise<Person> {
  const email = `${name.split(' ')[0]!.toLowerCase()}-${process.pid}-${++counter}@example.org`;
  const { id } = await octroi.app.services.accounts.provisionUser({
    email,
    displayName: name,
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  return { name, email, actor: { userId: id, isPlatformAdmin: false, grants: [] } };
}

/** A submitted application of a new organisation, moved to review by the officer. */
async function applicationUnderReview(title: string, n: number): Promise<{ id: string; reference: string }> {
  const { services, database } = octroi.app;
  const applicant = await newPerson(`Amina Applicant${n}`);
  const base = String(10_000_000 + n * 7919);
  const { version: _version, ...organisation } = organisationForm.parse({
    ...VALID_ORGANISATION,
    name: `Asbl ${title}`,
    enterpriseNumber: `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`,
  });
  const organisationId = expectOk(
    await services.organisations.createOrganisation({ actor: applicant.actor, organisation }),
  );
  const id = expectOk(
    await services.applications.startApplication({ actor: applicant.actor, callId, organisationId, title }),
  );
  expectOk(
    await services.applications.saveAnswers({
      actor: applicant.actor,
      applicationId: id,
      version: 1,
      raw: { summary: `Le projet ${title}, pour les seniors de Schaerbeek.` },
    }),
  );
  expectOk(await services.applications.submitApplication({ actor: applicant.actor, applicationId: id }));
  await database.db.transaction(async (tx) => {
    for (const event of ['declare-eligible', 'start-review'] as const)
      await services.applications.transitionByOfficer(tx, {
        applicationId: id,
        event,
        actorId: officer.actor.userId,
        funderId: officer.actor.grants[0]!.funderId,
      });
  });
  return { id, reference: (await services.applications.forReview(id)).application.reference! };
}

/** An active juror of the call, assigned to the applications (membership is another capability's pages). */
async function jurorOf(name: string, applicationIds: string[]): Promise<Person> {
  const person = await newPerson(name);
  const db = octroi.app.database.db;
  const [seat] = await db
    .insert(jurors)
    .values({
      callId,
      email: person.email,
      userId: person.actor.userId,
      status: 'active',
      invitedBy: officer.actor.userId,
      acceptedAt: new Date(),
      declarationSignedAt: new Date(),
    })
    .returning({ id: jurors.id });
  for (const applicationId of applicationIds)
    await db
      .insert(assignments)
      .values({ callId, jurorId: seat!.id, applicationId, source: 'manual', createdBy: officer.actor.userId });
  return person;
}

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  const { services } = octroi.app;
  const admin = await services.accounts.provisionUser({
    email: `admin-${process.pid}@example.org`,
    displayName: 'Ada Admin',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: true,
  });
  const adminActor: Actor = { userId: admin.id, isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(
    await services.admin.createFunder({
      actor: adminActor,
      slug: 'bee',
      name: { fr: 'Bruxelles Économie et Emploi', en: 'Brussels Economy and Employment' },
    }),
  );
  officer = await newPerson('Olivia Officer');
  expectOk(await services.admin.grantRole({ actor: adminActor, funderId, email: officer.email, role: 'officer' }));
  officer.actor.grants = [{ funderId, role: 'officer' }];
  callId = expectOk(
    await services.calls.createCall({
      actor: officer.actor,
      form: FORM,
      call: {
        funderId,
        code: 'NUM',
        title: { fr: 'Former les Bruxellois au numérique', en: 'Digital skills for Brussels' },
        summary: { fr: 's' },
        description: { fr: 'd' },
        budgetCents: 60_000_000,
        grantMinCents: null,
        grantMaxCents: null,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
      },
    }),
  );
  const { call } = await services.calls.callForManagement(officer.actor, callId);
  const criterion = (id: string, en: string, maxScore: number, weight: number, threshold: number | null) => ({
    id,
    name: { fr: en, en },
    description: { fr: '' },
    maxScore,
    weight,
    threshold,
  });
  expectOk(
    await services.calls.saveCriteria({
      actor: officer.actor,
      callId,
      version: call.version,
      criteria: {
        eligibilityCriteria: [],
        evaluationCriteria: [
          criterion('relevance', 'Relevance', 20, 2, 10),
          criterion('method', 'Method', 20, 1, null),
          criterion('budget', 'Budget', 10, 1, null),
        ],
        overallThreshold: 50,
        requiredDocuments: [],
        tranchePlan: [],
      },
    }),
  );
  expectOk(await services.calls.publishCall({ actor: officer.actor, callId }));
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(person.email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
}

/** The running total as the page shows it, e.g. "Weighted total: 40 / 100". */
async function runningTotal(page: Page): Promise<string> {
  return normalizeSpaces(await page.locator('[data-total-card] p').first().innerText());
}

async function scoreAll(page: Page, scores: { relevance: string; method: string; budget: string }): Promise<void> {
  await field(page, 'Score for Relevance (0 to 20)').fill(scores.relevance);
  await field(page, 'Comment on Relevance').fill('Reaches people far from digital.');
  await field(page, 'Score for Method (0 to 20)').fill(scores.method);
  await field(page, 'Comment on Method').fill('A tested method.');
  await field(page, 'Score for Budget (0 to 10)').fill(scores.budget);
  await field(page, 'Comment on Budget').fill('Realistic.');
}

describe('scoring in a browser', () => {
  it('a juror fills the grid, the total following the scores, and submits; the officer records the consensus and reads the ranking', async () => {
    const first = await applicationUnderReview('Clavier pour tous', 1);
    const second = await applicationUnderReview('Tablettes solidaires', 2);
    const jan = await jurorOf('Jan Juror', [first.id, second.id]);

    const page = await englishPage();
    await signIn(page, jan);
    await page.goto(`${octroi.url}/jury/applications`);
    await expectH1(page, 'My evaluations');
    await expectNoAxeViolations(page, 'the juror’s applications');
    await page.getByRole('link', { name: 'Clavier pour tous', exact: true }).click();
    await expectH1(page, 'Clavier pour tous');
    assert.match(
      normalizeSpaces(await page.getByRole('main').innerText()),
      /Le projet Clavier pour tous, pour les seniors de Schaerbeek\./,
    );
    await expectNoAxeViolations(page, 'an application to score');

    assert.equal(
      await runningTotal(page),
      'Weighted total: 0 / 100',
      'with JavaScript the total is live from the start',
    );
    await field(page, 'Score for Relevance (0 to 20)').fill('8');
    assert.equal(await runningTotal(page), 'Weighted total: 20 / 100');
    await page.getByText('Under the minimum of 10 for this criterion.').waitFor();
    await scoreAll(page, { relevance: '16', method: '12', budget: '7' });
    // 25 × (2 × 16/20 + 12/20 + 7/10) = 72.5
    assert.equal(await runningTotal(page), 'Weighted total: 72,5 / 100');
    assert.equal(
      await page.getByText('Under the minimum of 10 for this criterion.').isVisible(),
      false,
      'the threshold signal follows the score',
    );
    await field(page, 'Overall comment').fill('A strong project.');
    await expectNoAxeViolations(page, 'a filled grid');
    await page.getByRole('button', { name: 'Submit my evaluation', exact: true }).click();
    assert.equal(await flash(page), 'Evaluation submitted.');
    assert.match(normalizeSpaces(await page.getByRole('main').innerText()), /Submitted on/);
    assert.equal(
      await page.getByRole('button', { name: 'Submit my evaluation' }).count(),
      0,
      'read-only once submitted',
    );
    await expectNoAxeViolations(page, 'a submitted evaluation');

    // Without JavaScript the page works the same, and shows the total of the last save.
    const plain = await englishPage({ javaScriptEnabled: false });
    await signIn(plain, jan);
    await plain.goto(`${octroi.url}/jury/applications/${second.id}`);
    await expectH1(plain, 'Tablettes solidaires');
    await field(plain, 'Score for Relevance (0 to 20)').fill('12');
    await field(plain, 'Score for Method (0 to 20)').fill('10');
    await plain.getByRole('button', { name: 'Save the draft', exact: true }).click();
    assert.equal(await flash(plain), 'Draft saved.');
    // 25 × (2 × 12/20 + 10/20) = 42.5
    assert.equal(await runningTotal(plain), 'Weighted total at the last save: 42,5 / 100');
    await scoreAll(plain, { relevance: '12', method: '10', budget: '5' });
    await plain.getByRole('button', { name: 'Submit my evaluation', exact: true }).click();
    assert.equal(await flash(plain), 'Evaluation submitted.');

    const olivia = await englishPage();
    await signIn(olivia, officer);
    await olivia.goto(`${octroi.url}/manage/calls/${callId}`);
    await olivia.getByRole('link', { name: 'Consensus', exact: true }).click();
    await expectH1(olivia, 'Consensus by application');
    await expectNoAxeViolations(olivia, 'the consensus index');
    await olivia.getByRole('link', { name: 'Clavier pour tous', exact: true }).click();
    await expectH1(olivia, `Consensus on ${first.reference}`);
    const table = olivia.getByRole('table', { name: 'Scores of each juror, mean and spread per criterion' });
    assert.equal(normalizeSpaces(await table.getByRole('columnheader').nth(1).innerText()), 'Jan Juror');
    await expectNoAxeViolations(olivia, 'the consensus page');
    await scoreAll(olivia, { relevance: '15', method: '12', budget: '7' });
    await field(olivia, 'Consensus comment').fill('The panel agrees on a strong project.');
    // 25 × (2 × 15/20 + 12/20 + 7/10) = 70
    assert.equal(await runningTotal(olivia), 'Weighted total: 70 / 100');
    await olivia.getByRole('button', { name: 'Record the consensus', exact: true }).click();
    assert.equal(await flash(olivia), 'Consensus recorded.');
    assert.match(
      normalizeSpaces(await olivia.getByRole('main').innerText()),
      /Recorded by Olivia Officer on .* Weighted total: 70 \/ 100\. Passes the thresholds/,
    );

    await olivia.goto(`${octroi.url}/manage/applications/${second.id}/consensus`);
    await scoreAll(olivia, { relevance: '9', method: '14', budget: '8' });
    await field(olivia, 'Consensus comment').fill('Relevance too weak.');
    await olivia.getByRole('button', { name: 'Record the consensus', exact: true }).click();
    assert.equal(await flash(olivia), 'Consensus recorded.');

    await olivia.goto(`${octroi.url}/manage/calls/${callId}`);
    await olivia.getByRole('link', { name: 'Ranking', exact: true }).click();
    await expectH1(olivia, 'Ranking');
    const rows = (
      await olivia
        .getByRole('table', { name: /Applications by consensus total/ })
        .getByRole('row')
        .allInnerTexts()
    ).map(normalizeSpaces);
    assert.equal(rows.length, 3, 'a header and two applications');
    assert.match(rows[1]!, new RegExp(`^1 ${first.reference} Clavier pour tous .* 70 Passes the thresholds`));
    assert.match(
      rows[2]!,
      new RegExp(
        `^2 ${second.reference} Tablettes solidaires .* Below threshold Relevance: 9, under the minimum of 10`,
      ),
    );
    await expectNoAxeViolations(olivia, 'the ranking');

    await olivia.getByRole('link', { name: 'Calibration', exact: true }).click();
    await expectH1(olivia, 'Calibration');
    await olivia.getByText(/Jan Juror has only 2 evaluations/).waitFor();
    await expectNoAxeViolations(olivia, 'the calibration');
  });
});
