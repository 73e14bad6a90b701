// After the agreement: grants made as the decision is taken (before any publication), the grantee declining
// the offer, an amendment (extension, budget revision) accepted and countersigned as the agreement was, the
// bank's camt.054 marking tranches paid and returned, a returned tranche paid again in a new batch, a recovery
// with its letter, and the call's own agreement clauses in the PDF. HTTP through inject, on both databases.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { buildPerson, type Person } from '../../../test/helpers/factories.ts';
import { camt054Xml } from '../../../test/helpers/camt054.ts';
import { assertTaggedPdf, pdfText } from '../../../test/helpers/pdf.ts';
import {
  decideByRanking,
  scoredCall,
  setBudget,
  setTranchePlan,
  type ScoredCall,
} from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { expectOk } from '../../domain/refusal.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailOutbox } from '../../platform/mail/schema.ts';
import { endToEndIdOf } from './commands/createBatch.ts';
import { grantAgreementVersions, grantRecoveries, grants, grantTranches, paymentBatches } from './schema.ts';

const EN = { 'accept-language': 'en' };

for (const backend of backends()) {
  describe(`grants after the agreement on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let ara: Agent;
    let habitat: Agent;
    let stranger: Person;
    let araGrant: string;
    let habitatGrant: string;
    const officerMails = async () =>
      (await app.database.db.select().from(mailOutbox)).filter((m) => m.to === call.officerEmail);
    const today = instantToBrussels(new Date()).date;

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };
    const grantRow = async (id: string) => (await app.database.db.select().from(grants).where(eq(grants.id, id)))[0]!;
    const tranches = (id: string) =>
      app.database.db.select().from(grantTranches).where(eq(grantTranches.grantId, id)).orderBy(grantTranches.number);
    const versions = (id: string) =>
      app.database.db
        .select()
        .from(grantAgreementVersions)
        .where(eq(grantAgreementVersions.grantId, id))
        .orderBy(grantAgreementVersions.number);

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      await setTranchePlan(app, call.callId, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      await setBudget(app, call.ids.ara, [
        { label: 'Staff', amountCents: 4_000_000 },
        { label: 'Laptops', amountCents: 1_690_400 },
      ]);
      await decideByRanking(app, call, { decidedOn: today, publish: false });
      officer = await signIn(call.officerEmail);
      ara = await signIn(call.emails.ara);
      habitat = await signIn(call.emails.habitat);
      stranger = await buildPerson(app);
    });
    after(() => app?.close());

    test('the decision makes the grants at once, before the results are published', async () => {
      const made = await app.database.db.select().from(grants).where(eq(grants.callId, call.callId));
      assert.ok(made.length >= 5);
      araGrant = made.find((g) => g.applicationId === call.ids.ara)!.id;
      habitatGrant = made.find((g) => g.applicationId === call.ids.habitat)!.id;
      assert.equal(await app.services.grants.createGrants(call.callId), 0, 'made once');
      // The application page leads to its grant, for its members and the officers, and for nobody else.
      for (const who of [ara, officer]) {
        const page = await who.get(`/applications/${call.ids.ara}`, EN);
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes(`href="/grants/${araGrant}"`), 'link to the grant');
      }
    });

    test('the organisation declines the offer with a reason: the grant ends, nothing will be paid', async () => {
      const from = `/grants/${habitatGrant}`;
      const page = await habitat.get(from, EN);
      assert.ok(page.body.includes('Decline the grant'));
      const version = String((await grantRow(habitatGrant)).version);
      assert.equal((await officer.submit(`${from}/decline`, { version, reason: 'x' }, { from })).statusCode, 403);
      assert.equal(
        (await stranger.agent.submit(`${from}/decline`, { version, reason: 'x' }, { from })).statusCode,
        404,
      );
      const empty = await habitat.submit(`${from}/decline`, { version, reason: '' }, { from, headers: EN });
      assert.equal(empty.statusCode, 422);
      assert.ok(empty.body.includes('field-reason-error'));
      const done = await habitat.submit(`${from}/decline`, { version, reason: 'Our team left.' }, { from });
      assert.equal(done.statusCode, 303);
      const row = await grantRow(habitatGrant);
      assert.equal(row.status, 'declined');
      assert.equal(row.declineReason, 'Our team left.');
      const told = (await officerMails()).find((m) => m.subject.endsWith(`declined grant ${row.reference}`));
      assert.ok(told, 'the officers are told, in their language');
      assert.ok(told.text.includes('Its reason: Our team left.'));
      assert.ok(told.text.includes(`/grants/${habitatGrant}`));
      assert.deepEqual(
        (await tranches(habitatGrant)).map((t) => t.status),
        ['cancelled', 'cancelled'],
      );
      assert.equal((await habitat.submit(`${from}/decline`, { version, reason: 'again' }, { from })).statusCode, 409);
    });

    test('the call’s clauses, per language, are printed in the agreements sent after', async () => {
      const url = `/manage/calls/${call.callId}/agreement-template`;
      assert.equal((await ara.get(url)).statusCode, 403);
      assert.equal((await officer.get(url, EN)).statusCode, 200);
      const clauses = {
        version: '0',
        fr: 'Le bénéficiaire mentionne le soutien de la Région sur ses supports.',
        nl: 'De begunstigde vermeldt de steun van het Gewest.',
        en: 'The grantee mentions the Region’s support.',
      };
      assert.equal((await officer.submit(url, clauses, { from: url })).statusCode, 303);
      assert.equal((await officer.submit(url, clauses, { from: url })).statusCode, 409, 'stale form');
      expectOk(
        await app.services.grants.sendAgreement({
          actor: call.officer,
          grantId: araGrant,
          version: (await grantRow(araGrant)).version,
          periodStart: today,
          periodEnd: '2099-06-30',
          deMinimisConfirmed: false,
        }),
      );
      const pdf = await ara.get(`/grants/${araGrant}/agreement.pdf`);
      await assertTaggedPdf(pdf.rawPayload);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      assert.ok(/Le bénéficiaire mentionne|De begunstigde vermeldt|The grantee mentions/.test(text), text);
      const [v1] = await versions(araGrant);
      assert.deepEqual(v1!.budget?.totalCents, 5_690_400, 'version 1 binds the application’s budget');
    });

    test('paid in a batch, marked paid by the bank’s camt.054, returned, paid again in a new batch', async () => {
      const from = `/grants/${araGrant}`;
      const sha = /name="sha256" value="([0-9a-f]{64})"/.exec((await ara.get(from, EN)).body)![1]!;
      assert.equal((await ara.submit(`${from}/accept`, { sha256: sha, confirm: 'yes' }, { from })).statusCode, 303);
      assert.equal((await officer.submit(`${from}/countersign`, {}, { from })).statusCode, 303);
      const payments = `/manage/calls/${call.callId}/payments`;
      await officer.submit(
        `/manage/calls/${call.callId}/payment-settings`,
        { debtorName: 'Paradigm', debtorIban: 'BE68 5390 0754 7034', debtorBic: 'GKCCBEBB', threshold: '' },
        { from: payments },
      );
      let [first] = await tranches(araGrant);
      assert.equal(
        (await officer.submit(`${from}/tranches/${first!.id}/approve`, { version: String(first!.version) }, { from }))
          .statusCode,
        303,
      );
      const batch = async () => {
        const made = await officer.submit(payments, { tranche: [first!.id], executionDate: today }, { from: payments });
        assert.equal(made.statusCode, 303);
        return (made.headers.location as string).split('/').pop()!;
      };
      const firstBatch = await batch();
      const [b] = await app.database.db.select().from(paymentBatches).where(eq(paymentBatches.id, firstBatch));
      const reference = (await grantRow(araGrant)).reference;
      const e2e = endToEndIdOf(reference, 1);
      assert.ok((await officer.get(`/manage/batches/${firstBatch}/pain001.xml`)).body.includes(e2e));
      const upload = (xml: string, who = officer) =>
        who.submitFile(
          `${payments}/notification`,
          {},
          { field: 'file', name: 'camt054.xml', bytes: Buffer.from(xml), type: 'application/xml' },
          { from: payments, headers: EN },
        );
      const notify = (returned: boolean) =>
        camt054Xml({
          messageId: b!.messageId,
          debtorIban: b!.debtorIban,
          bookingDate: today,
          transfers: [
            { endToEndId: e2e, amountCents: first!.amountCents, returned },
            { endToEndId: 'SOMEONE-ELSE-T1', amountCents: 100 },
          ],
        });
      // Bad files are refused with a translated message, and change nothing.
      for (const [bad, words] of [
        ['not xml', 'not XML'],
        ['<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>', 'not a camt.054'],
        [notify(false).replaceAll(e2e, 'UNKNOWN-T9'), 'No transfer of the notification matches'],
      ] as const) {
        const refused = await upload(bad);
        assert.equal(refused.statusCode, 422, words);
        assert.ok(refused.body.includes(words), words);
      }
      assert.equal((await upload(notify(false), ara)).statusCode, 403);
      const imported = await upload(notify(false));
      assert.equal(imported.statusCode, 200);
      assert.ok(imported.body.includes('1 transfer marked paid, 0 returned, 1 not recognised'));
      [first] = await tranches(araGrant);
      assert.equal(first!.status, 'paid');
      assert.equal(
        (await app.database.db.select().from(paymentBatches).where(eq(paymentBatches.id, firstBatch)))[0]!.status,
        'paid',
      );
      assert.ok((await upload(notify(false))).statusCode === 422, 'the same file again matches nothing more');
      // The bank sends the transfer back: the tranche is returned, then paid again in a new batch.
      assert.ok((await upload(notify(true))).body.includes('0 transfers marked paid, 1 returned'));
      [first] = await tranches(araGrant);
      assert.equal(first!.status, 'returned');
      assert.ok((await officer.get(payments, EN)).body.includes(`value="${first!.id}"`), 'offered for a new batch');
      const secondBatch = await batch();
      assert.notEqual(secondBatch, firstBatch);
      [first] = await tranches(araGrant);
      assert.equal(first!.status, 'in-batch');
      assert.equal(first!.batchId, secondBatch);
      assert.equal((await upload(notify(false))).statusCode, 200);
      [first] = await tranches(araGrant);
      assert.equal(first!.status, 'paid');
      // Told by telephone rather than by a file, the officer records a return on the batch's page, with the bank's reason.
      const batchPage = `/manage/batches/${secondBatch}`;
      assert.ok((await officer.get(batchPage, EN)).body.includes(`name="reason"`), 'the form asks for the reason');
      const returnIt = (reason: string) =>
        officer.submit(`${batchPage}/tranches/${first!.id}/returned`, { reason }, { from: batchPage, headers: EN });
      const unexplained = await returnIt('  ');
      assert.equal(unexplained.statusCode, 422);
      assert.ok(unexplained.body.includes('Give the reason the bank gave'));
      assert.equal((await tranches(araGrant))[0]!.status, 'paid', 'nothing recorded without a reason');
      assert.equal((await returnIt('MD06 refund requested by the payee')).statusCode, 303);
      assert.equal((await tranches(araGrant))[0]!.status, 'returned');
      const [audited] = await app.database.db
        .select({ reason: auditEvents.reason })
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, secondBatch), eq(auditEvents.action, 'grant.tranche-returned')));
      assert.equal(audited!.reason, 'MD06 refund requested by the payee');
      // Paid once more, as the tests that follow expect it.
      await batch();
      assert.equal((await upload(notify(false))).statusCode, 200);
      assert.equal((await tranches(araGrant))[0]!.status, 'paid');
    });

    test('an amendment: extension and budget revision, accepted and countersigned; the old version superseded', async () => {
      const from = `/grants/${araGrant}`;
      const page = await officer.get(from, EN);
      assert.ok(page.body.includes('Extension without cost') && page.body.includes('Budget revision between lines'));
      const version = () => grantRow(araGrant).then((g) => String(g.version));
      const amend = (body: Record<string, string>, who = officer) =>
        who.submit(`${from}/amendments`, body, { from, headers: EN });
      assert.equal(
        (await amend({ version: await version(), kind: 'extension', periodEnd: '2100-01-31', reason: 'x' }, ara))
          .statusCode,
        403,
      );
      assert.equal(
        (await amend({ version: await version(), kind: 'extension', periodEnd: '2100-01-31', reason: '' })).statusCode,
        422,
      );
      const early = await amend({
        version: await version(),
        kind: 'extension',
        periodEnd: '2099-01-01',
        reason: 'Late start',
      });
      assert.equal(early.statusCode, 409);
      assert.ok(early.body.includes('The new end must come after'));
      const unbalanced = await amend({
        version: await version(),
        kind: 'budget-revision',
        'line-0': '30000',
        'line-1': '20000',
        reason: 'More laptops',
      });
      assert.equal(unbalanced.statusCode, 409);
      assert.ok(unbalanced.body.includes('add up to the same total'));
      const sent = await amend({
        version: await version(),
        kind: 'budget-revision',
        'line-0': '35000',
        'line-1': '21904',
        reason: 'More laptops, fewer hours',
      });
      assert.equal(sent.statusCode, 303);
      let all = await versions(araGrant);
      assert.deepEqual(
        all.map((v) => [v.number, v.status, v.amendmentKind]),
        [
          [1, 'countersigned', null],
          [2, 'sent', 'budget-revision'],
        ],
      );
      assert.deepEqual(
        all[1]!.budget?.lines.map((l) => l.amountCents),
        [3_500_000, 2_190_400],
      );
      const pdf = await ara.get(`${from}/agreement.pdf`);
      await assertTaggedPdf(pdf.rawPayload);
      assert.ok((await pdfText(pdf.rawPayload)).includes('More laptops, fewer hours'));
      assert.ok((await app.mailsTo(call.emails.ara)).some((m) => /amendment|avenant|wijziging/i.test(m.subject ?? '')));
      // The grantee accepts it as the agreement; the grant stays active; the officer countersigns.
      const sha = /name="sha256" value="([0-9a-f]{64})"/.exec((await ara.get(from, EN)).body)![1]!;
      assert.equal(sha, all[1]!.documentSha256);
      assert.equal((await ara.submit(`${from}/accept`, { sha256: sha, confirm: 'yes' }, { from })).statusCode, 303);
      assert.equal((await grantRow(araGrant)).status, 'active');
      assert.equal((await officer.submit(`${from}/countersign`, {}, { from })).statusCode, 303);
      all = await versions(araGrant);
      assert.deepEqual(
        all.map((v) => v.status),
        ['superseded', 'countersigned'],
      );
      assert.equal((await grantRow(araGrant)).status, 'active');
      // A second one, an extension, which the grantee declines: the version in force stays.
      assert.equal(
        (await amend({ version: await version(), kind: 'extension', periodEnd: '2100-01-31', reason: 'Late start' }))
          .statusCode,
        303,
      );
      const declined = await ara.submit(
        `${from}/decline`,
        { version: await version(), reason: 'We will finish on time.' },
        { from },
      );
      assert.equal(declined.statusCode, 303);
      assert.ok(
        (await officerMails()).some(
          (m) => /declined the amendment to grant/.test(m.subject) && m.text.includes('We will finish on time.'),
        ),
      );
      all = await versions(araGrant);
      assert.deepEqual(
        all.map((v) => v.status),
        ['superseded', 'countersigned', 'declined'],
      );
      const inForce = await ara.get(`${from}/agreement.pdf`);
      assert.equal(
        createHash('sha256').update(inForce.rawPayload).digest('hex'),
        all[1]!.documentSha256,
        'the PDF offered is the version in force, not the declined one',
      );
      assert.equal((await grantRow(araGrant)).status, 'active');
    });

    test('a recovery: prefilled from a link, bounded by what was paid and not justified, with its letter', async () => {
      const url = `/grants/${araGrant}/recovery`;
      assert.equal((await ara.get(url)).statusCode, 403);
      const form = await officer.get(`${url}?amount=123456`, EN);
      assert.equal(form.statusCode, 200);
      assert.ok(form.body.includes('value="1234,56"'), 'the proposed amount, in euros');
      const version = String((await grantRow(araGrant)).version);
      const paid = (await tranches(araGrant))[0]!.amountCents;
      const tooMuch = await officer.submit(
        url,
        { version, amount: String(paid / 100 + 1), reason: 'x' },
        { from: url, headers: EN },
      );
      assert.equal(tooMuch.statusCode, 409);
      assert.ok(tooMuch.body.includes('more than what may be recovered'));
      assert.equal((await officer.submit(url, { version, amount: '', reason: 'x' }, { from: url })).statusCode, 422);
      const done = await officer.submit(
        url,
        { version, amount: '1234,56', reason: 'Laptops not bought.' },
        { from: url },
      );
      assert.equal(done.statusCode, 303);
      assert.equal((await grantRow(araGrant)).status, 'recovered');
      assert.deepEqual(
        (await tranches(araGrant)).map((t) => t.status),
        ['paid', 'cancelled'],
      );
      const [recovery] = await app.database.db
        .select()
        .from(grantRecoveries)
        .where(and(eq(grantRecoveries.grantId, araGrant)));
      assert.equal(recovery!.amountCents, 123_456);
      const page = await ara.get(`/grants/${araGrant}`, EN);
      assert.ok(page.body.includes('Laptops not bought.'), 'the ledger shows it');
      const letterUrl = `/grants/${araGrant}/recoveries/${recovery!.id}/letter.pdf`;
      assert.ok(page.body.includes(letterUrl));
      assert.equal((await stranger.agent.get(letterUrl)).statusCode, 404);
      assert.equal((await habitat.get(letterUrl)).statusCode, 404);
      const letter = await ara.get(letterUrl);
      assert.equal(letter.statusCode, 200);
      await assertTaggedPdf(letter.rawPayload);
      const text = (await pdfText(letter.rawPayload)).replace(/\s+/g, ' ');
      assert.match(text, /1 234,56 €|1,234.56|1.234,56/);
      assert.ok(text.includes('Laptops not bought.'));
      assert.match(text, /\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/, 'the structured communication to pay back with');
      assert.match(text, /BE68 5390 0754 7034/);
    });
  });
}
