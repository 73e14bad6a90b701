// Forming a call's jury in a real browser: the officer invites a juror by email (without
// JavaScript: every officer page is a plain form), the juror, who has no account, gets one by the
// invitation, signs the independence declaration and declares a conflict of interest; the officer
// sets k, computes the automatic assignment, sees it respect the conflict and confirms it.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import type { FormDefinition } from '../../src/domain/forms/definition.ts';
import { organisationForm } from '../../src/features/organisations/forms.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  normalizeSpaces,
  startOctroi,
  type RunningOctroi,
  expectH1,
  field,
  flash,
} from '../helpers/browser.ts';
import { linkIn } from '../helpers/mailbox.ts';
import { VALID_ORGANISATION } from '../helpers/samples.ts';
import { expectOk } from '../../src/domain/refusal.ts';

const PASSWORD = 'correct horse battery';
const CALL_TITLE = 'Former les Bruxellois au numérique';
const DAY = 86_400_000;
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Projet' },
      fields: [
        { id: 'summary', type: 'long-text', maxLength: 2000, required: true, label: { fr: 'Résumé' } },
        { id: 'publics', type: 'target-publics', required: false, label: { fr: 'Publics' } },
        { id: 'digcomp', type: 'digcomp-areas', required: false, label: { fr: 'DigComp' } },
      ],
    },
  ],
};

let octroi: RunningOctroi;
let browser: Browser;
let contexts: BrowserContext[] = [];
let officer: { email: string; actor: Actor };
let funderId: string;
let callId: string;
const applications: { id: string; organisation: string; title: string }[] = [];
let counter = 0;

async function person(name: string): Promise<{ email: string; actor: Actor }> {
  const email = `${name.toLowerCase()}-${process.pid}-${++counter}@example.org`;
  const { id } = await octroi.app.services.accounts.provisionUser({
    email,
    displayName: name,
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  return { email, actor: { userId: id, isPlatformAdmin: false, grants: [] } };
}

/** An organisation's application, submitted and declared eligible, all through the services. */
async function eligibleApplication(organisation: string, title: string): Promise<void> {
  const { services } = octroi.app;
  const member = await person('Member');
  const base = String(10_000_000 + ++counter * 7919);
  const { version: _v, ...fields } = organisationForm.parse({
    ...VALID_ORGANISATION,
    name: organisation,
    enterpriseNumber: `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`,
  });
  const organisationId = expectOk(
    await services.organisations.createOrganisation({ actor: member.actor, organisation: fields }),
  );
  const id = expectOk(
    await services.applications.startApplication({ actor: member.actor, callId, organisationId, title }),
  );
  expectOk(
    await services.applications.saveAnswers({
      actor: member.actor,
      applicationId: id,
      version: 1,
      raw: { summary: `Le projet ${title}.`, publics: ['seniors'], digcomp: ['1'] },
    }),
  );
  expectOk(await services.applications.submitApplication({ actor: member.actor, applicationId: id }));
  await octroi.app.database.db.transaction((tx) =>
    services.applications.transitionByOfficer(tx, {
      applicationId: id,
      event: 'declare-eligible',
      actorId: officer.actor.userId,
      funderId,
    }),
  );
  applications.push({ id, organisation, title });
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
  funderId = expectOk(
    await services.admin.createFunder({
      actor: adminActor,
      slug: 'bee',
      name: { fr: 'Bruxelles Économie et Emploi', en: 'Brussels Economy and Employment' },
    }),
  );
  officer = await person('Olivia');
  expectOk(await services.admin.grantRole({ actor: adminActor, funderId, email: officer.email, role: 'officer' }));
  officer.actor = { ...officer.actor, grants: [{ funderId, role: 'officer' }] };
  callId = expectOk(
    await services.calls.createCall({
      actor: officer.actor,
      form: FORM,
      call: {
        funderId,
        code: 'NUM',
        title: { fr: CALL_TITLE },
        summary: { fr: 'Des formations au numérique.' },
        description: { fr: 'Les conditions.' },
        budgetCents: 60_000_000,
        grantMinCents: null,
        grantMaxCents: null,
        opensAt: new Date(Date.now() - DAY),
        closesAt: new Date(Date.now() + 30 * DAY),
        targetPublics: ['seniors', 'women'],
      },
    }),
  );
  expectOk(await services.calls.publishCall({ actor: officer.actor, callId }));
  await eligibleApplication('Les Amis du Clavier', 'Clavier pour tous');
  await eligibleApplication('Seniors Connectés', 'Tablettes au club');
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

async function englishPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-BE',
    extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
    ...options,
  });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  return context.newPage();
}

