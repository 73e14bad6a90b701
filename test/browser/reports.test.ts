// A grant's report in a real browser: the member fills the indicators without JavaScript, is told at its field
// that a breakdown does not add up, corrects and submits; the officer returns it with remarks; the member reads
// them and, with JavaScript on (the autosave saves as they type), resubmits; the officer approves. An officer
// sets a call's report plan from the keyboard without JavaScript. Every page goes through axe.
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

const PASSWORD = 'correct horse battery';

let octroi: RunningOctroi;
let browser: Browser;
let call: ScoredCall;
let grantId: string;
let reportId: string;

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  call = await scoredCall(octroi.app, { password: PASSWORD });
  const { grants } = octroi.app.services;
  const today = instantToBrussels(new Date()).date;
  await decideByRanking(octroi.app, call, { decidedOn: today });
  const list = await grants.callGrants(call.officer, call.callId);
  grantId = list.grants.find((g) => g.title === 'A digital Home')!.id;
  // A period whose interim report (halfway) is already due.
  const year = Number(today.slice(0, 4));
  expectOk(
    await grants.sendAgreement({
      actor: call.officer,
      grantId,
      version: 1,
      periodStart: `${year - 1}-01-01`,
      periodEnd: `${year}-12-31`,
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

async function signedIn(email: string, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-BE',
    extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
    javaScriptEnabled,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await submitWith(page, 'Sign in');
  return page;
}

describe('a grant report in a browser', () => {
  it('filled, refused where it does not add up, submitted, returned with remarks, resubmitted, approved', async () => {
    let member = await signedIn(call.emails.ara);
    await member.goto(`${octroi.url}/grants/${grantId}`);
    await member.getByLabel(/I have read the agreement/).check();
    await submitWith(member, 'Accept the agreement');
    expectOk(await octroi.app.services.grants.countersign({ actor: call.officer, grantId }));

    await member.goto(`${octroi.url}/grants/${grantId}`);
    await member.getByRole('link', { name: 'Reports' }).click();
    await member.getByRole('heading', { level: 1, name: /^Reports of grant / }).waitFor();
    await keep(member, 'the grant’s reports');
    await member.getByRole('link', { name: 'Interim report' }).click();
    reportId = member.url().split('/reports/')[1]!;
    await keep(member, 'the report to fill');

    await field(member, 'Participants reached').fill('30');
    const byAge = member.getByRole('group', { name: 'By age band' });
    await field(byAge, '25 to 54').fill('20');
    await submitWith(member, 'Submit the report');
    await member.getByText('These add up to 20, not to the 30 participants.').first().waitFor();
    await keep(member, 'the report refused: a breakdown does not add up');

    await field(byAge, '25 to 54').fill('30');
    await field(member.getByRole('group', { name: 'By main target public' }), 'Another public').fill('30');
    await field(member.getByRole('group', { name: 'By commune of residence' }), 'Outside Brussels').fill('30');
    await field(member.getByRole('group', { name: 'By gender' }), 'Not given').fill('30');
    await field(member, 'Sessions held').fill('10');
    await field(member, 'Hours of support').fill('40');
    await member.getByLabel(/Information and data literacy/).check();
    await field(member, 'Narrative').fill('Weekly workshops in two places.');
    await submitWith(member, 'Submit the report');
    assert.match(await flash(member), /The report is submitted/);
    await keep(member, 'the submitted report');
    await member.context().close();

    const officer = await signedIn(call.officerEmail);
    await officer.goto(`${octroi.url}/reports/${reportId}`);
    await keep(officer, 'the report to decide on');
    await submitWith(officer, 'Return for correction');
    await officer.getByText('Say in the remarks what the organisation should correct.').first().waitFor();
    await field(officer, 'Remarks').fill('Please give the communes of residence.');
    await submitWith(officer, 'Return for correction');
    assert.match(await flash(officer), /returned/);
    await keep(officer, 'the returned report');

    // Back with JavaScript: the autosave keeps what is typed, then the member resubmits.
    member = await signedIn(call.emails.ara, true);
    await member.goto(`${octroi.url}/reports/${reportId}`);
    await member.getByText('Please give the communes of residence.').waitFor();
    const communes = member.getByRole('group', { name: 'By commune of residence' });
    await field(communes, 'Outside Brussels').fill('10');
    await field(communes, 'Anderlecht').fill('20');
    await field(member, 'Sessions held').focus();
    await member.getByText(/Saved at/).waitFor();
    await expectNoAxeViolations(member, 'the returned report, with JavaScript');
    await submitWith(member, 'Submit the report');
    assert.match(await flash(member), /The report is submitted/);
    await member.context().close();

    await officer.goto(`${octroi.url}/reports/${reportId}`);
    await submitWith(officer, 'Approve');
    assert.match(await flash(officer), /approved/);
    await keep(officer, 'the approved report');
    await officer.context().close();

    const checker = await browser.newContext({ locale: 'en-BE' });
    const page = await checker.newPage();
    for (const k of kept) {
      await page.setContent(k.html, { waitUntil: 'load' });
      await expectNoAxeViolations(page, `${k.label} (as served without JavaScript)`);
    }
    await checker.close();
  });

  it('an officer sets the report plan from the keyboard, told at its cell what is wrong', async () => {
    // A call of its own: the plan of the call above is locked once its report is started.
    const other = await scoredCall(octroi.app, { password: PASSWORD });
    const officer = await signedIn(other.officerEmail);
    await officer.goto(`${octroi.url}/manage/calls/${other.callId}/grants`);
    await officer.getByRole('link', { name: 'Report plan', exact: true }).click();
    await expectH1(officer, 'Report plan — Digital.Brussels');
    await expectNoAxeViolations(officer, 'the report plan (as served without JavaScript)');
    assert.equal(await officer.getByLabel('Due 1', { exact: true }).inputValue(), 'halfway');

    // The interim report six months after signature, typed from the Due cell on.
    await officer.getByLabel('Due 1', { exact: true }).selectOption('signature');
    await officer.getByLabel('Due 1', { exact: true }).focus();
    await officer.keyboard.press('Tab');
    await officer.keyboard.press('Tab');
    await officer.keyboard.type('six');
    const answered = officer.waitForEvent('framenavigated', { predicate: (f) => f === officer.mainFrame() });
    await officer.keyboard.press('Enter');
    await answered;
    const months = officer.getByLabel('Months 1', { exact: true });
    assert.equal(
      await officer.locator('[id="report.0.months-error"]').innerText(),
      'Enter a whole number of months, from 0 to 120.',
    );
    assert.equal(await months.getAttribute('aria-invalid'), 'true');
    assert.equal(await months.inputValue(), 'six', 'what was typed is kept');
    await expectNoAxeViolations(officer, 'the report plan refused (as served without JavaScript)');

    // The summary's link takes the keyboard to the cell.
    await officer.getByRole('link', { name: /^Reports 1:/ }).focus();
    await officer.keyboard.press('Enter');
    await officer.locator('[id="field-report.0.months"]:focus').waitFor();
    await officer.keyboard.press('ControlOrMeta+A');
    await officer.keyboard.type('6');
    const saved = officer.waitForEvent('framenavigated', { predicate: (f) => f === officer.mainFrame() });
    await officer.keyboard.press('Enter');
    await saved;
    assert.match(await flash(officer), /The report plan is saved/);
    assert.equal(await officer.getByLabel('Due 1', { exact: true }).inputValue(), 'signature');
    assert.equal(await months.inputValue(), '6');
    await officer.context().close();
  });
});
