// Applying to a call in a real browser, as an organisation's members do: registering the
// organisation, starting an application, filling its sections (saved automatically with
// JavaScript, by the buttons without), submitting and getting the receipt; two members saving the
// same section; and a submission one second after the deadline.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
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
  submitWith,
} from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { VALID_ORGANISATION } from '../helpers/samples.ts';
import { expectOk } from '../../src/domain/refusal.ts';

const PASSWORD = 'correct horse battery';
const CALL_TITLE = 'Former les Bruxellois au numérique';
const DAY = 86_400_000;

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);
let officer: Actor;
let funderId: string;
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
  funderId = expectOk(
    await services.admin.createFunder({
      actor: adminActor,
      slug: 'bee',
      name: { fr: 'Bruxelles Économie et Emploi', en: 'Brussels Economy and Employment' },
    }),
  );
  const email = `officer-${process.pid}@example.org`;
  const person = await services.accounts.provisionUser({
    email,
    displayName: 'Olivia Officer',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  expectOk(await services.admin.grantRole({ actor: adminActor, funderId, email, role: 'officer' }));
  officer = { userId: person.id, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] };
  callId = expectOk(
    await services.calls.createCall({
      actor: officer,
      call: {
        funderId,
        code: 'NUM',
        title: { fr: CALL_TITLE },
        summary: { fr: 'Des formations au numérique pour tous les Bruxellois.' },
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
  expectOk(await services.calls.publishCall({ actor: officer, callId }));
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

// ——— People, pages and what they see ———

interface Person {
  name: string;
  email: string;
  actor: Actor;
}

/** A confirmed account made through the service (signing up in a browser is the accounts tests' job). */
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

/** A valid Belgian enterprise number, different for each n: 8 digits and their check (97 − the rest mod 97). */
function enterpriseNumber(n: number): string {
  const base = String(10_000_000 + n * 7919);
  const digits = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

/** A group of inputs (fieldset) by its legend, "(required)" or not. */
function group(page: Page, legend: string): Locator {
  const escaped = legend.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByRole('group', { name: new RegExp(`^${escaped}(\\s*\\(required\\))?$`) });
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** The value shown after a term of a page's facts (`<dt>term</dt><dd>value</dd>`). */
async function fact(page: Page, term: string): Promise<string> {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const dd = page
    .getByRole('main')
    .locator('dl.facts dt', { hasText: new RegExp(`^${escaped}$`) })
    .locator('xpath=following-sibling::dd[1]');
  return normalizeSpaces(await dd.innerText());
}

/**
 * Checks a page with axe. With JavaScript on, right away; with it off axe cannot run in that page,
 * so the page as served is kept and checked later in a page with JavaScript (see `checkKept`).
 */
type Axe = (page: Page, label: string) => Promise<void>;
const axeNow: Axe = (page, label) => expectNoAxeViolations(page, label);
/** For a page already checked in the same state by an earlier test of this file (the sign-in form, the home page). */
const alreadyChecked: Axe = async () => undefined;
function axeLater(kept: { label: string; url: string; html: string }[]): Axe {
  return async (page, label) => {
    kept.push({ label, url: page.url(), html: await page.content() });
  };
}
/** The kept pages, each loaded at the server's address (so its stylesheet applies) and checked. */
async function checkKept(kept: { label: string; url: string; html: string }[]): Promise<void> {
  const page = await englishPage();
  await page.goto(`${octroi.url}/`);
  for (const k of kept) {
    await page.setContent(k.html, { waitUntil: 'load' });
    await expectNoAxeViolations(page, `${k.label}, as served without JavaScript at ${k.url}`);
  }
}

// ——— Steps of the journey ———

async function signIn(page: Page, person: Person, axe: Axe = axeNow): Promise<void> {
  await page.goto(`${octroi.url}/`);
  await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).click();
  await expectH1(page, 'Sign in');
  await axe(page, 'sign-in form');
  await field(page, 'Email address').fill(person.email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
  await axe(page, 'page after sign-in');
}

async function registerOrganisation(
  page: Page,
  organisation: { name: string; enterpriseNumber: string; contact: Person },
  axe: Axe,
): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'My organisations', exact: true }).click();
  await expectH1(page, 'My organisations');
  await page.getByRole('link', { name: 'Register an organisation', exact: true }).click();
  await expectH1(page, 'Register an organisation');
  await axe(page, 'organisation registration form');
  await field(page, 'Name of the organisation').fill(organisation.name);
  await field(page, 'Legal form').selectOption({ label: 'Non-profit association (ASBL/VZW)' });
  await field(page, 'Enterprise number (BCE/KBO)').fill(organisation.enterpriseNumber);
  await field(page, 'Street and number').fill('Rue Royale 1');
  await field(page, 'Postal code').fill('1030');
  await field(page, 'Municipality').fill('Schaerbeek');
  await field(page, 'IBAN').fill('BE68 5390 0754 7034');
  await field(page, 'Account holder').fill(`${organisation.name} ASBL`);
  await field(page, 'Name').fill(organisation.contact.name);
  await field(page, 'Email address').fill(organisation.contact.email);
  await field(page, 'Website').fill('https://clavier.example.org');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expectH1(page, organisation.name);
  assert.equal(await flash(page), 'Organisation registered. You are its owner.');
  await axe(page, 'the new organisation’s page');
}

/** From the call's public page to the new application's page. */
async function startApplication(page: Page, organisation: string, title: string, axe: Axe): Promise<string> {
  await page.getByRole('link', { name: 'Apply to this call', exact: true }).click();
  await expectH1(page, 'Start an application');
  await axe(page, 'start an application');
  await field(page, 'Organisation').selectOption({ label: organisation });
  await field(page, 'Title of the project').fill(title);
  await page.getByRole('button', { name: 'Start the application', exact: true }).click();
  await expectH1(page, title);
  const id = /\/applications\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  assert.ok(id, `the application's own address: ${page.url()}`);
  assert.equal(await fact(page, 'Status'), 'Draft');
  assert.equal(await fact(page, 'Organisation'), organisation);
  await axe(page, 'new application');
  return id;
}

/** The lines of the application page's list of sections, e.g. "The project — 3 answers missing". */
async function sectionLines(page: Page): Promise<string[]> {
  return (await page.getByRole('region', { name: 'Sections' }).getByRole('listitem').allInnerTexts()).map(
    normalizeSpaces,
  );
}

/** The project section's choices (the summary is typed separately). */
async function tickProject(page: Page): Promise<void> {
  const communes = group(page, 'Communes served');
  await communes.getByRole('checkbox', { name: 'Schaerbeek / Schaarbeek', exact: true }).check();
  await communes.getByRole('checkbox', { name: 'Etterbeek', exact: true }).check();
  await group(page, 'Target publics').getByRole('checkbox', { name: 'Older people', exact: true }).check();
  await group(page, 'Expected participants per public')
    .getByRole('textbox', { name: 'Older people', exact: true })
    .fill('120');
  await group(page, 'DigComp areas worked on').getByRole('checkbox', { name: /^1\. / }).check();
}

async function fillBudget(page: Page): Promise<void> {
  const costs = page.getByRole('table', { name: 'Costs of the project' });
  await costs.getByRole('combobox', { name: 'Category of line 1', exact: true }).selectOption({ label: 'Staff' });
  await costs.getByRole('textbox', { name: 'Description of line 1', exact: true }).fill('Animateur');
  await costs.getByRole('textbox', { name: 'Amount of line 1', exact: true }).fill('40.000,00');
  await costs.getByRole('combobox', { name: 'Category of line 2', exact: true }).selectOption({ label: 'Equipment' });
  await costs.getByRole('textbox', { name: 'Description of line 2', exact: true }).fill('Tablettes');
  await costs.getByRole('textbox', { name: 'Amount of line 2', exact: true }).fill('10 000');
  await field(page, 'Amount requested from this call (€)').fill('40 000');
  const others = page.getByRole('table', { name: 'Other funding' });
  await others.getByRole('textbox', { name: 'Source of other funding 1', exact: true }).fill('Commune de Schaerbeek');
  await others.getByRole('textbox', { name: 'Amount of other funding 1', exact: true }).fill('10000');
}

/** Submits from the application page; checks the receipt page and the receipt mail. Returns the reference. */
async function submitAndCheckReceipt(page: Page, person: Person, title: string, axe: Axe): Promise<string> {
  await page.getByRole('button', { name: 'Submit the application', exact: true }).click();
  await expectH1(page, 'Application submitted');
  const reference = await fact(page, 'Reference');
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(new Date());
  assert.match(reference, new RegExp(`^NUM-${year}-\\d{4}$`), 'the call’s code, the year, a number');
  const hash = await fact(page, 'Fingerprint of the answers (SHA-256)');
  assert.match(hash, /^[0-9a-f]{64}$/);
  const intro = normalizeSpaces(await page.getByRole('main').innerText());
  assert.ok(intro.includes(`Your application “${title}” to the call “${CALL_TITLE}” has been received.`), intro);
  await axe(page, 'receipt');

  const mail = (await octroi.mailsTo(person.email)).find(
    (m) => m.subject === `Receipt of your application ${reference}`,
  );
  assert.ok(mail, `a receipt mail for ${reference}`);
  assert.ok(mail.text.includes(`Reference: ${reference}`), mail.text);
  assert.ok(mail.text.includes(hash), 'the mail carries the same SHA-256');
  return reference;
}

describe('applying in a browser', () => {
  it('an applicant with JavaScript: registers, applies, is saved automatically, submits and gets the receipt', async () => {
    const page = await englishPage();
    const person = await newPerson('Marie Dupont');
    const organisation = 'Les Amis du Clavier';
    const title = 'Clavier pour tous';
    await signIn(page, person);
    await registerOrganisation(page, { name: organisation, enterpriseNumber: '0403.019.261', contact: person }, axeNow);

    await mainNav(page).getByRole('link', { name: 'Home', exact: true }).click();
    await expectH1(page, 'Calls for projects');
    await page.getByRole('link', { name: CALL_TITLE, exact: true }).click();
    await expectH1(page, CALL_TITLE);
    await expectNoAxeViolations(page, 'the call’s public page');
    const id = await startApplication(page, organisation, title, axeNow);
    assert.deepEqual(await sectionLines(page), ['The project — 3 answers missing', 'Budget — 1 answer missing']);

    await page.getByRole('link', { name: 'The project', exact: true }).click();
    await expectH1(page, 'The project');
    await expectNoAxeViolations(page, 'the project section');

    // Autosave: typing, then doing nothing; the page says when it saved, without the button.
    const summaryText = 'Des ateliers numériques pour les seniors de Schaerbeek, deux fois par semaine.';
    const summary = field(page, 'Summary of the project');
    await summary.click();
    await summary.pressSequentially(summaryText);
    const saveStatus = page.locator('form').getByRole('status');
    assert.equal(normalizeSpaces(await saveStatus.innerText()), '', 'nothing saved while typing');
    await page.waitForTimeout(3_500);
    // Still without touching anything: a slow server may take a moment more to answer.
    await saveStatus.filter({ hasText: /^Saved at \d{2}:\d{2}$/ }).waitFor({ timeout: 5_000 });
    await expectNoAxeViolations(page, 'the project section after an automatic save');
    await page.reload();
    await expectH1(page, 'The project');
    assert.equal(await field(page, 'Summary of the project').inputValue(), summaryText, 'the typed text was saved');

    // Leaving the fields saves them; pressing the button while that save is on its way (its answer
    // held back here) must not make the person's own save look like someone else's.
    // The answers are held back before ticking: on a slow machine the typing pause alone may
    // already have sent the automatic save, and the test must see it either way.
    await page.route('**/autosave', async (route) => {
      // The page may have moved on (the form was sent) before a held-back answer is delivered.
      try {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await route.fulfill({ response });
      } catch {
        // nothing to deliver to a page that is gone
      }
    });
    const autosaved = page.waitForResponse((response) => response.url().endsWith('/autosave'));
    await tickProject(page);
    await page.getByRole('heading', { level: 1 }).click();
    await submitWith(page, page.getByRole('button', { name: 'Save and continue', exact: true }));
    await expectH1(page, 'Budget');
    assert.equal(await flash(page), 'Saved.');
    assert.equal((await autosaved).status(), 200, 'the automatic save went through first');
    await page.unrouteAll({ behavior: 'wait' });
    await expectNoAxeViolations(page, 'the budget section');
    await fillBudget(page);
    await submitWith(page, page.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(await flash(page), 'Saved.');
    assert.equal(
      await field(page, 'Amount requested from this call (€)').inputValue(),
      '40 000',
      'what was typed is shown back',
    );

    await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
    await expectH1(page, title);
    assert.deepEqual(await sectionLines(page), ['The project — complete', 'Budget — complete']);
    assert.equal(
      normalizeSpaces(
        await page.getByRole('region', { name: 'Before submitting' }).getByRole('paragraph').first().innerText(),
      ),
      'Everything required is answered. You can submit.',
    );
    await expectNoAxeViolations(page, 'an application ready to submit');
    await submitAndCheckReceipt(page, person, title, axeNow);

    const view = await octroi.app.services.applications.view(person.actor, id);
    assert.equal(view.application.status, 'submitted');
    assert.equal(view.application.rawAnswers.summary, summaryText);
    assert.equal(view.application.requestedCents, 4_000_000);
  });

  it('two members save the same section: the second is refused, keeps their text and sees the other’s', async () => {
    const owner = await newPerson('Marie Owner');
    const colleague = await newPerson('Jan Colleague');
    const organisationName = 'Asbl Partage';
    const parsed = organisationForm.parse({
      ...VALID_ORGANISATION,
      name: organisationName,
      enterpriseNumber: enterpriseNumber(1),
      contactEmail: owner.email,
    });
    const { version: _version, ...organisation } = parsed;
    const organisationId = expectOk(
      await octroi.app.services.organisations.createOrganisation({
        actor: owner.actor,
        organisation,
      }),
    );
    const applicationId = expectOk(
      await octroi.app.services.applications.startApplication({
        actor: owner.actor,
        callId,
        organisationId,
        title: 'Projet partagé',
      }),
    );

    // The owner invites the colleague from the organisation's page.
    const mine = await englishPage();
    await signIn(mine, owner, alreadyChecked);
    await mainNav(mine).getByRole('link', { name: 'My organisations', exact: true }).click();
    await mine.getByRole('link', { name: organisationName, exact: true }).click();
    await expectH1(mine, organisationName);
    await expectNoAxeViolations(mine, 'organisation page');
    await field(mine, 'Their email address').fill(colleague.email);
    await field(mine, 'Role').selectOption({ label: 'member' });
    await submitWith(mine, mine.getByRole('button', { name: 'Send the invitation', exact: true }));
    assert.equal(await flash(mine), 'Invitation sent.');

    const theirs = await englishPage();
    await signIn(theirs, colleague, alreadyChecked);
    const invitation = (await octroi.mailsTo(colleague.email)).find(
      (m) => m.subject === `Invitation to join ${organisationName} on Octroi`,
    );
    assert.ok(invitation, 'an invitation mail');
    await theirs.goto(linkIn(invitation));
    await expectH1(theirs, organisationName);
    assert.equal(await flash(theirs), 'You are now a member of this organisation.');

    // Both open the project section of the same application.
    for (const page of [mine, theirs]) {
      await page.goto(`${octroi.url}/applications/${applicationId}`);
      await expectH1(page, 'Projet partagé');
      await page.getByRole('link', { name: 'The project', exact: true }).click();
      await expectH1(page, 'The project');
    }
    await field(mine, 'Summary of the project').fill('Version de Marie');
    await submitWith(mine, mine.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(await flash(mine), 'Saved.');
    assert.equal(await field(mine, 'Summary of the project').inputValue(), 'Version de Marie');

    const summary = field(theirs, 'Summary of the project');
    await summary.fill('Version de Jan');
    await submitWith(theirs, theirs.getByRole('button', { name: 'Save', exact: true }));
    const refusal = theirs.getByRole('alert');
    await refusal.waitFor();
    assert.equal(
      normalizeSpaces(await refusal.innerText()),
      'Marie Owner saved this application while you were editing it. Nothing was overwritten: your input is still in the fields, and what Marie Owner saved is shown beside them. Save again to keep yours.',
    );
    assert.equal(await summary.inputValue(), 'Version de Jan', 'their own text is still in the field');
    const describedBy = ((await summary.getAttribute('aria-describedby')) ?? '').split(' ');
    assert.ok(
      describedBy.includes('answer-summary-theirs'),
      `the other version is part of the field's description: ${describedBy.join(' ')}`,
    );
    assert.equal(
      normalizeSpaces(await theirs.locator('#answer-summary-theirs').innerText()),
      'Saved meanwhile by someone else: Version de Marie',
    );
    await expectNoAxeViolations(theirs, 'section refused as saved meanwhile');
    assert.equal(
      (await octroi.app.services.applications.view(owner.actor, applicationId)).application.rawAnswers.summary,
      'Version de Marie',
      'nothing was overwritten',
    );

    // Saving again keeps the second person's text, knowingly.
    await submitWith(theirs, theirs.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(await flash(theirs), 'Saved.');
    assert.equal(
      (await octroi.app.services.applications.view(owner.actor, applicationId)).application.rawAnswers.summary,
      'Version de Jan',
    );
  });

  it('the same journey with JavaScript off: the Save buttons do the work, the pages pass axe as served', async () => {
    const kept: { label: string; url: string; html: string }[] = [];
    const axe = axeLater(kept);
    const page = await englishPage({ javaScriptEnabled: false });
    const person = await newPerson('Noa Script');
    const organisation = 'Clavier Sans Script';
    const title = 'Numérique sans script';
    await signIn(page, person, axe);
    await registerOrganisation(
      page,
      { name: organisation, enterpriseNumber: enterpriseNumber(2), contact: person },
      axe,
    );
    await page.goto(`${octroi.url}/calls/${callId}`);
    await expectH1(page, CALL_TITLE);
    const id = await startApplication(page, organisation, title, axe);

    await page.getByRole('link', { name: 'The project', exact: true }).click();
    await expectH1(page, 'The project');
    await field(page, 'Summary of the project').fill('Une première phrase.');
    await submitWith(page, page.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(await flash(page), 'Saved.');
    assert.equal(await field(page, 'Summary of the project').inputValue(), 'Une première phrase.');
    await axe(page, 'project section saved by its button');
    await field(page, 'Summary of the project').fill('Des ateliers sans JavaScript, pour toutes et tous.');
    await tickProject(page);
    await submitWith(page, page.getByRole('button', { name: 'Save and continue', exact: true }));
    await expectH1(page, 'Budget');
    assert.equal(await flash(page), 'Saved.');
    await axe(page, 'budget section');
    await fillBudget(page);
    await submitWith(page, page.getByRole('button', { name: 'Save', exact: true }));
    assert.equal(await flash(page), 'Saved.');

    await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
    await expectH1(page, title);
    assert.deepEqual(await sectionLines(page), ['The project — complete', 'Budget — complete']);
    await axe(page, 'an application ready to submit');
    await submitAndCheckReceipt(page, person, title, axe);
    assert.equal((await octroi.app.services.applications.view(person.actor, id)).application.status, 'submitted');

    await checkKept(kept);
  });

  it('a submission one second after the deadline is refused; the application stays a draft', async () => {
    const person = await newPerson('Lou Late');
    const parsed = organisationForm.parse({
      ...VALID_ORGANISATION,
      name: 'Asbl En Retard',
      enterpriseNumber: enterpriseNumber(3),
      contactEmail: person.email,
    });
    const { version: _version, ...organisation } = parsed;
    const { services } = octroi.app;
    const organisationId = expectOk(
      await services.organisations.createOrganisation({ actor: person.actor, organisation }),
    );
    const page = await englishPage();
    await signIn(page, person, alreadyChecked);

    // A call closing in a few seconds, and an application to it that lacks nothing.
    const closesAt = new Date(Date.now() + 6_000);
    const lateCallId = expectOk(
      await services.calls.createCall({
        actor: officer,
        call: {
          funderId,
          code: 'LATE',
          title: { fr: 'Appel qui ferme bientôt' },
          summary: { fr: 's' },
          description: { fr: 'd' },
          budgetCents: 10_000_000,
          grantMinCents: null,
          grantMaxCents: null,
          opensAt: new Date(Date.now() - DAY),
          closesAt,
          targetPublics: ['seniors'],
        },
      }),
    );
    expectOk(await services.calls.publishCall({ actor: officer, callId: lateCallId }));
    const id = expectOk(
      await services.applications.startApplication({
        actor: person.actor,
        callId: lateCallId,
        organisationId,
        title: 'Presque à temps',
      }),
    );
    const { application } = await services.applications.view(person.actor, id);
    const saved = expectOk(
      await services.applications.saveAnswers({
        actor: person.actor,
        applicationId: id,
        version: application.version,
        raw: {
          summary: 'Un projet prêt, envoyé trop tard.',
          communes: ['21015'],
          publics: ['seniors'],
          participants: { seniors: '12' },
          digcomp: [],
          budget: {
            lines: [{ category: 'staff', label: 'Animatrice', amount: '10 000' }],
            requested: '10 000',
            otherFunding: [],
          },
        },
      }),
    );
    assert.equal(saved.status, 'saved');

    await page.goto(`${octroi.url}/applications/${id}`);
    await expectH1(page, 'Presque à temps');
    const submit = page.getByRole('button', { name: 'Submit the application', exact: true });
    await submit.waitFor();
    assert.ok(Date.now() < closesAt.getTime(), 'the page was opened before the deadline');

    await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() + 1_000 - Date.now()));
    await submitWith(page, submit);
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.equal(
      normalizeSpaces(await refusal.innerText()),
      'The call is closed: its deadline has passed, so the application can no longer be changed or submitted.',
    );
    assert.equal(await fact(page, 'Status'), 'Draft');
    assert.equal(
      await page.getByRole('button', { name: 'Submit the application', exact: true }).count(),
      0,
      'no submit button any more',
    );
    await expectNoAxeViolations(page, 'submission refused after the deadline');

    const afterDeadline = await services.applications.view(person.actor, id);
    assert.equal(afterDeadline.application.status, 'draft');
    assert.equal(afterDeadline.application.reference, null);
    assert.equal(afterDeadline.submissions.length, 0);
  });
});