/** Pages seen without JavaScript, kept to be checked by axe in a page that runs it. */
const kept: { label: string; url: string; html: string }[] = [];
const keep = async (page: Page, label: string) =>
  void kept.push({ label, url: page.url(), html: await page.content() });

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
}

describe('a call’s jury in a browser', () => {
  it('is invited, joins, declares a conflict, and receives an assignment that respects it', async () => {
    // The officer, without JavaScript, opens the call's jury and invites someone without an account.
    const office = await englishPage({ javaScriptEnabled: false });
    await signIn(office, officer.email);
    await office
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Calls I manage', exact: true })
      .click();
    await office.getByRole('link', { name: CALL_TITLE, exact: true }).click();
    await office.getByRole('link', { name: 'Jury', exact: true }).click();
    await expectH1(office, 'Jury');
    await keep(office, 'jury page, empty');
    const jurorEmail = `juror-${process.pid}@example.org`;
    await field(office, 'Email address of the juror').fill(jurorEmail);
    await office.getByRole('button', { name: 'Send the invitation', exact: true }).click();
    assert.equal(await flash(office), 'The invitation has been sent.');
    assert.ok(normalizeSpaces(await office.getByRole('main').innerText()).includes(jurorEmail));
    await keep(office, 'jury page with an invited member');

    // A second juror, already known, joins through the services (the browser path is the first one's).
    const colleague = await person('Colin');
    expectOk(
      await octroi.app.services.jury.inviteJuror({
        actor: officer.actor,
        callId,
        email: colleague.email,
        isChair: true,
        capacity: null,
        locale: 'en',
      }),
    );
    const colleagueToken = new URL(linkIn((await octroi.mailsTo(colleague.email)).at(-1)!)).searchParams.get('token')!;
    await octroi.app.services.jury.acceptInvitation({ actor: colleague.actor, token: colleagueToken, locale: 'en' });
    expectOk(
      await octroi.app.services.jury.signDeclaration({
        actor: colleague.actor,
        callId,
        expertise: { targetPublics: ['women'], activityTypes: [], digcompAreas: ['3'], languages: ['fr'] },
      }),
    );

    // The juror follows the mailed link, creates the account it comes with, signs and declares.
    const mail = (await octroi.mailsTo(jurorEmail)).at(-1)!;
    assert.equal(mail.subject, `Invitation to the jury of ${CALL_TITLE}`);
    const juror = await englishPage();
    await juror.goto(linkIn(mail));
    await expectH1(juror, 'Invitation to a jury');
    await expectNoAxeViolations(juror, 'invitation page');
    await field(juror, 'Your name').fill('Jeanne Juror');
    await field(juror, 'Password').fill(PASSWORD);
    await field(juror, 'Password again').fill(PASSWORD);
    await juror.getByRole('button', { name: 'Create my account and join the jury', exact: true }).click();
    await expectH1(juror, 'Independence declaration');
    assert.match(await flash(juror), /You have joined the jury/);
    await expectNoAxeViolations(juror, 'declaration page');
    await juror.getByRole('group', { name: 'Target publics' }).getByLabel('Older people', { exact: true }).check();
    await juror.getByRole('group', { name: 'DigComp areas' }).getByLabel(/^1\. /).check();
    await juror
      .getByRole('group', { name: 'Languages in which you can read an application' })
      .getByLabel('English', { exact: true })
      .check();
    await juror.getByLabel('I declare on my honour that I am independent and will abide by this declaration').check();
    await juror.getByRole('button', { name: 'Sign and save', exact: true }).click();
    await expectH1(juror, 'My jury work');
    assert.equal(await flash(juror), 'Your declaration and expertise are saved.');
    await expectNoAxeViolations(juror, 'my jury work');
    await juror.getByRole('link', { name: 'My conflicts of interest', exact: true }).click();
    await expectH1(juror, 'My conflicts of interest');
    await expectNoAxeViolations(juror, 'conflicts page');
    await field(juror, 'With').selectOption({ label: 'Les Amis du Clavier' });
    await field(juror, 'Nature of the link').fill('I chair its board.');
    await juror.getByRole('button', { name: 'Declare the conflict', exact: true }).click();
    assert.equal(await flash(juror), 'Your conflict of interest is recorded.');
    assert.ok(normalizeSpaces(await juror.getByRole('main').innerText()).includes('I chair its board.'));

    // The officer asks for one juror per application, computes, reads the preview and confirms.
    await office
      .getByRole('navigation', { name: 'Jury pages' })
      .getByRole('link', { name: 'Jury settings', exact: true })
      .click();
    await expectH1(office, 'Jury settings');
    await keep(office, 'jury settings');
    await field(office, 'Jurors per application').fill('1');
    await office.getByRole('button', { name: 'Save the settings', exact: true }).click();
    assert.equal(await flash(office), 'The jury settings are saved.');
    await office
      .getByRole('navigation', { name: 'Jury pages' })
      .getByRole('link', { name: 'Assignment', exact: true })
      .click();
    await expectH1(office, 'Assignment of applications');
    await office.getByRole('button', { name: 'Compute the automatic assignment', exact: true }).click();
    const preview = office.getByRole('region', { name: 'Proposed assignment' });
    await preview.waitFor();
    assert.match(normalizeSpaces(await preview.innerText()), /Best possible assignment found\./);
    await keep(office, 'assignment preview');
    const rows = preview.getByRole('table', { name: 'Jurors per application' }).getByRole('row');
    const clavier = normalizeSpaces(await rows.filter({ hasText: 'Clavier pour tous' }).innerText());
    const tablettes = normalizeSpaces(await rows.filter({ hasText: 'Tablettes au club' }).innerText());
    assert.ok(
      clavier.includes('Colin') && !clavier.includes('Jeanne'),
      `the conflicted juror is not proposed: ${clavier}`,
    );
    assert.ok(
      tablettes.includes('Jeanne Juror (100 %)') || tablettes.includes('Jeanne Juror (100%)'),
      `the best match is: ${tablettes}`,
    );
    await office.getByRole('button', { name: 'Confirm this assignment', exact: true }).click();
    assert.equal(await flash(office), 'The assignment is stored and the applications are under review.');
    await keep(office, 'assignment page after confirmation');
    for (const a of applications)
      assert.equal((await octroi.app.services.applications.forReview(a.id)).application.status, 'under-review');

    // The juror sees the one application assigned, never the one in conflict.
    await juror.getByRole('link', { name: 'My jury work', exact: true }).first().click();
    await expectH1(juror, 'My jury work');
    const work = normalizeSpaces(await juror.getByRole('main').innerText());
    assert.ok(work.includes('Tablettes au club') && !work.includes('Clavier pour tous'), work);

    // Every page seen without JavaScript passes axe too.
    const checker = await englishPage();
    await checker.goto(`${octroi.url}/`);
    for (const k of kept) {
      await checker.setContent(k.html, { waitUntil: 'load' });
      await expectNoAxeViolations(checker, `${k.label}, as served without JavaScript at ${k.url}`);
    }
  });
});
