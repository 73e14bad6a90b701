// What applicants tripped on (issue 10), in a real browser: a section's answers and its file saved
// together, with and without JavaScript (1); quick changes autosaved one after the other without a
// false "saved meanwhile", a radio choice included (2); an unreadable number refused where it was
// typed (3); a closed call's page (6). Each page passes axe.
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import { upsertField } from '../../src/domain/forms/edit.ts';
import { standardForm } from '../../src/domain/forms/template.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import {
  browserPages,
  expectH1,
  expectNoAxeViolations,
  field,
  flash,
  launchBrowser,
  type RunningOctroi,
  startOctroi,
  submitWith,
} from '../helpers/browser.ts';
import { SAMPLE_PDF } from '../helpers/samples.ts';
import { buildOrganisation } from '../helpers/factories.ts';
import type { TestApp } from '../helpers/app.ts';

const PASSWORD = 'correct horse battery';
const DAY = 86_400_000;

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);
let officer: Actor;
let callId: string;
let counter = 0;
const pdfPath = join(mkdtempSync(join(tmpdir(), 'octroi-upload-')), 'annexe.pdf');

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  writeFileSync(pdfPath, SAMPLE_PDF);
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
    await services.admin.createFunder({ actor: adminActor, slug: 'bee', name: { fr: 'BEE', en: 'BEE' } }),
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
  let form = upsertField(standardForm(), 'project', {
    id: 'partner',
    type: 'yes-no',
    required: false,
    label: { fr: 'Avec un partenaire ?', nl: 'Met een partner?', en: 'With a partner?' },
  });
  form = upsertField(form, 'project', {
    id: 'annex',
    type: 'file',
    required: false,
    maxFiles: 2,
    label: { fr: 'Annexe', nl: 'Bijlage', en: 'Annex' },
  });
  callId = expectOk(
    await services.calls.createCall({
      actor: officer,
      form,
      call: {
        funderId,
        code: 'APP',
        title: { fr: 'Appel aux candidats', en: 'Call for applicants' },
        summary: { fr: 's', en: 's' },
        description: { fr: 'd', en: 'd' },
        budgetCents: 60_000_000,
        grantMinCents: 1_000_000,
        grantMaxCents: 6_000_000,
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

/** A member of a fresh organisation with a draft on the call, signed in on `page`; the draft's project section. */
async function draftOn(page: Page): Promise<{ actor: Actor; id: string; section: string }> {
  const { services } = octroi.app;
  const email = `applicant-${process.pid}-${++counter}@example.org`;
  const { id: userId } = await services.accounts.provisionUser({
    email,
    displayName: `Applicant ${counter}`,
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  const actor: Actor = { userId, isPlatformAdmin: false, grants: [] };
  const organisationId = await buildOrganisation(octroi.app as TestApp, actor);
  const id = expectOk(await services.applications.startApplication({ actor, callId, organisationId, title: 'Projet' }));
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
  const section = `${octroi.url}/applications/${id}/sections/project`;
  await page.goto(section);
  await expectH1(page, 'The project');
  return { actor, id, section };
}

const stored = async (actor: Actor, id: string) => octroi.app.services.applications.view(actor, id);

describe('what applicants tripped on, in a browser', () => {
  it('1. without JavaScript, a file chosen after typing is saved with the typed answers, by one Save', async () => {
    const page = await englishPage({ javaScriptEnabled: false });
    const { actor, id } = await draftOn(page);
    await field(page, 'Summary of the project').fill('Typed, then a file chosen');
    await page.getByLabel('Add a file').setInputFiles(pdfPath);
    await submitWith(page, 'Save');
    assert.equal(await flash(page), 'Saved.');
    assert.equal(await field(page, 'Summary of the project').inputValue(), 'Typed, then a file chosen');
    const view = await stored(actor, id);
    assert.equal(view.application.rawAnswers.summary, 'Typed, then a file chosen');
    assert.deepEqual(
      view.files.annex?.map((f) => f.name),
      ['annexe.pdf'],
    );
    const html = await page.content();
    // axe needs JavaScript: the page as served is checked in a page that has it.
    const checker = await englishPage();
    await checker.goto(`${octroi.url}/`);
    await checker.setContent(html, { waitUntil: 'load' });
    await expectNoAxeViolations(checker, 'a section with its file, as served without JavaScript');

    // Removing is a box ticked in the same form.
    await field(page, 'Summary of the project').fill('Changed while removing the file');
    await page.getByLabel('Remove annexe.pdf when saving').check();
    await submitWith(page, 'Save');
    assert.equal(await flash(page), 'Saved.');
    const after = await stored(actor, id);
    assert.equal(after.application.rawAnswers.summary, 'Changed while removing the file');
    assert.equal(after.files.annex, undefined);
  });

  it('1. with JavaScript, the file is sent with the answers by Save too', async () => {
    const page = await englishPage();
    const { actor, id } = await draftOn(page);
    await field(page, 'Summary of the project').fill('With JavaScript and a file');
    await page.getByLabel('Add a file').setInputFiles(pdfPath);
    await submitWith(page, 'Save');
    assert.equal(await flash(page), 'Saved.');
    const view = await stored(actor, id);
    assert.equal(view.application.rawAnswers.summary, 'With JavaScript and a file');
    assert.equal(view.files.annex?.length, 1);
    await expectNoAxeViolations(page, 'a section with its file, with JavaScript');
  });

  it('2. quick changes by one person are autosaved one after the other: no false conflict, the radio choice saved', async () => {
    const page = await englishPage();
    const { actor, id } = await draftOn(page);
    // Every automatic save answers slowly, so the changes below overlap the saves on their way.
    await page.route('**/autosave', async (route) => {
      try {
        const response = await route.fetch();
        await new Promise((resolve) => setTimeout(resolve, 700));
        await route.fulfill({ response });
      } catch {
        // the page moved on
      }
    });
    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/autosave')) answers.push(r.status());
    });
    await field(page, 'Summary of the project').fill('Des ateliers');
    await page.getByRole('checkbox', { name: 'Etterbeek', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Older people', exact: true }).check();
    await page.getByRole('group', { name: 'With a partner?' }).getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('heading', { level: 1 }).click();
    const status = page.locator('form').getByRole('status');
    await status.filter({ hasText: /^Saved at \d{2}:\d{2}$/ }).waitFor({ timeout: 15_000 });
    // Let every save still on its way be answered.
    await page.waitForTimeout(2_500);
    assert.ok(answers.length >= 2, `several automatic saves: ${answers.join(', ')}`);
    assert.ok(
      answers.every((s) => s === 200),
      `no automatic save was refused as someone else's: ${answers.join(', ')}`,
    );
    assert.match(await status.innerText(), /^Saved at/);
    const view = await stored(actor, id);
    assert.equal(view.application.rawAnswers.summary, 'Des ateliers');
    assert.equal(view.application.rawAnswers.partner, 'yes', 'the radio choice is saved');
    assert.deepEqual(view.application.rawAnswers.publics, ['seniors']);
    await page.unrouteAll({ behavior: 'wait' });
    await expectNoAxeViolations(page, 'a section after quick automatic saves');

    // Another tab of the same person that saved meanwhile is a real conflict, and said so.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await field(other, 'Summary of the project').fill('From the other tab');
    await submitWith(other, 'Save');
    assert.equal(await flash(other), 'Saved.');
    await field(page, 'Summary of the project').fill('From the first tab');
    await page.getByRole('heading', { level: 1 }).click();
    await status.filter({ hasText: /saved/i }).waitFor();
    assert.doesNotMatch(await status.innerText(), /^Saved at/, 'the stale tab is told, not silently saved');
  });

  it('3. "quarante" participants is refused where it was typed, by the automatic save, and the field says why', async () => {
    const page = await englishPage();
    const { actor, id } = await draftOn(page);
    await page.getByRole('checkbox', { name: 'Older people', exact: true }).check();
    const participants = page
      .getByRole('group', { name: /^Expected participants per public/ })
      .getByRole('textbox', { name: 'Older people', exact: true });
    await participants.fill('quarante');
    await page.getByRole('heading', { level: 1 }).click();
    const note = page.locator('#answer-participants-autosave-error');
    await note.waitFor({ timeout: 10_000 });
    assert.match(await note.innerText(), /whole numbers/);
    const participantsStored = (await stored(actor, id)).application.rawAnswers.participants as
      Record<string, string> | undefined;
    assert.notEqual(participantsStored?.seniors, 'quarante', 'the unreadable value is not stored');
    assert.equal(await participants.getAttribute('aria-invalid'), 'true');
    await expectNoAxeViolations(page, 'an unreadable value refused by the automatic save');
  });

  it('6. a closed call says so and offers no form', async () => {
    const { services } = octroi.app;
    const closed = expectOk(
      await services.calls.createCall({
        actor: officer,
        call: {
          funderId: officer.grants[0]!.funderId,
          code: 'SHUT',
          title: { fr: 'Appel clôturé', en: 'Closed call' },
          summary: { fr: 's', en: 's' },
          description: { fr: 'd', en: 'd' },
          budgetCents: 10_000_000,
          grantMinCents: null,
          grantMaxCents: null,
          opensAt: new Date(Date.now() - DAY),
          closesAt: new Date(Date.now() + DAY),
          targetPublics: ['seniors'],
        },
      }),
    );
    expectOk(await services.calls.publishCall({ actor: officer, callId: closed }));
    expectOk(await services.calls.closeCall({ actor: officer, callId: closed, reason: 'Budget épuisé.' }));
    const page = await englishPage();
    await draftOn(page);
    await page.goto(`${octroi.url}/calls/${closed}/apply`);
    await expectH1(page, 'Start an application');
    assert.match(await page.getByRole('main').innerText(), /This call is closed: it no longer accepts applications\./);
    assert.equal(await page.getByRole('button', { name: 'Start the application' }).count(), 0, 'no form');
    await expectNoAxeViolations(page, 'the apply page of a closed call');
    await page.goto(`${octroi.url}/calls/${closed}`);
    assert.match(await page.getByRole('main').innerText(), /Applications closed on/);
    assert.equal(await page.getByRole('link', { name: 'Apply to this call' }).count(), 0);
    await expectNoAxeViolations(page, 'a closed call’s page');
  });
});
