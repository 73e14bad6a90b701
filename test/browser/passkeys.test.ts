// Passkeys in Chromium with its virtual authenticator (DevTools protocol, WebAuthn domain): one is
// registered on the account page, then used as the second factor after the password and for a
// password-less sign-in; without user verification it is still a second factor but no longer a
// password-less sign-in; a cloned authenticator (an old signature counter) and a credential Octroi
// no longer knows are refused. The second step offers only the ways the person has. Every page passes axe.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { currentTotpCode } from '../../src/features/secondFactor/totp.ts';
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

const PASSWORD = 'correct horse battery';
let counter = 0;
const newEmail = () => `passkey-${process.pid}-${++counter}@example.org`;

let octroi: RunningOctroi;
let browser: Browser;
const { englishPage, closeAll } = browserPages(() => browser);

before(async () => {
  octroi = await startOctroi({ host: 'localhost' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await closeAll();
});

interface Authenticator {
  cdp: CDPSession;
  id: string;
}

/**
 * An authenticator in this page's browser context: a platform one that verifies its user (a laptop's
 * fingerprint reader), or with `verifies: false` a plain security key that only proves presence.
 */
async function virtualAuthenticator(page: Page, verifies = true): Promise<Authenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: verifies ? 'ctap2' : 'u2f',
      transport: verifies ? 'internal' : 'usb',
      hasResidentKey: verifies,
      hasUserVerification: verifies,
      isUserVerified: verifies,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, id: authenticatorId };
}

async function person(): Promise<string> {
  const email = newEmail();
  await octroi.app.services.accounts.provisionUser({
    email,
    displayName: 'Passkey Person',
    password: PASSWORD,
    locale: 'en',
    platformAdmin: false,
  });
  return email;
}

