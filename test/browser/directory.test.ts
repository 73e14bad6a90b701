// The residents' directory in a real browser, as the people it serves meet it: a 320 px screen,
// JavaScript off, in French, Dutch and English; the guided path and the search each end on places,
// every page without accessibility violations (axe) and under 50 KB with its stylesheets.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Locale } from '../../src/domain/locale.ts';
import { expectOk } from '../../src/domain/refusal.ts';
import { DEMO_PLACES } from '../../src/features/demo/demoPlaces.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  normalizeSpaces,
  startOctroi,
  type RunningOctroi,
} from '../helpers/browser.ts';

const WORDS: Record<
  Locale,
  { where: string; free: string; search: string; title: string; next: string; show: string; results: RegExp }
> = {
  fr: {
    where: 'Où habitez-vous ?',
    free: 'gratuits',
    search: 'Chercher',
    title: 'Trouver de l’aide numérique près de chez vous',
    next: 'Question suivante',
    show: 'Voir les lieux',
    results: /\d+ lieux? trouvés?\./,
  },
  nl: {
    where: 'Waar woon je?',
    free: 'gratis zijn',
    search: 'Zoeken',
    title: 'Digitale hulp vinden bij jou in de buurt',
    next: 'Volgende vraag',
    show: 'Toon me de plekken',
    results: /\d+ plekk?e?n? gevonden\./,
  },
  en: {
    where: 'Where do you live?',
    free: 'free',
    search: 'Search',
    title: 'Find digital help near you',
    next: 'Next question',
    show: 'Show me the places',
    results: /\d+ places? found\./,
  },
};
const LOCALES: Locale[] = ['fr', 'nl', 'en'];
const LIMIT = 50_000;

let octroi: RunningOctroi;
let browser: Browser;
let contexts: BrowserContext[] = [];

before(async () => {
  octroi = await startOctroi();
  // The demo's places, published by the installation's administrator (who curates every funder's directory).
  const { accounts, admin, directory } = octroi.app.services;
  const { id } = await accounts.provisionUser({
    email: 'admin@example.org',
    displayName: 'Admin',
    password: 'correct horse battery',
    locale: 'fr',
    platformAdmin: true,
  });
  const actor = { userId: id, isPlatformAdmin: true, grants: [] };
  const funderId = expectOk(await admin.createFunder({ actor, slug: 'region', name: { fr: 'Région' } }));
  for (const { place } of DEMO_PLACES) {
    expectOk(await directory.createPlace({ actor, place, funderId, organisationId: null }));
    expectOk(await directory.transitionPlace({ actor, placeId: place.id, event: 'publish' }));
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await octroi?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/** A small phone, with JavaScript off unless asked (axe itself needs it). */
async function phoneIn(locale: Locale, javaScriptEnabled = false): Promise<Page> {
  const context = await browser.newContext({
    locale: `${locale}-BE`,
    extraHTTPHeaders: { 'accept-language': `${locale}-BE,${locale};q=0.9` },
    viewport: { width: 320, height: 640 },
    javaScriptEnabled,
  });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  return context.newPage();
}

interface Kept {
  label: string;
  url: string;
  html: string;
}

/**
 * Keeps the page shown (axe and the width are checked later, JavaScript being off here) and checks
 * its weight now: its HTML and the stylesheets it links (no images, no scripts) under 50 KB.
 */
async function keep(kept: Kept[], page: Page, label: string): Promise<void> {
  await page.waitForLoadState('load');
  const html = await page.content();
  let bytes = Buffer.byteLength(html);
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    const css = await page.request.get(new URL(href!, page.url()).toString());
    bytes += (await css.body()).length;
  }
  assert.ok(bytes < LIMIT, `${label}: ${bytes} bytes`);
  kept.push({ label, url: page.url(), html });
}

/** Each kept page, as served, in a 320 px page at the server's address: axe-clean and no sideways scrolling. */
async function checkKept(kept: Kept[], locale: Locale): Promise<void> {
  const page = await phoneIn(locale, true);
  await page.goto(`${octroi.url}/help`);
  for (const k of kept) {
    await page.setContent(k.html, { waitUntil: 'load' });
    await expectNoAxeViolations(page, `${k.label}, as served without JavaScript at ${k.url}`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${k.label}: ${width} px wide on a 320 px screen`);
  }
}

describe('the residents’ directory on a 320 px screen without JavaScript', () => {
  for (const locale of LOCALES) {
    it(
      `searches by postal code with a filter, opens a place and its printable sheet, in ${locale}`,
      { timeout: 180_000 },
      async () => {
        const page = await phoneIn(locale);
        const kept: Kept[] = [];
        const w = WORDS[locale];
        await page.goto(`${octroi.url}/`);
        await page
          .getByRole('link', { name: new RegExp(w.title.split(' ')[0]!) })
          .first()
          .click();
        await page.getByRole('heading', { level: 1, name: w.title }).waitFor();
        await keep(kept, page, `search (${locale})`);
        await page.getByLabel(w.where).fill('1030');
        await page.getByLabel(w.free, { exact: true }).check();
        await page.getByRole('button', { name: w.search }).click();
        await page.waitForURL(/\/help\?q=1030/);
        const main = normalizeSpaces(await page.getByRole('main').innerText());
        assert.match(main, w.results);
        await keep(kept, page, `results (${locale})`);
        const first = page.locator('.places h3 a').first();
        const name = (await first.innerText()).trim();
        await first.click();
        await page.getByRole('heading', { level: 1, name }).waitFor();
        await keep(kept, page, `place page (${locale})`);
        await page.goBack();
        await page.locator('a[href^="/help/print"]').click();
        await page.waitForURL(/\/help\/print/);
        await keep(kept, page, `printable sheet (${locale})`);
        await checkKept(kept, locale);
      },
    );

    it(`walks the guided path to matching places, in ${locale}`, { timeout: 180_000 }, async () => {
      const page = await phoneIn(locale);
      const kept: Kept[] = [];
      const w = WORDS[locale];
      await page.goto(`${octroi.url}/help/guide`);
      await keep(kept, page, `guided path, question 1 (${locale})`);
      await page.locator('label[for="answer-need-1"]').click();
      await page.getByRole('button', { name: w.next }).click();
      await keep(kept, page, `guided path, question 2 (${locale})`);
      await page.locator('label[for="answer-language-0"]').click();
      await page.getByRole('button', { name: w.next }).click();
      await keep(kept, page, `guided path, question 3 (${locale})`);
      await page.locator('#field-communeTyped').fill('1000');
      await page.getByRole('button', { name: w.next }).click();
      await keep(kept, page, `guided path, question 4 (${locale})`);
      await page.getByRole('button', { name: w.show }).click();
      await page.waitForURL(/\/help\?/);
      const main = normalizeSpaces(await page.getByRole('main').innerText());
      assert.match(main, w.results);
      assert.ok((await page.locator('.places > li').count()) > 0, 'some places match');
      await keep(kept, page, `guided results (${locale})`);
      await checkKept(kept, locale);
    });
  }
});
