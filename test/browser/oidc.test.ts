// Signing in through an OpenID Connect provider in Chromium: the loopback provider of
// test/helpers/oidcProvider.ts shows its own login and consent pages. A person whose provider account
// is not linked is told so; signed in with their password, they link it, sign out, sign in through the
// provider, and unlink it (their password remains a way in). An answer for another sign-in than the
// pending one is refused in the page's language. A funder's administrator, without JavaScript, says the
// funder may keep the national register number and on what legal basis. Octroi's pages pass axe.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Actor } from '../../src/domain/access.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import {
  browserPages,
  expectH1,
  expectNoAxeViolations,
  field,
  flash,
  launchBrowser,
  normalizeSpaces,
  startOctroi,
  submitWith,
  type RunningOctroi,
} from '../helpers/browser.ts';
import { FAS_CLIENT, startOidcProvider, type LoopbackProvider } from '../helpers/oidcProvider.ts';

const PASSWORD = 'correct horse battery';
const KEEPS = 'This funder may keep the national register number of the people acting for it';

let octroi: RunningOctroi;
let idp: LoopbackProvider;
let browser: Browser;
let adminEmail: string;
let funderId: string;
const { englishPage, closeAll } = browserPages(() => browser);

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  idp = await startOidcProvider({ publicUrl: octroi.url, pages: true });
  const { services } = octroi.app;
  adminEmail = `oidc-admin-${process.pid}@example.org`;
  const admin = await services.accounts.provisionUser({
    email: adminEmail,
    displayName: 'Ada Admin',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: true,
  });
  const actor: Actor = { userId: admin.id, isPlatformAdmin: true, grants: [] };
  expectOk(
    await services.oidc.configureProvider({
      actor,
      settings: { slug: 'fas', label: 'CSAM (FAS)', issuer: idp.issuer, ...FAS_CLIENT, scopes: 'openid profile email' },
    }),
  );
  funderId = expectOk(await services.admin.createFunder({ actor, slug: 'bee', name: { fr: 'BEE', en: 'BEE' } }));
});
after(async () => {
  await browser?.close();
  await idp?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

/**
 * At the provider until it sends the browser back: its login page (unless its session remembers the
 * person) and its consent page (unless already given).
 */
async function atProvider(page: Page, account: string): Promise<void> {
  while (new URL(page.url()).origin === idp.issuer) {
    if (await page.getByRole('heading', { name: 'Sign in at the test provider' }).count()) {
      await field(page, 'Account').fill(account);
      await submitWith(page, 'Continue');
    } else await submitWith(page, 'Allow');
  }
}

async function signInWithPassword(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`${octroi.url}/sign-in?next=${encodeURIComponent(next)}`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await submitWith(page, 'Sign in');
}

async function signInThroughProvider(page: Page, account: string): Promise<void> {
  await page.goto(`${octroi.url}/sign-in`);
  await submitWith(page, page.getByRole('link', { name: 'Sign in with CSAM (FAS)' }));
  await atProvider(page, account);
}

describe('sign-in through an OpenID Connect provider in a browser', () => {
  it('not linked, then linked with the password, signs in through the provider, unlinked', async () => {
    const email = `oidc-${process.pid}@example.org`;
    await octroi.app.services.accounts.provisionUser({
      email,
      displayName: 'Sofie Janssens',
      password: PASSWORD,
      locale: 'en',
      platformAdmin: false,
    });
    const page = await englishPage();
    await page.goto(`${octroi.url}/sign-in`);
    await expectNoAxeViolations(page, 'sign-in page with a provider');
    await submitWith(page, page.getByRole('link', { name: 'Sign in with CSAM (FAS)' }));
    await expectH1(page, 'Sign in at the test provider');
    await atProvider(page, 'fas-0003');
    await expectH1(page, 'Account not linked yet');
    await expectNoAxeViolations(page, 'provider account not linked');

    await signInWithPassword(page, email, '/account/sign-in-methods');
    await expectH1(page, 'Sign-in methods');
    await expectNoAxeViolations(page, 'sign-in methods');
    await submitWith(page, page.getByRole('link', { name: 'Link CSAM (FAS)' }));
    await atProvider(page, 'fas-0003');
    assert.equal(await flash(page), 'Linked: you can now sign in through this provider.');
    assert.match(normalizeSpaces(await page.locator('main').innerText()), /CSAM \(FAS\) — linked on/);
    await expectNoAxeViolations(page, 'a provider linked');

    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await signInThroughProvider(page, 'fas-0003');
    assert.equal(await flash(page), 'You are signed in.');
    await page.goto(`${octroi.url}/account`);
    assert.match(await page.locator('main').innerText(), new RegExp(email.replace(/[.+]/g, '\\$&')));

    await page.goto(`${octroi.url}/account/sign-in-methods`);
    await submitWith(page, page.getByRole('button', { name: 'Unlink CSAM (FAS)' }));
    assert.equal(await flash(page), 'Unlinked: this provider no longer signs you in.');
    assert.match(await page.locator('main').innerText(), /No provider linked\./);
    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await signInThroughProvider(page, 'fas-0003');
    await expectH1(page, 'Account not linked yet');
  });

  it('an answer for a sign-in that is not the pending one is refused, in French', async () => {
    const page = await englishPage({ locale: 'fr-BE', extraHTTPHeaders: { 'accept-language': 'fr-BE,fr;q=0.9' } });
    await page.goto(`${octroi.url}/sign-in`);
    await submitWith(page, page.getByRole('link', { name: 'Se connecter avec CSAM (FAS)' }));
    await expectH1(page, 'Sign in at the test provider');
    // Another tab starts another sign-in: the pending one is now that tab's, with another state.
    const other = await page.context().newPage();
    await other.goto(`${octroi.url}/sign-in/oidc/fas`);
    await expectH1(other, 'Sign in at the test provider');
    await atProvider(page, 'fas-0004');
    await expectH1(page, 'Connexion refusée');
    assert.match(normalizeSpaces(await page.locator('main').innerText()), /n’a pas pu être vérifiée/);
    await expectNoAxeViolations(page, 'sign-in refused');
  });

  it('a funder says it may keep the national register number, naming its legal basis, without JavaScript', async () => {
    const page = await englishPage({ javaScriptEnabled: false });
    await signInWithPassword(page, adminEmail, `/admin/funders/${funderId}`);
    await expectH1(page, 'BEE');
    await page.getByLabel(KEEPS).check();
    await submitWith(page, 'Save the settings');
    assert.match(
      await page.locator('.error-summary').innerText(),
      /Legal basis: Say which legal basis allows the funder to keep the number\./,
    );
    await expectNoAxeViolations(page, 'funder settings refused');
    await field(page, 'Legal basis').fill('Ordonnance du 4 avril 2024, article 12');
    await submitWith(page, 'Save the settings');
    assert.equal(await flash(page), 'Settings saved.');
    assert.ok(await page.getByLabel(KEEPS).isChecked());
    assert.equal(await field(page, 'Legal basis').inputValue(), 'Ordonnance du 4 avril 2024, article 12');
    await expectNoAxeViolations(page, 'funder settings with the national register number');
  });
});
