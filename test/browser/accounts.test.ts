// Accounts as a person lives them in a browser: sign-up, the mail, confirmation, sign-in, the
// account page, sign-out, a form with errors, the password reset, and the same path without JavaScript.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { expectOk } from '../../src/domain/refusal.ts';
import { funders, users } from '../../src/platform/identity/schema.ts';
import { linkIn, type ReceivedMail } from '../helpers/mailbox.ts';
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

const PASSWORD = 'correct horse battery';
let counter = 0;
const newEmail = (prefix: string) => `${prefix}-${process.pid}-${++counter}@example.org`;

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);

before(async () => {
  octroi = await startOctroi();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

/** A fresh browser profile in English (no cookies, so no session and no language choice). */

const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

/** The last mail of this subject sent to `email`. */
async function lastMail(email: string, subject: string): Promise<ReceivedMail> {
  const mails = (await octroi.mailsTo(email)).filter((m) => m.subject === subject);
  const mail = mails.at(-1);
  assert.ok(mail, `a mail "${subject}" to ${email}`);
  return mail;
}

/** The confirmation link of a mail, checked to point at this very server (PUBLIC_URL is right). */
function siteLink(mail: ReceivedMail): string {
  const link = linkIn(mail);
  assert.ok(link.startsWith(`${octroi.url}/`), `link ${link} points at ${octroi.url}`);
  return link;
}

/**
 * axe runs as a script in the page, and with scripts off it cannot (playwright closes the page on
 * it); the same pages are checked with scripts on.
 */
async function axe(page: Page, label: string, javaScript: boolean): Promise<void> {
  if (javaScript) await expectNoAxeViolations(page, label);
}

async function signUp(page: Page, person: { name: string; email: string }, javaScript = true): Promise<void> {
  await page.goto(`${octroi.url}/`);
  await mainNav(page).getByRole('link', { name: 'Create an account', exact: true }).click();
  await expectH1(page, 'Create an account');
  await axe(page, 'sign-up form', javaScript);
  await field(page, 'Your name').fill(person.name);
  await field(page, 'Email address').fill(person.email);
  await field(page, 'Password').fill(PASSWORD);
  await field(page, 'Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account', exact: true }).click();
  await expectH1(page, 'Check your mailbox');
  assert.ok(
    normalizeSpaces(await page.getByRole('main').innerText()).includes(person.email),
    'the page names the address the mail went to',
  );
  await axe(page, '"check your mailbox" page', javaScript);
}

async function confirmByMail(page: Page, email: string, javaScript = true): Promise<void> {
  const mail = await lastMail(email, 'Confirm your email address');
  await page.goto(siteLink(mail));
  await expectH1(page, 'Email address confirmed');
  await axe(page, 'email confirmed page', javaScript);
}

async function signIn(page: Page, email: string, password: string, javaScript = true): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).click();
  await expectH1(page, 'Sign in');
  await axe(page, 'sign-in form', javaScript);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  assert.equal(await flash(page), 'You are signed in.');
  await mainNav(page).getByRole('link', { name: 'My account', exact: true }).waitFor();
  await axe(page, 'page after sign-in', javaScript);
}

/**
 * As a sign-in through a provider giving the number would leave the account: a role at a funder
 * stating a legal basis for keeping it, and the number kept.
 */
