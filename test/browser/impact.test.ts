// The impact pages in a real browser, with and without JavaScript: the officer's dashboard of a call and the
// public programme page (reached from the home page), each through axe; the charts are SVG with a title, and
// each has its table and its CSV file. An administrator sets the reference population from the keyboard.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
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
import { reportedGrants } from '../helpers/impactData.ts';
import { scoredCall, type ScoredCall } from '../helpers/scoredCall.ts';

const PASSWORD = 'correct horse battery';

let octroi: RunningOctroi;
let browser: Browser;
let call: ScoredCall;
const pages = browserPages(() => browser);

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  call = await scoredCall(octroi.app, { password: PASSWORD });
  await reportedGrants(octroi.app, call);
});
afterEach(() => pages.closeAll());
after(async () => {
  await browser?.close();
  await octroi?.close();
});

describe('impact pages in a browser', () => {
  for (const javaScriptEnabled of [false, true]) {
    const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    it(`the public finds the programme page from home, aggregates only, accessible (${how})`, async () => {
      const page = await pages.englishPage({ javaScriptEnabled });
      await page.goto(octroi.url);
      await page.getByRole('link', { name: 'See the impact' }).click();
      await expectH1(page, 'What the calls achieved');
      await expectNoAxeViolations(page, 'the public programme page');
      assert.ok((await page.locator('svg[role="img"] title').count()) >= 6);
      const communes = page.getByRole('table', { name: 'Participants by commune of residence' });
      assert.equal(await communes.getByRole('row', { name: /Evere/ }).getByRole('cell').first().innerText(), '5');
      const csv = await page.request.get(`${octroi.url}/impact/communes.csv`);
      assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);
      assert.ok(!(await page.content()).includes('Marie'));
    });

    it(`the officer reads the call's dashboard, accessible (${how})`, async () => {
      const page = await pages.englishPage({ javaScriptEnabled });
      await page.goto(`${octroi.url}/sign-in`);
      await field(page, 'Email address').fill(call.officerEmail);
      await field(page, 'Password').fill(PASSWORD);
      await submitWith(page, 'Sign in');
      await page.goto(`${octroi.url}/manage/calls/${call.callId}/impact`);
      await expectH1(page, 'Impact — Digital.Brussels');
      await expectNoAxeViolations(page, "the call's dashboard");
      const budget = page.getByRole('table', { name: 'Budget, granted, committed and paid' });
      assert.match(await budget.getByRole('row', { name: /^Budget/ }).innerText(), /250/);
      await page.goto(`${octroi.url}/manage/impact`);
      await expectH1(page, 'Impact of the programme');
      await expectNoAxeViolations(page, "the programme's dashboard");
    });
  }

  it('an administrator sets the reference population from the keyboard without JavaScript, told in their language what is wrong', async () => {
    const email = `admin-impact-${process.pid}@example.org`;
    await octroi.app.services.accounts.provisionUser({
      email,
      displayName: 'Ada Admin',
      password: PASSWORD,
      locale: 'en',
      platformAdmin: true,
    });
    const page = await pages.englishPage({ javaScriptEnabled: false });
    await page.goto(`${octroi.url}/sign-in`);
    await field(page, 'Email address').fill(email);
    await field(page, 'Password').fill(PASSWORD);
    await submitWith(page, 'Sign in');
    await page.goto(`${octroi.url}/admin/reference-population`);
    await expectH1(page, 'Reference population');
    await expectNoAxeViolations(page, 'the reference population');
    // The field by its id: its label changes with the language.
    const people = page.locator('#field-people');
    assert.equal(await field(page, 'Digitally vulnerable residents aged 16 to 74').getAttribute('id'), 'field-people');
    assert.equal(await people.inputValue(), '300000');

    const typeAndSend = async (text: string) => {
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
      const answered = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
      await page.keyboard.press('Enter');
      await answered;
    };
    await people.focus();
    await typeAndSend('12.5');
    const error = page.locator('#field-people-error');
    assert.equal(normalizeSpaces(await error.innerText()), 'Enter a whole number of people from 1 to 10 000 000.');
    assert.equal(await people.getAttribute('aria-invalid'), 'true');
    assert.equal(await people.inputValue(), '12.5', 'what was typed is kept');
    await expectNoAxeViolations(page, 'the reference population refused');

    await page.goto(`${octroi.url}/language/fr?next=${encodeURIComponent('/admin/reference-population')}`);
    await expectH1(page, 'Population de référence');
    await people.focus();
    await typeAndSend('0');
    assert.equal(normalizeSpaces(await error.innerText()), 'Indiquez un nombre entier de personnes de 1 à 10 000 000.');

    // The summary's link takes the keyboard to the field.
    await page.getByRole('link', { name: /^Habitants de 16 à 74 ans/ }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#field-people:focus').waitFor();
    await typeAndSend('150 000');
    assert.match(await flash(page), /La population de référence a été enregistrée/);
    assert.equal(await people.inputValue(), '150000');
  });
});