async function passwordStep(page: Page, email: string): Promise<void> {
  await page.goto(`${octroi.url}/sign-in?next=%2Faccount`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await submitWith(page, 'Sign in');
}

async function registerPasskey(page: Page, name: string): Promise<void> {
  await page.goto(`${octroi.url}/account/security`);
  await expectH1(page, 'Second factor and passkeys');
  await expectNoAxeViolations(page, 'security page');
  await field(page, 'Name of the passkey').fill(name);
  await submitWith(page, 'Register a passkey');
  // The first second factor comes with its recovery codes, shown once.
  await expectH1(page, 'Your recovery codes');
  assert.equal(await page.locator('.recovery-codes li').count(), 10);
  await expectNoAxeViolations(page, 'recovery codes');
  await page.getByRole('link', { name: 'I have kept them' }).click();
  await expectH1(page, 'Second factor and passkeys');
}

/** What the refused page says, in its error summary. */
const refusal = async (page: Page) => normalizeSpaces(await page.locator('.error-summary').innerText());

describe('passkeys in a browser', () => {
  it('registers a passkey, then signs in with it as second factor and without a password', async () => {
    const page = await englishPage();
    await virtualAuthenticator(page);
    const email = await person();
    await passwordStep(page, email);
    await registerPasskey(page, 'work laptop');
    assert.match(normalizeSpaces(await page.locator('main').innerText()), /work laptop — added on/);

    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await passwordStep(page, email);
    await expectH1(page, 'Second factor');
    await expectNoAxeViolations(page, 'second-factor step');
    // Only the ways this person has: their passkey and recovery codes, no box for an app's code.
    assert.equal(await page.getByLabel('Six-digit code').count(), 0, 'no authenticator app, no code asked');
    assert.equal(await page.getByRole('heading', { name: 'Or use a passkey' }).count(), 0);
    assert.equal(await page.getByLabel('Recovery code').count(), 1);
    await submitWith(page, 'Use a passkey');
    assert.equal(await flash(page), 'You are signed in.');
    assert.equal(new URL(page.url()).pathname, '/account');

    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${octroi.url}/sign-in/passkey?next=%2Faccount`);
    await expectH1(page, 'Sign in with a passkey');
    await expectNoAxeViolations(page, 'password-less sign-in');
    await submitWith(page, 'Use a passkey');
    assert.equal(await flash(page), 'You are signed in.');
  });

  it('a security key without user verification is a second factor, not a password-less sign-in', async () => {
    const page = await englishPage();
    await virtualAuthenticator(page, false);
    const email = await person();
    await passwordStep(page, email);
    await registerPasskey(page, 'security key');
    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await passwordStep(page, email);
    await submitWith(page, 'Use a passkey');
    assert.equal(await flash(page), 'You are signed in.');

    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${octroi.url}/sign-in/passkey?next=%2Faccount`);
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByText('The passkey was not used').waitFor();
    await expectNoAxeViolations(page, 'passkey not used');
    assert.equal(new URL(page.url()).pathname, '/sign-in/passkey', 'still not signed in');
  });

  it('refuses a cloned authenticator (an old counter) and a passkey Octroi no longer knows', async () => {
    const page = await englishPage();
    const original = await virtualAuthenticator(page);
    const email = await person();
    await passwordStep(page, email);
    await registerPasskey(page, 'phone');
    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${octroi.url}/sign-in/passkey`);
    await submitWith(page, 'Use a passkey');
    assert.equal(await flash(page), 'You are signed in.');

    // The same private key in another authenticator, its counter back at zero: a copy, refused.
    const { credentials } = await original.cdp.send('WebAuthn.getCredentials', { authenticatorId: original.id });
    assert.equal(credentials.length, 1);
    assert.ok(credentials[0]!.signCount > 0, 'the original counts its signatures');
    const thief = await englishPage();
    const copy = await virtualAuthenticator(thief);
    await copy.cdp.send('WebAuthn.addCredential', {
      authenticatorId: copy.id,
      credential: { ...credentials[0]!, signCount: 0 },
    });
    await thief.goto(`${octroi.url}/sign-in/passkey`);
    await submitWith(thief, 'Use a passkey');
    assert.equal(await refusal(thief), 'This passkey was refused.');
    await expectNoAxeViolations(thief, 'passkey refused');

    // Removed from the account: the authenticator still holds it, Octroi no longer accepts it.
    await page.goto(`${octroi.url}/account/security`);
    await submitWith(page, page.getByRole('button', { name: 'Remove the passkey phone' }));
    assert.equal(await flash(page), 'The passkey was removed.');
    await submitWith(page, page.getByRole('button', { name: 'Sign out' }));
    await page.goto(`${octroi.url}/sign-in/passkey`);
    await submitWith(page, 'Use a passkey');
    assert.equal(await refusal(page), 'This passkey was refused.');
  });

  it('sets up an authenticator app and signs in with its code, without JavaScript', async () => {
    const page = await englishPage();
    const email = await person();
    await passwordStep(page, email);
    await page.goto(`${octroi.url}/account/security`);
    await submitWith(page, 'Set up an authenticator app');
    await expectH1(page, 'Set up an authenticator app');
    await expectNoAxeViolations(page, 'authenticator set-up');
    const secret = (await page.locator('code.secret').innerText()).replace(/\s/g, '');
    await field(page, 'Six-digit code').fill(currentTotpCode(secret));
    await submitWith(page, 'Confirm');
    await expectH1(page, 'Your recovery codes');

    const noScript = await englishPage({ javaScriptEnabled: false });
    await passwordStep(noScript, email);
    await expectH1(noScript, 'Second factor');
    assert.equal(await noScript.getByRole('button', { name: 'Use a passkey' }).count(), 0, 'no passkey to use');
    assert.equal(await noScript.getByRole('heading', { name: 'Or use a passkey' }).count(), 0);
    // The code of the next time step: the one just used to confirm is not accepted twice.
    await field(noScript, 'Six-digit code').fill(currentTotpCode(secret, Date.now() + 30_000));
    await submitWith(noScript, 'Continue');
    assert.equal(await flash(noScript), 'You are signed in.');
  });
});
