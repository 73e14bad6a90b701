// An officer's work on calls in a real browser: creating a call through its form, building its
// application form (adding, moving and removing questions), the preview, publishing, and the call
// then seen by the public; and a broken question refused with a summary a screen reader announces.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import {
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
import { expectOk } from '../../src/domain/refusal.ts';

const PASSWORD = 'correct horse battery';
const OFFICER_EMAIL = `officer-${process.pid}@example.org`;

let octroi: RunningOctroi;
let browser: Browser;
let contexts: BrowserContext[] = [];
let officer: Actor;
let funderId: string;

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
      slug: 'bxl-num',
      name: { fr: 'Bruxelles Numérique', nl: 'Brussel Digitaal', en: 'Digital Brussels' },
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
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function englishPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-BE',
    extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
  });
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return context.newPage();
}

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/**
 * Clicks a button that sends a form and waits for the next page to have loaded: pages after a
 * form often have the same heading, so the heading cannot tell.
 */

async function signInAsOfficer(page: Page): Promise<void> {
  await page.goto(`${octroi.url}/`);
  await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).click();
  await expectH1(page, 'Sign in');
  await field(page, 'Email address').fill(OFFICER_EMAIL);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
}

/** The names of the questions of a section of the form builder, in order. */
async function questionsOf(page: Page, section: string): Promise<string[]> {
  return (
    await page
      .getByRole('region', { name: section, exact: true })
      .getByRole('listitem')
      .locator('strong')
      .allInnerTexts()
  ).map(normalizeSpaces);
}

