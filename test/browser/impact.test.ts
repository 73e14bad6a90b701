// The impact pages in a real browser, with and without JavaScript: the officer's dashboard of a call and the
// public programme page (reached from the home page), each through axe; the charts are SVG with a title, and
// each has its table and its CSV file.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserPages,
  expectH1,
  expectNoAxeViolations,
  field,
  launchBrowser,
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
});
