// Eligibility screening in a real browser, as a programme officer does it: from the call to its
// screening list, ticking each criterion's verdict by its label, a note that needs a verdict, a
// decision that needs a reason, the application declared not eligible, and the funnel changed.
// Then the same work with JavaScript off. Every page, error states included, goes through axe.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import type { EligibilityCriterion } from '../../src/domain/callCriteria.ts';
import type { Locale } from '../../src/domain/locale.ts';
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
const CALL_TITLE = 'Former les Bruxellois au numérique';
const OFFICER_EMAIL = `officer-${process.pid}@example.org`;
const DAY = 86_400_000;
const CRITERIA: EligibilityCriterion[] = [
  {
    id: 'brussels',
    label: {
      fr: 'Projet en Région bruxelloise',
      nl: 'Project in het Brussels Gewest',
      en: 'Project in the Brussels Region',
    },
    explanation: {
      fr: 'Les activités ont lieu dans une des 19 communes.',
      nl: 'De activiteiten vinden plaats in een van de 19 gemeenten.',
      en: 'Activities take place in one of the 19 communes.',
    },
  },
  {
    id: 'non-profit',
    label: { fr: 'Association sans but lucratif', nl: 'Vereniging zonder winstoogmerk', en: 'Non-profit association' },
    explanation: { fr: 'ASBL ou fondation.', nl: 'VZW of stichting.', en: 'A non-profit association or a foundation.' },
  },
  {
    id: 'digital',
    label: {
      fr: 'Projet d’inclusion numérique',
      nl: 'Project voor digitale inclusie',
      en: 'Digital inclusion project',
    },
    explanation: { fr: '', en: '' },
  },
];

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);
let officer: Actor;
let callId: string;
let counter = 0;

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
  const person = await services.accounts.provisionUser({
    email: OFFICER_EMAIL,
    displayName: 'Olivia Officer',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  expectOk(await services.admin.grantRole({ actor: adminActor, funderId, email: OFFICER_EMAIL, role: 'officer' }));
  officer = { userId: person.id, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] };
  callId = expectOk(
    await services.calls.createCall({
      actor: officer,
      call: {
        funderId,
        code: 'NUM',
        title: { fr: CALL_TITLE },
        summary: { fr: 'Des formations au numérique.' },
        description: { fr: 'Les conditions.' },
        budgetCents: 60_000_000,
        grantMinCents: 1_000_000,
        grantMaxCents: 6_000_000,
        coFundingMaxPercent: 80,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
        targetPublics: ['seniors', 'women'],
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
        eligibilityCriteria: CRITERIA,
        evaluationCriteria: [],
        overallThreshold: null,
        requiredDocuments: [],
        tranchePlan: [],
      },
    }),
  );
  expectOk(await services.calls.publishCall({ actor: officer, callId }));
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

/** A submitted application of a new organisation whose only member reads `locale` (applying is the applications tests' job). */
async function submittedApplication(
  title: string,
  locale: Locale,
): Promise<{ id: string; email: string; enterpriseNumber: string }> {
  const { services } = octroi.app;
  const email = `member-${process.pid}-${++counter}@example.org`;
  const { id: userId } = await services.accounts.provisionUser({
    email,
    displayName: 'Mia Member',
    password: PASSWORD,
    locale,
    platformAdmin: false,
  });
  const member: Actor = { userId, isPlatformAdmin: false, grants: [] };
  const base = String(10_000_000 + counter * 7919);
  const enterpriseNumber = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
  const { version: _version, ...organisation } = organisationForm.parse({
    ...VALID_ORGANISATION,
    name: `Asbl ${counter}`,
    enterpriseNumber,
    contactEmail: email,
  });
  const organisationId = expectOk(await services.organisations.createOrganisation({ actor: member, organisation }));
  const id = expectOk(await services.applications.startApplication({ actor: member, callId, organisationId, title }));
  const { application } = await services.applications.view(member, id);
  const saved = expectOk(
    await services.applications.saveAnswers({
      actor: member,
      applicationId: id,
      version: application.version,
      raw: {
        summary: 'Des ateliers numériques pour les seniors.',
        communes: ['21015'],
        publics: ['seniors'],
        participants: { seniors: '12' },
        digcomp: ['1'],
        budget: {
          lines: [{ category: 'staff', label: 'Animatrice', amount: '40 000' }],
          requested: '30 000',
          otherFunding: [{ source: 'Commune', amount: '10 000' }],
        },
      },
    }),
  );
  assert.equal(saved.status, 'saved');
  expectOk(await services.applications.submitApplication({ actor: member, applicationId: id }));
  return { id, email, enterpriseNumber };
}

/** A criterion's group of verdicts, by its legend. */
const criterion = (page: Page, legend: string) => page.getByRole('group', { name: legend, exact: true });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

async function submitWith(page: Page, button: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await button.click();
  await navigated;
  await page.waitForLoadState('load');
}

async function fact(page: Page, term: string): Promise<string> {
  const dd = page
    .getByRole('main')
    .locator('dl.facts dt', { hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return normalizeSpaces(await dd.innerText());
}

/** The funnel's lines, e.g. "Applications received: 2". */
async function funnel(page: Page): Promise<string[]> {
  return (
    await page.getByRole('region', { name: 'From submission to selection' }).getByRole('listitem').allInnerTexts()
  ).map(normalizeSpaces);
}

type Axe = (page: Page, label: string) => Promise<void>;
const axeNow: Axe = (page, label) => expectNoAxeViolations(page, label);
/** With JavaScript off axe cannot run in the page: the page as served is kept and checked later in one with JavaScript. */
function axeLater(kept: { label: string; url: string; html: string }[]): Axe {
  return async (page, label) => {
    kept.push({ label, url: page.url(), html: await page.content() });
  };
}
async function checkKept(kept: { label: string; url: string; html: string }[]): Promise<void> {
  const page = await englishPage();
  await page.goto(`${octroi.url}/`);
  for (const k of kept) {
    await page.setContent(k.html, { waitUntil: 'load' });
    await expectNoAxeViolations(page, `${k.label}, as served without JavaScript at ${k.url}`);
  }
}

/** Signs the officer in and opens the call's screening from the call's own page. */
async function openScreening(page: Page, axe: Axe): Promise<void> {
  await page.goto(`${octroi.url}/`);
  await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).click();
  await expectH1(page, 'Sign in');
  await field(page, 'Email address').fill(OFFICER_EMAIL);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
  await mainNav(page).getByRole('link', { name: 'Calls I manage', exact: true }).click();
  await expectH1(page, 'Calls I manage');
  await page.getByRole('link', { name: CALL_TITLE, exact: true }).click();
  await expectH1(page, CALL_TITLE);
  await page.getByRole('link', { name: 'Eligibility screening', exact: true }).click();
  await expectH1(page, 'Eligibility screening');
  await axe(page, 'the call’s screening');
}

describe('screening in a browser', () => {
  it('an officer ticks the verdicts, declares an application not eligible with a reason, and sees the funnel change', async () => {
    const title = 'Clavier pour tous';
    const { id, email, enterpriseNumber } = await submittedApplication(title, 'nl');
    const dotted = `${enterpriseNumber.slice(0, 4)}.${enterpriseNumber.slice(4, 7)}.${enterpriseNumber.slice(7)}`;
    const page = await englishPage();
    await openScreening(page, axeNow);
    const before = await funnel(page);
    assert.ok(before.includes('Applications received: 1'), before.join(' | '));
    assert.ok(before.includes('Awaiting an eligibility decision: 1'));
    assert.ok(before.includes('Not eligible: 0'));
    const row = page.getByRole('row', { name: new RegExp(title) });
    assert.match(normalizeSpaces(await row.innerText()), /Submitted\s+0 of 3 criteria assessed/);
    // "Be a non-profit" is a criterion: the list says who applies, by legal form and enterprise number.
    assert.ok(
      normalizeSpaces(await row.innerText()).includes(`Non-profit association (ASBL/VZW) · ${dotted}`),
      await row.innerText(),
    );

    await page.getByRole('link', { name: title, exact: true }).click();
    await expectH1(page, title);
    assert.equal(await fact(page, 'Status'), 'Submitted');
    assert.equal(await fact(page, 'Legal form'), 'Non-profit association (ASBL/VZW)');
    assert.equal(await fact(page, 'Enterprise number \\(BCE/KBO\\)'), dotted);
    assert.equal(
      normalizeSpaces(
        await page.getByRole('region', { name: 'Decision', exact: true }).getByRole('paragraph').last().innerText(),
      ),
      'Assess every criterion, then save the checklist, to decide.',
    );
    await expectNoAxeViolations(page, 'an application to screen');

    // Verdicts ticked by their labels; a note left on a criterion without a verdict is refused.
    await criterion(page, 'Project in the Brussels Region')
      .getByRole('radio', { name: 'Not met', exact: true })
      .check();
    await field(criterion(page, 'Project in the Brussels Region'), 'Note on this criterion').fill(
      'Le siège et les ateliers sont à Namur.',
    );
    await criterion(page, 'Non-profit association').getByRole('radio', { name: 'Met', exact: true }).check();
    await field(criterion(page, 'Digital inclusion project'), 'Note on this criterion').fill('Ateliers smartphone.');
    await submitWith(page, page.getByRole('button', { name: 'Save the checklist', exact: true }));
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.waitFor();
    assert.deepEqual((await summary.getByRole('link').allInnerTexts()).map(normalizeSpaces), [
      'Digital inclusion project: Choose met, not met or to verify to save a note.',
    ]);
    assert.ok(
      await criterion(page, 'Project in the Brussels Region')
        .getByRole('radio', { name: 'Not met', exact: true })
        .isChecked(),
      'the verdicts ticked stay ticked',
    );
    assert.equal(
      await field(criterion(page, 'Project in the Brussels Region'), 'Note on this criterion').inputValue(),
      'Le siège et les ateliers sont à Namur.',
    );
    await expectNoAxeViolations(page, 'checklist refused: a note without a verdict');

    await criterion(page, 'Digital inclusion project').getByRole('radio', { name: 'Met', exact: true }).check();
    await submitWith(page, page.getByRole('button', { name: 'Save the checklist', exact: true }));
    assert.equal(await flash(page), 'Checklist saved.');
    assert.equal(await fact(page, 'Eligibility checklist'), '3 of 3 criteria assessed, 1 not met');
    const decision = page.getByRole('region', { name: 'Decision', exact: true });
    assert.deepEqual((await decision.getByRole('listitem').allInnerTexts()).map(normalizeSpaces), [
      'Project in the Brussels Region',
    ]);
    assert.equal(
      await decision.getByRole('button', { name: 'Declare eligible', exact: true }).count(),
      0,
      'eligible is not offered while a criterion is not met',
    );
    await expectNoAxeViolations(page, 'a checklist with a criterion not met');

    // The reason is required: refused first without it.
    await submitWith(page, decision.getByRole('button', { name: 'Declare not eligible', exact: true }));
    await summary.waitFor();
    assert.deepEqual((await summary.getByRole('link').allInnerTexts()).map(normalizeSpaces), [
      'Reason given to the organisation: Give the reason for the decision: the organisation will read it.',
    ]);
    await expectNoAxeViolations(page, 'decision refused without a reason');
    await field(page.getByRole('region', { name: 'Decision', exact: true }), 'Reason given to the organisation').fill(
      'Le projet se déroule hors de la Région bruxelloise.',
    );
    await submitWith(
      page,
      page
        .getByRole('region', { name: 'Decision', exact: true })
        .getByRole('button', { name: 'Declare not eligible', exact: true }),
    );
    assert.equal(
      await flash(page),
      'The application is declared not eligible. Its organisation has been told which criteria are not met.',
    );
    assert.equal(await fact(page, 'Status'), 'Not eligible');
    const history = page.getByRole('region', { name: 'History of the decisions' });
    const entry = normalizeSpaces(await history.getByRole('listitem').innerText());
    assert.match(
      entry,
      /Olivia Officer declared the application not eligible\. Criteria not met: Project in the Brussels Region Reason: Le projet se déroule hors de la Région bruxelloise\.$/,
    );
    assert.equal(
      normalizeSpaces(
        await page.getByRole('region', { name: 'Review the decision' }).getByRole('paragraph').last().innerText(),
      ),
      'You took this decision: another officer must review it.',
    );
    await expectNoAxeViolations(page, 'an application declared not eligible');

    const mail = (await octroi.mailsTo(email)).find((m) => m.subject.startsWith('Uw aanvraag NUM-'));
    assert.ok(mail, 'the member is told in Dutch');
    assert.ok(
      mail.text.includes('- Project in het Brussels Gewest: De activiteiten vinden plaats in een van de 19 gemeenten.'),
      mail.text,
    );

    await page.getByRole('main').getByRole('link', { name: 'Eligibility screening', exact: true }).click();
    await expectH1(page, 'Eligibility screening');
    const changed = await funnel(page);
    assert.ok(changed.includes('Not eligible: 1'), changed.join(' | '));
    assert.ok(changed.includes('Awaiting an eligibility decision: 0'));
    assert.ok(changed.includes('Applications received: 1'), 'still received: the funnel counts what reached each step');
    await expectNoAxeViolations(page, 'the call’s screening after a decision');
    assert.equal((await octroi.app.services.applications.view(officer, id)).application.status, 'ineligible');
  });

  it('the same work with JavaScript off: an application declared eligible, pages checked as served', async () => {
    const kept: { label: string; url: string; html: string }[] = [];
    const axe = axeLater(kept);
    const title = 'Numérique sans script';
    const { id } = await submittedApplication(title, 'fr');
    const page = await englishPage({ javaScriptEnabled: false });
    await openScreening(page, axe);
    await page.getByRole('link', { name: title, exact: true }).click();
    await expectH1(page, title);
    for (const legend of ['Project in the Brussels Region', 'Non-profit association'])
      await criterion(page, legend).getByRole('radio', { name: 'Met', exact: true }).check();
    await criterion(page, 'Digital inclusion project').getByRole('radio', { name: 'To verify', exact: true }).check();
    await submitWith(page, page.getByRole('button', { name: 'Save the checklist', exact: true }));
    assert.equal(await flash(page), 'Checklist saved.');
    assert.equal(
      normalizeSpaces(
        await page.getByRole('region', { name: 'Decision', exact: true }).getByRole('paragraph').last().innerText(),
      ),
      'Some criteria are still to verify: settle them before deciding.',
    );
    await axe(page, 'a checklist with a criterion to verify');
    await criterion(page, 'Digital inclusion project').getByRole('radio', { name: 'Met', exact: true }).check();
    await submitWith(page, page.getByRole('button', { name: 'Save the checklist', exact: true }));
    await submitWith(
      page,
      page
        .getByRole('region', { name: 'Decision', exact: true })
        .getByRole('button', { name: 'Declare eligible', exact: true }),
    );
    assert.equal(await flash(page), 'The application is declared eligible. Its organisation has been told.');
    assert.equal(await fact(page, 'Status'), 'Eligible');
    await axe(page, 'an application declared eligible');
    await page.getByRole('main').getByRole('link', { name: 'Eligibility screening', exact: true }).click();
    await expectH1(page, 'Eligibility screening');
    assert.ok((await funnel(page)).includes('Eligible: 1'));
    await axe(page, 'the call’s screening after an eligible decision');
    assert.equal((await octroi.app.services.applications.view(officer, id)).application.status, 'eligible');
    await checkKept(kept);
  });
});