describe('calls in a browser', () => {
  it('an officer creates a call, builds its form, previews and publishes it; the public then sees it', async () => {
    const page = await englishPage();
    await signInAsOfficer(page);
    await mainNav(page).getByRole('link', { name: 'Calls I manage', exact: true }).click();
    await expectH1(page, 'Calls I manage');
    await expectNoAxeViolations(page, 'calls I manage');
    await page.getByRole('link', { name: 'New call', exact: true }).click();
    await expectH1(page, 'New call');
    await expectNoAxeViolations(page, 'new call form');

    await field(page, 'Code').fill('BXL26');
    await field(page, 'Title in French').fill('Inclusion numérique des aînés');
    await field(page, 'Summary in French').fill(
      'Des ateliers pour que les aînés bruxellois maîtrisent leur smartphone.',
    );
    await field(page, 'Description in French').fill(
      'Premier paragraphe de la description.\n\nSecond paragraphe, avec les conditions.',
    );
    await field(page, 'Total budget').fill('250.000,00');
    await field(page, 'Smallest grant').fill('10 000');
    await field(page, 'Deadline date').fill('2099-03-30');
    await field(page, 'Deadline time').fill('12:00');
    const publics = page.getByRole('group', { name: 'Target publics', exact: true });
    await publics.getByLabel('Older people', { exact: true }).check();
    await publics.getByLabel('Women', { exact: true }).check();

    // A mistake first: an amount written like nobody writes amounts.
    await field(page, 'Largest grant').fill('12,345,67');
    await submitWith(page, page.getByRole('button', { name: 'Create the call', exact: true }));
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.waitFor();
    assert.deepEqual((await summary.getByRole('link').allInnerTexts()).map(normalizeSpaces), [
      'Largest grant: Enter an amount like 56 904 or 56.904,50.',
    ]);
    assert.equal(await field(page, 'Total budget').inputValue(), '250.000,00', 'what was right is kept');
    assert.ok(await publics.getByLabel('Older people', { exact: true }).isChecked(), 'the ticked publics stay ticked');
    await expectNoAxeViolations(page, 'new call form with an error');

    await field(page, 'Largest grant').fill('50.000,00');
    await submitWith(page, page.getByRole('button', { name: 'Create the call', exact: true }));
    await expectH1(page, 'Inclusion numérique des aînés');
    assert.equal(await flash(page), 'Call created as a draft. Build its form, then publish it.');
    assert.match(page.url(), /\/manage\/calls\/[0-9a-f-]{36}$/);
    const callUrl = page.url();
    const callId = callUrl.split('/').at(-1)!;
    assert.equal(
      normalizeSpaces(await page.getByRole('heading', { level: 2, name: /^Status:/ }).innerText()),
      'Status: Draft',
    );
    assert.equal(
      await field(page, 'Total budget').inputValue(),
      '€250,000',
      'the saved budget, written the English way',
    );
    await expectNoAxeViolations(page, 'the new call’s page');

    // The form builder: the call starts from the standard form.
    await page.getByRole('link', { name: 'Application form', exact: true }).click();
    await expectH1(page, 'Application form');
    assert.deepEqual(await questionsOf(page, 'The project'), [
      'Summary of the project',
      'Communes served',
      'Target publics',
      'Expected participants per public',
      'DigComp areas worked on',
    ]);
    await expectNoAxeViolations(page, 'form builder');

    const editor = page.getByRole('region', { name: 'Add a question', exact: true });
    await field(editor, 'Section').selectOption({ label: 'The project' });
    await field(editor, 'Short name of the question').fill('equipment-cost');
    await field(editor, 'Kind of answer').selectOption({ label: 'Amount in euros' });
    await field(editor, 'Question in French').fill('Coût du matériel');
    await field(editor, 'Question in English').fill('Cost of equipment');
    await field(editor, 'Minimum').fill('0');
    await field(editor, 'Maximum').fill('5.000,00');
    await submitWith(page, editor.getByRole('button', { name: 'Add a question', exact: true }));
    assert.equal(await flash(page), 'Form saved.');
    assert.equal((await questionsOf(page, 'The project')).at(-1), 'Cost of equipment');

    await field(editor, 'Short name of the question').fill('partners');
    await field(editor, 'Kind of answer').selectOption({ label: 'Several choices' });
    await field(editor, 'Question in French').fill('Partenaires du projet');
    await field(editor, 'Question in English').fill('Partners of the project');
    await editor.getByRole('checkbox', { name: 'An answer is required', exact: true }).check();
    await field(editor, 'Options').fill(
      'CPAS / OCMW / Public welfare centre\nÉcole / School / School\nBibliothèque / Bibliotheek / Library',
    );
    await submitWith(page, editor.getByRole('button', { name: 'Add a question', exact: true }));
    assert.equal(await flash(page), 'Form saved.');
    assert.deepEqual((await questionsOf(page, 'The project')).slice(-2), [
      'Cost of equipment',
      'Partners of the project',
    ]);
    await expectNoAxeViolations(page, 'form builder with the new questions');

    await submitWith(page, page.getByRole('button', { name: 'Up: Partners of the project', exact: true }));
    assert.deepEqual(
      (await questionsOf(page, 'The project')).slice(-2),
      ['Partners of the project', 'Cost of equipment'],
      'moved up one place',
    );

    await submitWith(page, page.getByRole('button', { name: 'Remove: Cost of equipment', exact: true }));
    const project = await questionsOf(page, 'The project');
    assert.ok(!project.includes('Cost of equipment'), `removed: ${project.join(', ')}`);
    assert.equal(project.at(-1), 'Partners of the project');

    // The preview: every section on one page, as an applicant will see it.
    await page.getByRole('link', { name: 'Preview', exact: true }).click();
    await expectH1(page, 'Preview: Inclusion numérique des aînés');
    const partners = page.getByRole('group', { name: /^Partners of the project/ });
    assert.equal(await partners.getByRole('checkbox').count(), 3);
    await partners.getByRole('checkbox', { name: 'Library', exact: true }).waitFor();
    const calledPublics = page.getByRole('group', { name: /^Target publics/ });
    assert.equal(await calledPublics.getByRole('checkbox').count(), 2, 'only the publics the call targets');
    await calledPublics.getByRole('checkbox', { name: 'Older people', exact: true }).waitFor();
    // The standard budget table, every input with a name a screen reader reads out.
    const costs = page.getByRole('table', { name: 'Costs of the project' });
    await costs.waitFor();
    await costs.getByRole('combobox', { name: 'Category of line 1', exact: true }).waitFor();
    await costs.getByRole('textbox', { name: 'Description of line 1', exact: true }).waitFor();
    await costs.getByRole('textbox', { name: 'Amount of line 3', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Amount requested from this call (€)', exact: true }).waitFor();
    const others = page.getByRole('table', { name: 'Other funding' });
    await others.getByRole('textbox', { name: 'Source of other funding 1', exact: true }).waitFor();
    await others.getByRole('textbox', { name: 'Amount of other funding 2', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'form preview');

    // Back, and publish.
    await page.getByRole('link', { name: 'Application form', exact: true }).click();
    await expectH1(page, 'Application form');
    await page.getByRole('link', { name: 'Inclusion numérique des aînés', exact: true }).click();
    await expectH1(page, 'Inclusion numérique des aînés');
    await submitWith(page, page.getByRole('button', { name: 'Publish the call', exact: true }));
    assert.equal(await flash(page), 'Call published: applications are open.');
    assert.equal(
      normalizeSpaces(await page.getByRole('heading', { level: 2, name: /^Status:/ }).innerText()),
      'Status: Open',
    );
    await expectNoAxeViolations(page, 'the published call’s page');

    // The public sees it: on the home page, and on its own page with the way to apply.
    await mainNav(page).getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${octroi.url}/`);
    assert.equal(await flash(page), 'You are signed out.');
    const funder = page.getByRole('region', { name: 'Calls of Digital Brussels' });
    const card = funder
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Inclusion numérique des aînés', exact: true }) });
    await card.waitFor();
    const facts = normalizeSpaces(await card.innerText());
    assert.ok(facts.includes('Des ateliers pour que les aînés bruxellois maîtrisent leur smartphone.'), facts);
    assert.ok(facts.includes('€250,000'), `the budget in English: ${facts}`);
    assert.ok(facts.includes('from €10,000 to €50,000'), `the grant range: ${facts}`);
    await expectNoAxeViolations(page, 'home page with the new call');

    await card.getByRole('link', { name: 'Inclusion numérique des aînés', exact: true }).click();
    await expectH1(page, 'Inclusion numérique des aînés');
    assert.equal(new URL(page.url()).pathname, `/calls/${callId}`);
    await page.getByRole('link', { name: 'Apply to this call', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the call’s public page');
    // The description keeps the paragraphs the officer typed (a browser sends a textarea's line breaks as CR LF).
    const paragraphs = (await page.getByRole('main').locator('p').allInnerTexts()).map(normalizeSpaces);
    assert.ok(
      paragraphs.includes('Premier paragraphe de la description.') &&
        paragraphs.includes('Second paragraphe, avec les conditions.'),
      `two paragraphs: ${JSON.stringify(paragraphs)}`,
    );
  });

  it('the form builder refuses a choice with one option, with a summary that says why', async () => {
    const callId = expectOk(
      await octroi.app.services.calls.createCall({
        actor: officer,
        call: {
          funderId,
          code: 'SOLO',
          title: { fr: 'Appel à une option', en: 'One-option call' },
          summary: { fr: 's' },
          description: { fr: 'd' },
          budgetCents: 10_000_000,
          grantMinCents: null,
          grantMaxCents: null,
          opensAt: null,
          closesAt: new Date('2099-01-01T11:00:00Z'),
          targetPublics: ['seniors'],
        },
      }),
    );
    const page = await englishPage();
    await signInAsOfficer(page);
    await page.goto(`${octroi.url}/manage/calls/${callId}/form`);
    await expectH1(page, 'Application form');
    const before = await questionsOf(page, 'The project');

    const editor = page.getByRole('region', { name: 'Add a question', exact: true });
    await field(editor, 'Short name of the question').fill('solo');
    await field(editor, 'Kind of answer').selectOption({ label: 'One choice' });
    await field(editor, 'Question in French').fill('Une seule option');
    await field(editor, 'Options').fill('Un / Een / One');
    await submitWith(page, editor.getByRole('button', { name: 'Add a question', exact: true }));

    const refusal = page.getByRole('alert').filter({ hasText: 'The form was not saved:' });
    await refusal.waitFor();
    assert.ok(await refusal.isVisible(), 'the summary is on screen');
    assert.equal(
      normalizeSpaces(await refusal.innerText()),
      'The form was not saved: a choice needs at least two options;',
    );
    assert.equal(await field(editor, 'Options').inputValue(), 'Un / Een / One', 'what was typed is kept');
    assert.equal(await field(editor, 'Short name of the question').inputValue(), 'solo');
    assert.deepEqual(await questionsOf(page, 'The project'), before, 'nothing was added');
    await expectNoAxeViolations(page, 'form builder refusing a one-option choice');

    // A question without its French text: the field-level summary, each line linking to its field.
    await field(editor, 'Question in French').fill('');
    await field(editor, 'Options').fill('Un\nDeux');
    await submitWith(page, editor.getByRole('button', { name: 'Add a question', exact: true }));
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.waitFor();
    assert.deepEqual((await summary.getByRole('link').allInnerTexts()).map(normalizeSpaces), [
      'Question in French: Fill in this field.',
    ]);
    await expectNoAxeViolations(page, 'form builder with a missing French question');
  });

  it('adds a section through the section editor, each of its inputs named by its own label', async () => {
    const callId = expectOk(
      await octroi.app.services.calls.createCall({
        actor: officer,
        call: {
          funderId,
          code: 'SECT',
          title: { fr: 'Appel à sections', en: 'Call with sections' },
          summary: { fr: 's' },
          description: { fr: 'd' },
          budgetCents: 10_000_000,
          grantMinCents: null,
          grantMaxCents: null,
          opensAt: null,
          closesAt: new Date('2099-01-01T11:00:00Z'),
          targetPublics: ['seniors'],
        },
      }),
    );
    const page = await englishPage();
    await signInAsOfficer(page);
    await page.goto(`${octroi.url}/manage/calls/${callId}/form`);
    await expectH1(page, 'Application form');
    const sections = page.getByRole('region', { name: 'Add a section', exact: true });
    // Both editors have a "short name" input: each must be the one its own label names.
    assert.equal(
      await page
        .getByRole('region', { name: 'Add a question', exact: true })
        .getByRole('textbox', { name: /^Short name of the question/ })
        .count(),
      1,
      'the question’s short name is labelled',
    );
    assert.equal(
      await sections.getByRole('textbox', { name: /^Short name of the section/ }).count(),
      1,
      'the section’s short name is labelled by its own label (no other input has its id)',
    );
    await field(sections, 'Short name of the section').fill('partners');
    await field(sections, 'Title in French').fill('Partenariats');
    await field(sections, 'Title in English').fill('Partnerships');
    await submitWith(page, sections.getByRole('button', { name: 'Add a section', exact: true }));
    assert.equal(await flash(page), 'Form saved.');
    await page
      .getByRole('region', { name: 'Partnerships', exact: true })
      .getByText('No question in this section yet.')
      .waitFor();
    await expectNoAxeViolations(page, 'form builder with an empty section');
  });
});
