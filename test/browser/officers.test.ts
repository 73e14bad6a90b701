// What officers tripped on (issue 10), in a real browser: every page of a call carries the call's
// one navigation, also at 320 px; data pages use the width they need; the officer starts from a
// page of what waits for them. Every page goes through axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  field,
  launchBrowser,
  normalizeSpaces,
  startOctroi,
  type RunningOctroi,
} from '../helpers/browser.ts';
import { scoredCall, type ScoredCall } from '../helpers/scoredCall.ts';

const PASSWORD = 'correct horse battery';

let octroi: RunningOctroi;
let browser: Browser;
let call: ScoredCall;

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  call = await scoredCall(octroi.app, { password: PASSWORD });
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});

async function officerPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-BE',
    extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
    ...options,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(call.officerEmail);
  await field(page, 'Password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/sign-in'),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  return page;
}

/** The pages of a call, by what they are: each must carry the call's steps. */
const callPages = () => {
  const base = `/manage/calls/${call.callId}`;
  return [
    ['the call', base],
    ['the form preview', `${base}/preview`],
    ['the inbox', `${base}/applications`],
    ['the screening', `${base}/screening`],
    ['an application’s screening', `/manage/applications/${call.ids.ara}/screening`],
    ['the jury', `${base}/jury`],
    ['the assignment', `${base}/jury/assignment`],
    ['the jury settings', `${base}/jury/settings`],
    ['the consensus', `${base}/consensus`],
    ['an application’s consensus', `/manage/applications/${call.ids.ara}/consensus`],
    ['the calibration', `${base}/calibration`],
    ['the ranking', `${base}/ranking`],
    ['the selection', `${base}/selection`],
    ['the decision', `${base}/decision`],
  ] as const;
};

describe('officers’ pages in a browser', () => {
  it('every page of a call carries the call’s steps, the current one marked, at 1280 px and at 320 px without scrolling sideways', async () => {
    for (const width of [1280, 320]) {
      const page = await officerPage({ viewport: { width, height: 900 } });
      for (const [label, path] of callPages()) {
        const response = await page.goto(`${octroi.url}${path}`);
        assert.equal(response?.status(), 200, `${label} at ${width} px`);
        const steps = page.getByRole('navigation', { name: 'Steps of the call', exact: true });
        assert.equal(await steps.count(), 1, `${label} has one call navigation`);
        const current = steps.locator('li[aria-current="step"]');
        assert.match(
          normalizeSpaces(await current.innerText()),
          /^Screen eligibility \(current step\)/,
          `${label}: the current step`,
        );
        for (const link of ['Applications', 'Eligibility screening', 'Jury', 'Selection within budget']) {
          assert.equal(await steps.getByRole('link', { name: link, exact: true }).count(), 1, `${label}: ${link}`);
        }
        if (width === 320) {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scrollWidth <= 320, `${label} is ${scrollWidth} px wide at 320 px`);
        }
        await expectNoAxeViolations(page, `${label} at ${width} px`);
      }
      await page.context().close();
    }
  });

  it('after signing in, the officer starts on what waits for them', async () => {
    const page = await officerPage({ viewport: { width: 320, height: 800 } });
    assert.equal(new URL(page.url()).pathname, '/start');
    await page.getByRole('heading', { level: 1, name: 'What waits for you' }).waitFor();
    await page.getByRole('link', { name: 'Digital.Brussels', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'the officer’s start page at 320 px');
    await page.context().close();
  });

  it('the officers’ data pages use the width they need: references never break', async () => {
    const page = await officerPage({ viewport: { width: 1600, height: 900 } });
    for (const path of [`/manage/calls/${call.callId}/selection`, `/manage/calls/${call.callId}/applications`]) {
      await page.goto(`${octroi.url}${path}`);
      const width = await page.getByRole('main').evaluate((main) => main.getBoundingClientRect().width);
      assert.ok(width > 1200, `${path}: the main column is ${width} px wide`);
      const references = page.getByRole('main').locator('td code');
      for (const code of await references.all()) {
        const box = await code.evaluate((c) => c.getClientRects().length);
        assert.equal(box, 1, `the reference ${await code.innerText()} is on one line`);
      }
    }
    await page.context().close();
  });
});