async function keepNationalNumberOf(email: string): Promise<void> {
  const { services, database } = octroi.app;
  const admin = await services.accounts.provisionUser({
    email: newEmail('nrn-admin'),
    displayName: 'Installation Admin',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: true,
  });
  const actor = { userId: admin.id, isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(
    await services.admin.createFunder({ actor, slug: `nrn-${process.pid}`, name: { fr: 'Fonds bruxellois' } }),
  );
  await database.db
    .update(funders)
    .set({ nationalNumberLegalBasis: 'Ordonnance du 4 avril 2024, article 12' })
    .where(eq(funders.id, funderId));
  expectOk(await services.admin.grantRole({ actor, funderId, role: 'officer', email }));
  await database.db.update(users).set({ nationalNumber: '85073003328' }).where(eq(users.email, email));
}

describe('accounts in a browser', () => {
  it('signs up, confirms by mail, signs in, sees the account and signs out', async () => {
    const page = await englishPage();
    const person = { name: 'Zoë Browser', email: newEmail('journey') };
    await signUp(page, person);
    await confirmByMail(page, person.email);
    await signIn(page, person.email, PASSWORD);

    await mainNav(page).getByRole('link', { name: 'My account', exact: true }).click();
    await expectH1(page, 'My account');
    const account = normalizeSpaces(await page.getByRole('main').innerText());
    assert.ok(account.includes(person.name), `the account page shows the name: ${account}`);
    assert.ok(account.includes(person.email), 'and the address');
    assert.ok(account.includes('Octroi keeps no national register number of yours.'), 'and that no number is kept');
    await expectNoAxeViolations(page, 'account page');

    await keepNationalNumberOf(person.email);
    await page.reload();
    const kept = normalizeSpaces(await page.getByRole('region', { name: 'National register number' }).innerText());
    assert.match(kept, /Octroi keeps your national register number, .*: 85\.07\.30-033\.28/);
    assert.match(kept, /Fonds bruxellois — Ordonnance du 4 avril 2024, article 12/);
    assert.match(kept, /It is never shared/);
    await expectNoAxeViolations(page, 'account page with a national register number kept');

    await mainNav(page).getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${octroi.url}/`);
    assert.equal(await flash(page), 'You are signed out.');
    await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
    assert.equal(await mainNav(page).getByRole('link', { name: 'My account', exact: true }).count(), 0);
    await expectNoAxeViolations(page, 'home after sign-out');
  });

  it('shows the errors of a wrong sign-up form in a summary and next to each field', async () => {
    const page = await englishPage();
    await page.goto(`${octroi.url}/sign-up`);
    await expectH1(page, 'Create an account');
    await field(page, 'Your name').fill('Half Done');
    await field(page, 'Email address').fill('not-an-address');
    await field(page, 'Password').fill('short');
    await page.getByRole('button', { name: 'Create my account', exact: true }).click();

    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.waitFor();
    const problems = (await summary.getByRole('link').allInnerTexts()).map(normalizeSpaces);
    assert.deepEqual(problems, [
      'Email address: Enter an email address like name@example.be.',
      'Password: Use at least 10 characters.',
      'Password again: Fill in this field.',
    ]);

    // Each wrong field says so, and its message is part of its accessible description.
    const email = field(page, 'Email address');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes('field-email-error'), `aria-describedby="${describedBy}"`);
    assert.equal(
      normalizeSpaces(await page.locator('#field-email-error').innerText()),
      'Enter an email address like name@example.be.',
    );
    assert.equal(await field(page, 'Your name').inputValue(), 'Half Done', 'what was right is kept');
    assert.equal(await field(page, 'Password').inputValue(), '', 'a password is never sent back');
    await expectNoAxeViolations(page, 'sign-up form with errors');

    // A summary link takes the keyboard to its field.
    await summary.getByRole('link', { name: /^Email address:/ }).click();
    await page.locator('#field-email:focus').waitFor();
  });

  it('resets a forgotten password through the mailed link', async () => {
    const page = await englishPage();
    const person = { name: 'Forgetful Person', email: newEmail('reset') };
    await signUp(page, person);
    await confirmByMail(page, person.email);

    await mainNav(page).getByRole('link', { name: 'Sign in', exact: true }).click();
    await expectH1(page, 'Sign in');
    await page.getByRole('link', { name: 'Forgot your password?', exact: true }).click();
    await expectH1(page, 'Forgotten password');
    await expectNoAxeViolations(page, 'forgotten password form');
    await field(page, 'Email address').fill(person.email);
    await page.getByRole('button', { name: 'Send me a link', exact: true }).click();
    await expectH1(page, 'Check your mailbox');
    await expectNoAxeViolations(page, '"reset link sent" page');

    await page.goto(siteLink(await lastMail(person.email, 'Choose a new password')));
    await expectH1(page, 'Choose a new password');
    await expectNoAxeViolations(page, 'new password form');
    const newPassword = 'a brand new sentence';
    await field(page, 'New password').fill(newPassword);
    await field(page, 'Password again').fill(newPassword);
    await page.getByRole('button', { name: 'Save my new password', exact: true }).click();
    await expectH1(page, 'Sign in');
    assert.equal(await flash(page), 'Your password is changed. Sign in with it.');
    await expectNoAxeViolations(page, 'sign-in after the reset');

    // The old password no longer opens the account…
    await field(page, 'Email address').fill(person.email);
    await field(page, 'Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    assert.equal(normalizeSpaces(await refusal.innerText()), 'The email address or the password is not right.');
    await expectNoAxeViolations(page, 'sign-in refused');

    // …the new one does (the refused form kept the address; its h1 is already "Sign in", so the
    // flash is what tells the next page has come).
    assert.equal(await field(page, 'Email address').inputValue(), person.email);
    await field(page, 'Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    assert.equal(await flash(page), 'You are signed in.');
    await mainNav(page).getByRole('link', { name: 'My account', exact: true }).waitFor();
  });

  it('an installation administrator sets what the administrators’ sign-in requires, refused what would lock them out', async () => {
    const email = newEmail('installation-admin');
    const { id } = await octroi.app.services.accounts.provisionUser({
      email,
      displayName: 'Installation Admin',
      password: PASSWORD,
      locale: 'en',
      platformAdmin: true,
    });
    const actor = { userId: id, isPlatformAdmin: true, grants: [] };
    expectOk(
      await octroi.app.services.oidc.configureProvider({
        actor,
        settings: {
          slug: 'csam',
          label: 'CSAM',
          issuer: 'https://csam.example.be',
          clientId: 'octroi',
          clientSecret: 's',
        },
      }),
    );
    const page = await englishPage();
    await page.goto(`${octroi.url}/`);
    await signIn(page, email, PASSWORD);
    await page.goto(`${octroi.url}/admin/installation-sign-in`);
    await expectH1(page, 'What the installation’s administrators’ sign-in requires');
    await expectNoAxeViolations(page, 'installation sign-in requirement');
    await field(page, 'Sign in through').selectOption('csam');
    await field(page, 'Minimum level of assurance (acr)').fill('urn:be:fedict:iam:fas:Level400');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(
      normalizeSpaces(await page.locator('.error-summary').innerText()),
      /Sign in through this provider yourself first/,
    );
    await expectNoAxeViolations(page, 'installation sign-in requirement refused');
  });

  it('signs up, confirms and signs in with JavaScript turned off', async () => {
    const page = await englishPage({ javaScriptEnabled: false });
    const person = { name: 'No Script', email: newEmail('nojs') };
    await signUp(page, person, false);
    await confirmByMail(page, person.email, false);
    await signIn(page, person.email, PASSWORD, false);
  });
});
