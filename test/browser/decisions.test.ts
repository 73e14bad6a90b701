// From the ranking to the open data in a real browser, as the officer does it, with JavaScript off
// (every step is a plain form): the selection, a what-if with a fixed amount under the call's
// minimum, the justification it needs, the decision, a letter, the publication, the public results
// and their 360Giving download. Every page, error states included, goes through axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
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
import { pdfText } from '../helpers/pdf.ts';
import { scoredCall, type ScoredCall } from '../helpers/scoredCall.ts';
import { assertValid, validatePackage } from '../helpers/threeSixtyGiving.ts';

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

/** Pages served without JavaScript are kept, then checked by axe in a page that runs it. */
const kept: { label: string; html: string }[] = [];
const keep = async (page: Page, label: string) => {
  kept.push({ label, html: await page.content() });
};

/** The outcome cell of a project's row in the selection table. */
async function outcomeOf(page: Page, title: string): Promise<string> {
  return normalizeSpaces(
    await page
      .getByRole('row', { name: new RegExp(title) })
      .getByRole('cell')
      .nth(5)
      .innerText(),
  );
}

describe('selection, decision and results in a browser', () => {
  it('an officer fixes an amount with a justification, decides, and the public sees the results and their open data', async () => {
    const context = await browser.newContext({
      locale: 'en-BE',
      extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
      javaScriptEnabled: false,
    });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${octroi.url}/sign-in`);
    await field(page, 'Email address').fill(call.officerEmail);
    await field(page, 'Password').fill(PASSWORD);
    await submitWith(page, 'Sign in');

    await page.goto(`${octroi.url}/manage/calls/${call.callId}/ranking`);
    await page.getByRole('link', { name: 'Selection within budget', exact: true }).click();
    await expectH1(page, 'Selection within budget');
    assert.match(await outcomeOf(page, 'Ensemble, Tous Connectés'), /^Reserve Does not fit the remaining budget$/);
    assert.match(await outcomeOf(page, 'XPlay'), /^Selected — €36,450 In rank order$/);
    await keep(page, 'the selection');

    // A what-if: the published amount for the Croix-Rouge, below the call's minimum. Nothing is saved.
    await field(page, 'Fixed amount for DB1-2026-0006').fill('11 015');
    await submitWith(page, 'Show the selection');
    await page.getByRole('heading', { name: 'What if — not saved' }).waitFor();
    assert.match(
      await outcomeOf(page, 'Ensemble, Tous Connectés'),
      /^Selected — €11,015 \(partial\) Amount fixed by the officer$/,
    );
    assert.match(await outcomeOf(page, 'XPlay'), /^Reserve Does not fit the remaining budget$/);
    const violations = normalizeSpaces(await page.locator('.violations').innerText());
    assert.match(violations, /DB1-2026-0006 is fixed at €11,015, below the call’s minimum grant of €30,000\./);
    await keep(page, 'a what-if with a rule broken');

    // Saving needs the justification; the error names the field and keeps what was typed.
    await submitWith(page, 'Save the plan');
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    assert.equal(await field(page, 'Fixed amount for DB1-2026-0006').inputValue(), '11 015');
    await keep(page, 'the plan refused without a justification');
    await field(page, 'Justification for DB1-2026-0006').fill(
      'Montant publié par le Ministre pour ce projet de bénévoles.',
    );
    await submitWith(page, 'Save the plan');
    assert.equal(await flash(page), 'Plan saved.');
    await page.getByRole('heading', { name: 'The saved plan' }).waitFor();

    await page.getByRole('link', { name: 'Go to the decision', exact: true }).click();
    await expectH1(page, 'Decision');
    await keep(page, 'the decision to confirm');
    // The body is named in each of the funder's languages, one field per language in its group.
    const body = page.getByRole('group', { name: 'Body that decides' });
    await field(body, 'French').fill('Le Gouvernement bruxellois');
    await field(body, 'Dutch').fill('De Brusselse Regering');
    await field(page, 'Date of the decision').fill('2026-11-20');
    await submitWith(page, 'Confirm the decision and send the letters');
    assert.equal(await flash(page), 'Decision recorded; the letters are on their way.');
    await page.getByText('Letter being written…').first().waitFor();
    await octroi.app.services.decisions.issueLetters();
    await page.reload();
    await keep(page, 'the decided call, its letters and its announcement');

    const letterLink = page.getByRole('link', { name: 'Letter DB1-2026-0006 (PDF)', exact: true });
    const letter = await page.request.get(`${octroi.url}${await letterLink.getAttribute('href')}`);
    assert.equal(letter.headers()['content-type'], 'application/pdf');
    assert.match(
      normalizeSpaces(await pdfText(await letter.body())),
      /decided to grant €11,015\.00 to your project “Ensemble, Tous Connectés”/,
    );
    assert.match(
      await page.getByLabel('Announcement in French').inputValue(),
      /5 projets ont été retenus par Paradigm/,
    );

    // Publishing cannot be taken back: a page says what becomes public before anything is.
    await page.getByRole('link', { name: 'Publish the results', exact: true }).click();
    await expectH1(page, 'Publish the results of Digital.Brussels?');
    assert.match(normalizeSpaces(await page.getByRole('main').innerText()), /funded projects and their amounts/);
    await keep(page, 'the confirmation before publishing the results');
    await submitWith(page, 'Publish the results');
    assert.equal(await flash(page), 'Results published.');
    await context.close();

    // The public results, in a visitor's browser (JavaScript on: axe runs here, on them and on the kept pages).
    const visitor = await browser.newContext({
      locale: 'fr-BE',
      extraHTTPHeaders: { 'accept-language': 'fr-BE,fr;q=0.9' },
    });
    const pub = await visitor.newPage();
    await pub.goto(`${octroi.url}/calls/${call.callId}`);
    await pub.getByRole('link', { name: /^Voir les résultats\s: les projets financés et leurs montants$/ }).click();
    await expectH1(pub, 'Résultats de l’appel « Digital.Brussels »');
    const projects = (
      await pub
        .getByRole('region', { name: 'Les 5 projets financés' })
        .getByRole('heading', { level: 3 })
        .allInnerTexts()
    ).map(normalizeSpaces);
    assert.deepEqual(projects, [
      'A digital Home',
      'De la maison à l’espace numérique',
      'Les Cordonniers du Web',
      'De l’accueil vers l’accompagnement numérique',
      'Ensemble, Tous Connectés',
    ]);
    assert.equal(
      normalizeSpaces(await pub.locator('dl.facts').innerText()),
      'Projets soumis 9 Éligibles 8 Sélectionnés 5 Montant accordé 213 989 € sur un budget de 250 000 €',
    );
    await expectNoAxeViolations(pub, 'the public results');
    const json = await pub.request.get(
      `${octroi.url}${await pub.getByRole('link', { name: 'Télécharger les subventions (360Giving JSON)' }).getAttribute('href')}`,
    );
    assertValid(validatePackage, await json.json(), 'the call’s 360Giving download');

    for (const k of kept) {
      await pub.setContent(k.html, { waitUntil: 'load' });
      await expectNoAxeViolations(pub, `${k.label} (as served without JavaScript)`);
    }
    await visitor.close();
  });
});
