// After the agreement, in a real browser with JavaScript off (every step is a plain form): an organisation
// declines its offer; the officer proposes an extension, the grantee accepts it, the officer countersigns it;
// the officer records a recovery from a link carrying the proposed amount and the letter is offered. Every
// page goes through axe.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  browserPages,
  expectH1,
  expectNoAxeViolations,
  field,
  flash,
  launchBrowser,
  type RunningOctroi,
  startOctroi,
  submitWith,
} from '../helpers/browser.ts';
import { decideByRanking, scoredCall, setBudget, type ScoredCall } from '../helpers/scoredCall.ts';
import { instantToBrussels } from '../../src/domain/brusselsTime.ts';
import { expectOk } from '../../src/domain/refusal.ts';

const PASSWORD = 'correct horse battery';

let octroi: RunningOctroi;
let browser: Browser;
let call: ScoredCall;
let araGrant: string;
let habitatGrant: string;
const pages = browserPages(() => browser);

before(async () => {
  [octroi, browser] = await Promise.all([startOctroi(), launchBrowser()]);
  call = await scoredCall(octroi.app, { password: PASSWORD });
  await setBudget(octroi.app, call.ids.ara, [
    { label: 'Staff', amountCents: 4_000_000 },
    { label: 'Laptops', amountCents: 1_690_400 },
  ]);
  const { grants } = octroi.app.services;
  const actor = call.officer;
  const today = instantToBrussels(new Date()).date;
  await decideByRanking(octroi.app, call, { decidedOn: today, publish: false });
  const list = await grants.callGrants(actor, call.callId);
  araGrant = list.grants.find((g) => g.title === 'A digital Home')!.id;
  habitatGrant = list.grants.find((g) => g.title.startsWith('De la maison'))!.id;
  // The ara grant signed on paper and its first tranche paid, so that there is something to amend and recover.
  expectOk(
    await grants.sendAgreement({
      actor,
      grantId: araGrant,
      version: 1,
      periodStart: today,
      periodEnd: '2099-12-31',
      deMinimisConfirmed: false,
    }),
  );
  const pdf = await grants.agreementFile(actor, araGrant);
  expectOk(await grants.uploadSignedCopy({ actor, grantId: araGrant, name: 'signed.pdf', bytes: pdf.bytes }));
  expectOk(await grants.countersign({ actor, grantId: araGrant }));
  await grants.savePaymentSettings({
    actor,
    callId: call.callId,
    debtorName: 'Paradigm',
    debtorIban: 'BE68539007547034',
    debtorBic: 'GKCCBEBB',
    secondApprovalAboveCents: null,
  });
  const [first] = (await grants.grantPage(actor, araGrant)).scoped.record.tranches;
  expectOk(await grants.approveTranche({ actor, grantId: araGrant, trancheId: first!.id, version: first!.version }));
  const batch = expectOk(
    await grants.createBatch({ actor, callId: call.callId, trancheIds: [first!.id], executionDate: today }),
  );
  expectOk(await grants.markBatchPaid({ actor, batchId: batch.batchId }));
});
after(async () => {
  await pages.closeAll();
  await browser?.close();
  await octroi?.close();
});

const kept: { label: string; html: string }[] = [];
const keep = async (page: Page, label: string) => {
  kept.push({ label, html: await page.content() });
};

async function signedIn(email: string): Promise<Page> {
  const page = await pages.englishPage({ javaScriptEnabled: false });
  await page.goto(`${octroi.url}/sign-in`);
  await field(page, 'Email address').fill(email);
  await field(page, 'Password').fill(PASSWORD);
  await submitWith(page, 'Sign in');
  return page;
}

describe('a grant’s follow-up in a browser', () => {
  it('declines an offer; amends an agreement, accepted and countersigned; records a recovery with its letter', async () => {
    const habitat = await signedIn(call.emails.habitat);
    await habitat.goto(`${octroi.url}/grants/${habitatGrant}`);
    await submitWith(habitat, 'Decline the grant');
    await habitat.locator('#field-reason-error').waitFor();
    await keep(habitat, 'the decline refused without a reason');
    await field(habitat, 'Why do you decline?').fill('Our team left the project.');
    await submitWith(habitat, 'Decline the grant');
    assert.match(await flash(habitat), /The grant is declined/);
    await keep(habitat, 'the declined grant');

    const officer = await signedIn(call.officerEmail);
    await officer.goto(`${octroi.url}/grants/${araGrant}`);
    await keep(officer, 'the grant with its amendment forms');
    const extension = officer.locator('form', { has: officer.getByRole('button', { name: 'Send the extension' }) });
    await field(extension, 'New end of the period').fill('2100-06-30');
    await field(extension, 'Reason for the amendment').fill('The project started three months late.');
    await submitWith(officer, 'Send the extension');
    assert.match(await flash(officer), /amendment is sent/);

    const ara = await signedIn(call.emails.ara);
    await ara.goto(`${octroi.url}/grants/${araGrant}`);
    await keep(ara, 'the amendment to accept');
    await ara.getByLabel(/I have read the agreement/).check();
    await submitWith(ara, 'Accept the agreement');
    assert.match(await flash(ara), /accepted/);

    await officer.goto(`${octroi.url}/grants/${araGrant}`);
    await submitWith(officer, 'Countersign the agreement');
    assert.match(await flash(officer), /countersigned/);
    await keep(officer, 'the amended grant');

    await officer.goto(`${octroi.url}/grants/${araGrant}/recovery?amount=250000`);
    await expectH1(
      officer,
      `Recover an amount — ${(await officer.locator('main a').first().innerText()).split(' — ')[0]}`,
    );
    assert.equal(await field(officer, 'Amount to recover (euros)').inputValue(), '2500,00');
    await keep(officer, 'the recovery form');
    await field(officer, 'Reason').fill('The laptops were not bought.');
    await submitWith(officer, 'Record the recovery and write the letter');
    assert.match(await flash(officer), /recovery is recorded/);
    await keep(officer, 'the recovered grant');
    const href = await officer.getByRole('link', { name: /Recovery letter 1/ }).getAttribute('href');
    const letter = await ara.request.get(`${octroi.url}${href}`);
    assert.equal(letter.headers()['content-type'], 'application/pdf');

    await officer.goto(`${octroi.url}/manage/calls/${call.callId}/agreement-template`);
    await keep(officer, 'the agreement clauses');

    const checker = await pages.englishPage();
    for (const k of kept) {
      await checker.setContent(k.html, { waitUntil: 'load' });
      await expectNoAxeViolations(checker, `${k.label} (as served without JavaScript)`);
    }
  });
});
