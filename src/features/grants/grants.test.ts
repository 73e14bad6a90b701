// After the decision: the grants of a published call, the agreement sent, read and accepted by the grantee
// (who, when, SHA-256), countersigned; a tranche approved by two officers above the funder's threshold, put in a
// payment batch whose pain.001 file is valid against the EPC schema, then paid. Who may see what is checked
// for another organisation, an officer of another funder and a juror of the same funder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/schema.ts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { buildFunder, buildPerson, platformAdmin, type Person } from '../../../test/helpers/factories.ts';
import { pdfFigures, pdfText } from '../../../test/helpers/pdf.ts';
import { expectOk } from '../../domain/refusal.ts';
import { SAMPLE_PNG } from '../../../test/helpers/samples.ts';
import { scoredCall, setTranchePlan, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { formatStructuredCommunication } from '../../domain/structuredCommunication.ts';
import { validatePain001 } from '../../platform/sepa/validateXsd.ts';
import type { PlanSettings } from '../decisions/selectionFacts.ts';
import { grantAgreementVersions, grants, grantTranches } from './schema.ts';

const EN = { 'accept-language': 'en' };
const RANKING: PlanSettings = {
  mode: 'ranking',
  partialFloorPercent: null,
  minPerTargetPublic: {},
  maxPerCommune: null,
  maxPerOrganisation: null,
  fixed: [],
  justification: '',
};

for (const backend of backends()) {
  describe(`grants, agreements and payments on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let member: Agent;
    let otherMember: Agent;
    let secondOfficer: Person;
    let stranger: Person;
    let otherFunderOfficer: Person;
    let juror: Person;
    let grantId: string;

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };
    const grantRow = async () => (await app.database.db.select().from(grants).where(eq(grants.id, grantId)))[0]!;
    const tranches = () =>
      app.database.db
        .select()
        .from(grantTranches)
        .where(eq(grantTranches.grantId, grantId))
        .orderBy(grantTranches.number);

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      expectOk(
        await app.services.admin.setFunderLogo({
          actor: await platformAdmin(app),
          funderId: call.funderId,
          name: 'logo.png',
          bytes: SAMPLE_PNG,
        }),
      );
      await setTranchePlan(app, call.callId, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      const { decisions } = app.services;
      const saved = expectOk(
        await decisions.savePlan({ actor: call.officer, callId: call.callId, version: 0, plan: RANKING }),
      );
      assert.equal(saved.status, 'saved');
      await decisions.confirmDecision({
        actor: call.officer,
        callId: call.callId,
        version: 1,
        decidingBody: { fr: 'Le Ministre' },
        decidedOn: instantToBrussels(new Date()).date,
      });
      await decisions.publishResults({ actor: call.officer, callId: call.callId });
      officer = await signIn(call.officerEmail);
      member = await signIn(call.emails.ara);
      otherMember = await signIn(call.emails.habitat);
      secondOfficer = await buildPerson(app, { funderId: call.funderId, role: 'officer' });
      juror = await buildPerson(app, { funderId: call.funderId, role: 'juror' });
      otherFunderOfficer = await buildPerson(app, { funderId: await buildFunder(app), role: 'officer' });
      stranger = await buildPerson(app);
    });
    after(() => app?.close());

    test('the published decision makes one grant per selected project, its tranches planned 80/20', async () => {
      const list = await officer.get(`/manage/calls/${call.callId}/grants`, EN);
      assert.equal(list.statusCode, 200);
      const made = await app.database.db.select().from(grants).where(eq(grants.callId, call.callId));
      assert.ok(made.length >= 5);
      const ara = made.find((g) => g.applicationId === call.ids.ara)!;
      grantId = ara.id;
      assert.equal(ara.status, 'offered');
      assert.equal(ara.offeredCents, 5_690_400);
      const planned = await tranches();
      assert.deepEqual(
        planned.map((t) => [t.percent, t.trigger, t.amountCents]),
        [
          [80, 'signature', 4_552_320],
          [20, 'final-report', 1_138_080],
        ],
      );
      assert.ok(list.body.includes(`/grants/${grantId}`));
      // Asking again makes nothing more.
      assert.equal(await app.services.grants.createGrants(call.callId), 0);
    });

    test('nobody but the funder’s officers and the organisation’s members knows the grant exists', async () => {
      for (const who of [stranger.agent, otherMember, otherFunderOfficer.agent, juror.agent]) {
        assert.equal((await who.get(`/grants/${grantId}`)).statusCode, 404);
        assert.equal((await who.get(`/grants/${grantId}/agreement.pdf`)).statusCode, 404);
      }
      for (const who of [stranger.agent, otherMember, otherFunderOfficer.agent, juror.agent, member])
        for (const path of [`/manage/calls/${call.callId}/grants`, `/manage/calls/${call.callId}/payments`])
          assert.ok([403, 404].includes((await who.get(path)).statusCode), path); // the call is public: 403
      assert.equal((await app.agent().get(`/grants/${grantId}`)).statusCode, 303, 'the public signs in first');
      assert.equal((await member.get(`/grants/${grantId}`, EN)).statusCode, 200);
      assert.equal((await officer.get(`/grants/${grantId}`, EN)).statusCode, 200);
      // Before the agreement is sent there is nothing to read.
      assert.equal((await member.get(`/grants/${grantId}/agreement.pdf`)).statusCode, 404);
    });

    test('the officer sends the agreement: a tagged PDF with embedded fonts, in figures and in words', async () => {
      const from = `/grants/${grantId}`;
      const today = instantToBrussels(new Date()).date;
      // A member may not send it, nor an officer of another funder.
      assert.equal(
        (
          await member.submit(
            `${from}/agreement`,
            { periodStart: today, periodEnd: '2099-12-31', version: '1' },
            { from },
          )
        ).statusCode,
        403,
      );
      const bad = await officer.submit(
        `${from}/agreement`,
        { periodStart: today, periodEnd: '2000-01-01', version: '1' },
        { from },
      );
      assert.equal(bad.statusCode, 422);
      const sent = await officer.submit(
        `${from}/agreement`,
        { periodStart: today, periodEnd: '2099-12-31', version: '1' },
        { from, headers: EN },
      );
      assert.equal(sent.statusCode, 303);
      assert.equal((await grantRow()).status, 'agreement-sent');
      const pdf = await member.get(`/grants/${grantId}/agreement.pdf`);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const bytes = pdf.rawPayload;
      const [version] = await app.database.db
        .select()
        .from(grantAgreementVersions)
        .where(eq(grantAgreementVersions.grantId, grantId));
      assert.equal(version!.documentSha256, createHash('sha256').update(bytes).digest('hex'));
      const doc = await getDocument({ data: new Uint8Array(bytes) }).promise;
      assert.equal(((await doc.getMarkInfo()) as { Marked?: boolean } | null)?.Marked, true, 'tagged');
      const { info } = (await doc.getMetadata()) as { info: { Title?: string; Language?: string } };
      assert.match(info.Title ?? '', /A digital Home|Grant agreement|Convention|Overeenkomst/);
      await doc.destroy();
      const raw = bytes.toString('latin1');
      assert.ok(raw.includes('/FontFile2'), 'fonts embedded');
      assert.ok(!/\/Subtype \/Type1\b/.test(raw), 'no standard font left unembedded');
      const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
      assert.match(text, /56 904,00 €|56,904.00|56.904,00/);
      assert.match(
        text,
        /cinquante-six mille neuf cent quatre euros|fifty-six thousand nine hundred and four euros|zesenvijftigduizend negenhonderdvier euro/,
      );
      assert.ok(text.includes('2023/2831'), 'the de minimis regulation is named');
      assert.equal((await pdfFigures(bytes)).alts.length, 1, 'the funder’s logo heads the agreement, as a figure');
      const mails = await app.mailsTo(call.emails.ara);
      assert.ok(mails.some((m) => m.text?.includes(`/grants/${grantId}`)));
    });

    test('the grantee accepts the version they read; who, when and the SHA-256 are recorded', async () => {
      const from = `/grants/${grantId}`;
      const page = await member.get(from, EN);
      const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(page.body)?.[1];
      assert.ok(sha, 'the page carries the fingerprint of the PDF it offers');
      assert.equal(
        (await officer.submit(`${from}/accept`, { sha256: sha!, confirm: 'yes' }, { from })).statusCode,
        403,
      );
      assert.equal(
        (await member.submit(`${from}/accept`, { sha256: sha! }, { from })).statusCode,
        422,
        'box not ticked',
      );
      assert.equal(
        (await member.submit(`${from}/accept`, { sha256: 'a'.repeat(64), confirm: 'yes' }, { from })).statusCode,
        409,
        'another document',
      );
      assert.equal((await member.submit(`${from}/accept`, { sha256: sha!, confirm: 'yes' }, { from })).statusCode, 303);
      const [version] = await app.database.db
        .select()
        .from(grantAgreementVersions)
        .where(eq(grantAgreementVersions.grantId, grantId));
      assert.equal(version!.status, 'accepted');
      assert.equal(version!.acceptedSha256, sha);
      assert.ok(version!.acceptedBy && version!.acceptedAt);
      assert.equal((await grantRow()).status, 'accepted');
    });

    test('the officer countersigns: the grant is active and the tranche at signature falls due', async () => {
      const from = `/grants/${grantId}`;
      assert.equal((await member.submit(`${from}/countersign`, {}, { from })).statusCode, 403);
      assert.equal((await officer.submit(`${from}/countersign`, {}, { from })).statusCode, 303);
      assert.equal((await grantRow()).status, 'active');
      assert.deepEqual(
        (await tranches()).map((t) => t.status),
        ['due', 'planned'],
      );
    });

    test('above the threshold a tranche takes two officers; a batch writes a valid pain.001 file; paid', async () => {
      const payments = `/manage/calls/${call.callId}/payments`;
      const saved = await officer.submit(
        `/manage/calls/${call.callId}/payment-settings`,
        { debtorName: 'Paradigm', debtorIban: 'BE68 5390 0754 7034', debtorBic: 'GKCCBEBB', threshold: '10 000' },
        { from: payments },
      );
      assert.equal(saved.statusCode, 303);
      const [first] = await tranches();
      const approve = `/grants/${grantId}/tranches/${first!.id}/approve`;
      const from = `/grants/${grantId}`;
      assert.equal((await officer.submit(approve, { version: String(first!.version) }, { from })).statusCode, 303);
      let [t] = await tranches();
      assert.equal(t!.status, 'due', 'one approval is not enough above 10 000 €');
      assert.equal((await officer.submit(approve, { version: String(t!.version) }, { from })).statusCode, 409);
      assert.equal(
        (await secondOfficer.agent.submit(approve, { version: String(t!.version) }, { from })).statusCode,
        303,
      );
      [t] = await tranches();
      assert.equal(t!.status, 'approved');
      assert.equal(t!.approvers.length, 2);

      const made = await officer.submit(
        payments,
        { tranche: [t!.id], executionDate: '2099-01-05' },
        { from: payments },
      );
      assert.equal(made.statusCode, 303);
      const batchUrl = made.headers.location as string;
      assert.match(batchUrl, /^\/manage\/batches\//);
      [t] = await tranches();
      assert.equal(t!.status, 'in-batch');
      for (const who of [member, stranger.agent, otherFunderOfficer.agent, juror.agent]) {
        assert.equal((await who.get(batchUrl)).statusCode, 404);
        assert.equal((await who.get(`${batchUrl}/pain001.xml`)).statusCode, 404);
      }
      assert.equal((await officer.get(batchUrl, EN)).statusCode, 200);
      const file = await officer.get(`${batchUrl}/pain001.xml`);
      assert.equal(file.statusCode, 200);
      const xml = file.body;
      assert.deepEqual(validatePain001(xml), []);
      assert.ok(xml.includes('<Cd>SCOR</Cd>') && xml.includes('<Issr>BBA</Issr>'));
      assert.ok(xml.includes(`<Ref>${t!.structuredCommunication}</Ref>`));
      assert.ok(xml.includes('<InstdAmt Ccy="EUR">45523.20</InstdAmt>'));
      assert.ok(xml.includes('<IBAN>BE68539007547034</IBAN>'));
      assert.match(formatStructuredCommunication(t!.structuredCommunication), /^\+{3}\d{3}\/\d{4}\/\d{5}\+{3}$/);

      assert.equal((await officer.submit(`${batchUrl}/paid`, {}, { from: batchUrl })).statusCode, 303);
      [t] = await tranches();
      assert.equal(t!.status, 'paid');
      const grantPage = await member.get(`/grants/${grantId}`, EN);
      assert.ok(grantPage.body.includes('Paid'));
      const mine = await member.get('/grants', EN);
      assert.equal(mine.statusCode, 200);
      assert.ok(mine.body.includes(`/grants/${grantId}`));
      assert.ok(!(await otherMember.get('/grants', EN)).body.includes(`/grants/${grantId}`));
    });

    test('an officer suspends the running grant with a reason and resumes it; closing waits for the final report', async () => {
      const from = `/grants/${grantId}`;
      const version = async () => String((await grantRow()).version);
      assert.match((await officer.get(from, EN)).body, /action="\/grants\/[^"]+\/suspend"/);
      assert.doesNotMatch((await member.get(from, EN)).body, /\/suspend"/, 'the organisation is offered no such form');
      assert.equal(
        (await member.submit(`${from}/suspend`, { version: await version(), reason: 'x' }, { from })).statusCode,
        403,
      );
      const noReason = await officer.submit(`${from}/suspend`, { version: await version(), reason: ' ' }, { from });
      assert.equal(noReason.statusCode, 422);
      const stale = await officer.submit(`${from}/suspend`, { version: '0', reason: 'Contrôle' }, { from });
      assert.equal(stale.statusCode, 409);
      const suspended = await officer.submit(
        `${from}/suspend`,
        { version: await version(), reason: 'Contrôle des dépenses' },
        { from },
      );
      assert.equal(suspended.statusCode, 303);
      assert.equal((await grantRow()).status, 'suspended');
      const [audit] = await app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, grantId), eq(auditEvents.action, 'grant.suspend')));
      assert.equal(audit?.reason, 'Contrôle des dépenses');
      assert.doesNotMatch((await officer.get(from, EN)).body, /\/suspend"/, 'once suspended, it resumes');
      const resumed = await officer.submit(
        `${from}/resume`,
        { version: await version(), reason: 'Contrôle clos' },
        { from },
      );
      assert.equal(resumed.statusCode, 303);
      assert.equal((await grantRow()).status, 'active');
      const early = await officer.submit(`${from}/close`, { version: await version(), reason: 'Fin' }, { from });
      assert.equal(early.statusCode, 409, 'a grant closes after its final report only');
      assert.match(early.body, /current state/);
    });
  });
}
