// The public pages in a real browser: the home page in the three languages, a call's page, the
// language switch, the 404 page, the keyboard path and a 320 px wide screen (WCAG 1.4.10 reflow).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Locale } from '../../src/domain/locale.ts';
import { inLocale } from '../../src/domain/translated.ts';
import { DEMO_FUNDERS } from '../../src/features/demo/demoContent.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  normalizeSpaces,
  startOctroi,
  type RunningOctroi,
  expectH1,
} from '../helpers/browser.ts';

// Written out rather than computed with formatMoney, so a change in formatting shows up here.
// Budgets by funder: the call of the press release (its results published) and its next edition (open).
type Budgets = [{ past: string; next: string }, { past: string; next: string }];
const EXPECTED: Record<
  Locale,
  {
    h1: string;
    funderHeading: string;
    budgets: Budgets;
    decided: string;
    open: string;
    notFound: string;
    languageNav: string;
    home: string;
  }
> = {
  fr: {
    h1: 'Appels à projets',
    funderHeading: 'Appels de',
    budgets: [
      { past: '600 000 €', next: '700 000 €' },
      { past: '250 000 €', next: '300 000 €' },
    ],
    decided: 'Résultats publiés',
    open: 'Ouvert',
    notFound: 'Page introuvable',
    languageNav: 'Langue',
    home: 'Accueil',
  },
  nl: {
    h1: 'Projectoproepen',
    funderHeading: 'Oproepen van',
    budgets: [
      { past: '€ 600.000', next: '€ 700.000' },
      { past: '€ 250.000', next: '€ 300.000' },
    ],
    decided: 'Resultaten gepubliceerd',
    open: 'Open',
    notFound: 'Pagina niet gevonden',
    languageNav: 'Taal',
    home: 'Startpagina',
  },
  en: {
    h1: 'Calls for projects',
    funderHeading: 'Calls of',
    budgets: [
      { past: '€600,000', next: '€700,000' },
      { past: '€250,000', next: '€300,000' },
    ],
    decided: 'Results published',
    open: 'Open',
    notFound: 'Page not found',
    languageNav: 'Language',
    home: 'Home',
  },
};
const LOCALES: Locale[] = ['fr', 'nl', 'en'];

let octroi: RunningOctroi;
let browser: Browser;
let contexts: BrowserContext[] = [];

