// After the decision, in a real browser with JavaScript off (every step is a plain form): the grantee reads
// and accepts the agreement; the officer countersigns, sets the funder's account, approves the tranche, puts
// it in a payment batch and downloads its SEPA file, validated against the EPC schema. Every page goes
// through axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  expectH1,
  expectNoAxeViolations,
  field,
  flash,
  launchBrowser,
  type RunningOctroi,
  startOctroi,
  submitWith,
} from '../helpers/browser.ts';
import { decideByRanking, scoredCall, type ScoredCall } from '../helpers/scoredCall.ts';
import { instantToBrussels } from '../../src/domain/brusselsTime.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import { validatePain001 } from '../../src/platform/sepa/validateXsd.ts';

const PASSWORD = 'correct horse battery';

let octroi: RunningOctroi;
let browser: Browser;
let call: ScoredCall;
let grantId: string;

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  call = await scoredCall(octroi.app, { password: PASSWORD });
  const { grants } = octroi.app.services;
  const today = instantToBrussels(new Date()).date;
  await decideByRanking(octroi.app, call, { decidedOn: today });
  const list = await grants.callGrants(call.officer, call.callId);
  grantId = list.grants.find((g) => g.title === 'A digital Home')!.id;
  expectOk(
    await grants.sendAgreement({
      actor: call.officer,
      grantId,
      version: 1,
      periodStart: today,
      periodEnd: '2099-12-31',
      deMinimisConfirmed: false,
    }),
  );
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});

const kept: { label: string; html: string }[] = [];
const keep = async (page: Page, label: string) => {
  kept.push({ label, html: await page.content() });
};

async function signedIn(email: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-BE',
    extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
    javaScriptEnabled: false,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await submitWith(page, 'Sign in');
  return page;
}

describe('grants in a browser', () => {
  it('the grantee accepts; the officer countersigns, approves, batches and downloads a valid SEPA file', async () => {
    const member = await signedIn(call.emails.ara);
    await member.goto(`${octroi.url}/grants`);
    await expectH1(member, 'My grants');
    await keep(member, 'my grants');
    await member.getByRole('link', { name: /A digital Home/ }).click();
    await keep(member, 'the grant to accept');
    const pdf = await member.request.get(`${octroi.url}/grants/${grantId}/agreement.pdf`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    await submitWith(member, 'Accept the agreement');
    await member.getByText('Tick the box to accept the agreement.').waitFor();
    await keep(member, 'the acceptance refused without the box ticked');
    await member.getByLabel(/I have read the agreement/).check();
    await submitWith(member, 'Accept the agreement');
    assert.match(await flash(member), /The agreement is accepted/);
    await member.context().close();

    const officer = await signedIn(call.officerEmail);
    await officer.goto(`${octroi.url}/manage/calls/${call.callId}/grants`);
    await expectH1(officer, 'Grants — Digital.Brussels');
    await keep(officer, 'the call’s grants');
    await officer.goto(`${octroi.url}/grants/${grantId}`);
    await submitWith(officer, 'Countersign the agreement');
    assert.match(await flash(officer), /countersigned/);
    await keep(officer, 'the countersigned grant');

    await officer.goto(`${octroi.url}/manage/calls/${call.callId}/payments`);
    await field(officer, 'Account holder').fill('Paradigm');
    await field(officer, 'IBAN').fill('BE68 5390 0754 7034');
    await field(officer, 'BIC (optional)').fill('GKCCBEBB');
    await submitWith(officer, 'Save');
    assert.match(await flash(officer), /saved/);
    await keep(officer, 'the payments page');

    await officer.goto(`${octroi.url}/grants/${grantId}`);
    await submitWith(officer, 'Approve tranche 1');
    assert.match(await flash(officer), /approved/);
    await officer.goto(`${octroi.url}/manage/calls/${call.callId}/payments`);
    await submitWith(officer, 'Make a payment batch');
    assert.match(await flash(officer), /payment batch is made/);
    await keep(officer, 'the payment batch');
    const href = await officer.getByRole('link', { name: /Download the SEPA file/ }).getAttribute('href');
    const file = await officer.request.get(`${octroi.url}${href}`);
    const xml = await file.text();
    assert.deepEqual(validatePain001(xml), []);
    assert.ok(xml.includes('<Cd>SCOR</Cd>'));
    await submitWith(officer, 'Mark the batch paid');
    assert.match(await flash(officer), /batch is paid/);
    await keep(officer, 'the paid batch');
    await officer.context().close();

    const checker = await browser.newContext({ locale: 'en-BE' });
    const page = await checker.newPage();
    for (const k of kept) {
      await page.setContent(k.html, { waitUntil: 'load' });
      await expectNoAxeViolations(page, `${k.label} (as served without JavaScript)`);
    }
    await checker.close();
  });
});