before(async () => {
  octroi = await startOctroi({ demo: true });
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

/** A fresh browser profile whose language settings say `locale`, as a visitor's browser would. */
async function pageIn(locale: Locale, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    locale: `${locale}-BE`,
    extraHTTPHeaders: { 'accept-language': `${locale}-BE,${locale};q=0.9` },
    ...options,
  });
  // A missing element fails in seconds, not after playwright's default 30 s.
  context.setDefaultTimeout(10_000);
  contexts.push(context);
  return context.newPage();
}

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describe('home page', () => {
  for (const locale of LOCALES) {
    it(`lists both demo funders and their calls, decided and open, in ${locale}`, async () => {
      const page = await pageIn(locale);
      const response = await page.goto(`${octroi.url}/`);
      assert.equal(response?.status(), 200);
      assert.equal(await htmlLang(page), locale);
      await expectH1(page, EXPECTED[locale].h1);

      for (const [i, funder] of DEMO_FUNDERS.entries()) {
        // Each funder is a region labelled by its heading, holding its calls as links in cards.
        const region = page.getByRole('region', {
          name: `${EXPECTED[locale].funderHeading} ${inLocale(funder.name, locale)}`,
        });
        await region.waitFor();
        const budgets = EXPECTED[locale].budgets[i]!;
        for (const [call, budget, status] of [
          [funder.call, budgets.past, EXPECTED[locale].decided],
          [funder.nextCall, budgets.next, EXPECTED[locale].open],
        ] as const) {
          const callLink = () => page.getByRole('link', { name: inLocale(call.title, locale), exact: true });
          assert.equal(await region.locator(callLink()).count(), 1, `link to the call ${call.code} of ${funder.slug}`);
          const card = region.getByRole('listitem').filter({ has: callLink() });
          const text = normalizeSpaces(await card.innerText());
          assert.ok(text.includes(budget), `budget ${budget} in: ${text}`);
          assert.equal((await card.locator('.status').textContent())?.trim(), status, `status of ${call.code}`);
        }
      }
      await expectNoAxeViolations(page, `home (${locale})`);
    });
  }

  it('opens a call page from its link', async () => {
    const page = await pageIn('en');
    await page.goto(`${octroi.url}/`);
    const bee = DEMO_FUNDERS[0]!;
    const title = inLocale(bee.call.title, 'en');
    await page.getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL(/\/calls\/[^/?#]+$/);
    await expectH1(page, title);
    const main = normalizeSpaces(await page.getByRole('main').innerText());
    assert.ok(main.includes(`Funder: ${inLocale(bee.name, 'en')}`), main);
    assert.ok(main.includes('€600,000'), main);
    assert.ok(
      main.includes(normalizeSpaces(inLocale(bee.call.description, 'en').split('\n')[0]!)),
      'first paragraph of the description',
    );
    await expectNoAxeViolations(page, 'call page (en)');
  });

  it('switches to Dutch on the same page, and keeps Dutch on the next one', async () => {
    const page = await pageIn('fr');
    const bee = DEMO_FUNDERS[0]!;
    await page.goto(`${octroi.url}/`);
    await page.getByRole('link', { name: inLocale(bee.call.title, 'fr'), exact: true }).click();
    await expectH1(page, inLocale(bee.call.title, 'fr'));
    const callPath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page, 'call page (fr)');

    await page
      .getByRole('navigation', { name: EXPECTED.fr.languageNav })
      .getByRole('link', { name: 'Nederlands' })
      .click();
    await expectH1(page, inLocale(bee.call.title, 'nl'));
    assert.equal(new URL(page.url()).pathname, callPath, 'still on the same call');
    assert.equal(await htmlLang(page), 'nl');
    const languages = page.getByRole('navigation', { name: EXPECTED.nl.languageNav });
    assert.equal(await languages.getByRole('link', { name: 'Nederlands' }).getAttribute('aria-current'), 'true');
    await expectNoAxeViolations(page, 'call page after switching to nl');

    // The browser still asks for French; the choice made with the switch wins on the next page.
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: EXPECTED.nl.home })
      .click();
    await expectH1(page, EXPECTED.nl.h1);
    assert.equal(await htmlLang(page), 'nl');
    await expectNoAxeViolations(page, 'home after switching to nl');
  });

  for (const locale of LOCALES) {
    it(`answers an unknown address with a translated 404 page in ${locale}`, async () => {
      const page = await pageIn(locale);
      const response = await page.goto(`${octroi.url}/no-such-page`);
      assert.equal(response?.status(), 404);
      assert.equal(await htmlLang(page), locale);
      await expectH1(page, EXPECTED[locale].notFound);
      await expectNoAxeViolations(page, `404 page (${locale})`);
    });
  }

  it('puts the skip link first for the keyboard, and it moves focus to the main content', async () => {
    const page = await pageIn('en');
    await page.goto(`${octroi.url}/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), 'Skip to main content');
    assert.equal(await focused.getAttribute('href'), '#main');
    // Hidden off-screen until focused: once focused, a sighted keyboard user must see it.
    const box = await focused.boundingBox();
    assert.ok(
      box && box.x >= 0 && box.y >= 0 && box.width > 0,
      `skip link on screen when focused: ${JSON.stringify(box)}`,
    );
    await expectNoAxeViolations(page, 'home with the skip link focused');

    await page.keyboard.press('Enter');
    await page.locator('main#main:focus').waitFor();
    assert.equal(new URL(page.url()).hash, '#main');
  });

  for (const locale of LOCALES) {
    it(`needs no horizontal scrolling at 320 px wide in ${locale}`, async () => {
      const page = await pageIn(locale, { viewport: { width: 320, height: 800 } });
      await page.goto(`${octroi.url}/`);
      await expectH1(page, EXPECTED[locale].h1);
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(scrollWidth <= 320, `the page is ${scrollWidth} px wide at a 320 px viewport`);
      await expectNoAxeViolations(page, `home at 320 px (${locale})`);
    });
  }
});
