// A grant's reports: scheduled from the default plan once the agreement binds (interim halfway, final at the
// end), filled by a member (breakdowns checked to add up), submitted, returned with remarks, resubmitted and
// approved; expenses against the application's budget lines with a document checked by content; the final
// report approved makes the balance tranche due. Who may see and do what: another organisation, an officer of
// another funder, a juror, the public; and a stale version is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { signAgreement } from '../../../test/helpers/grantAgreement.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { buildFunder, buildPerson, type Person } from '../../../test/helpers/factories.ts';
import { decideByRanking, scoredCall, setTranchePlan, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { addDays } from '../../domain/calendarDate.ts';
import { dueDayOf } from '../../domain/grants/reportSchedule.ts';
import { users } from '../../platform/identity/schema.ts';
import { mailOutbox } from '../../platform/mail/schema.ts';
import { grantReports } from './schema.ts';

const EN = { 'accept-language': 'en' };
const NOW = new Date();
const YEAR = Number(instantToBrussels(NOW).date.slice(0, 4));
// A period of the current year: its interim report (halfway) is past due, its final one open or coming.
const PERIOD = { periodStart: `${YEAR - 1}-01-01`, periodEnd: `${YEAR}-12-31` };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The indicators of a consistent report of `n` participants. */
const filled = (n: number): Record<string, string | string[]> => ({
  'i.participants': String(n),
  'i.participants-by-public.other': String(n),
  'i.participants-by-commune.outside-brussels': String(n),
  'i.participants-by-age.25-54': String(n),
  'i.participants-by-gender.not-given': String(n),
  'i.sessions': '12',
  'i.support-hours': '48',
  'i.digcomp-areas': ['1', '4'],
  'i.narrative': 'Des ateliers chaque semaine.',
});

for (const backend of backends()) {
  describe(`grant reports on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let member: Agent;
    let otherMember: Agent;
    let strangers: Person[];
    let grantId: string;
    let interimId: string;
    let finalId: string;

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };
    const report = async (id: string) =>
      (await app.database.db.select().from(grantReports).where(eq(grantReports.id, id)))[0]!;

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      await setTranchePlan(app, call.callId, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      await decideByRanking(app, call, { decidedOn: instantToBrussels(NOW).date });
      officer = await signIn(call.officerEmail);
      member = await signIn(call.emails.ara);
      otherMember = await signIn(call.emails.habitat);
      strangers = [
        await buildPerson(app),
        await buildPerson(app, { funderId: call.funderId, role: 'juror' }),
        await buildPerson(app, { funderId: await buildFunder(app), role: 'officer' }),
      ];
      // The application's budget table (this test call's reduced form has none).
      const budget = {
        lines: [
          { category: 'staff', label: 'Formateurs', amountCents: 4_000_000 },
          { category: 'equipment', label: 'Ordinateurs', amountCents: 1_690_400 },
        ],
        totalCents: 5_690_400,
        requestedCents: 5_690_400,
        otherFunding: [],
        otherFundingCents: 0,
      };
      await app.database.db.execute(
        sql`update applications set answers = ${JSON.stringify({ budget })}::jsonb where id = ${call.ids.ara}`,
      );
      // The agreement: sent, accepted, countersigned (the grants' own pages).
      await officer.get(`/manage/calls/${call.callId}/grants`);
      grantId = (await app.services.grants.grantOfApplication(call.officer, call.ids.ara))!.id;
      await signAgreement(officer, member, grantId, PERIOD);
    });
    after(() => app?.close());

    test('once the agreement binds, the default plan schedules an interim report halfway and a final one', async () => {
      const page = await member.get(`/grants/${grantId}/reports`, EN);
      assert.equal(page.statusCode, 200);
      const rows = await app.database.db.select().from(grantReports).where(eq(grantReports.grantId, grantId));
      const interim = rows.find((r) => r.kind === 'interim')!;
      const final = rows.find((r) => r.kind === 'final')!;
      assert.equal(rows.length, 2);
      assert.equal(dueDayOf(interim.dueAt), `${YEAR - 1}-12-31`);
      assert.equal(dueDayOf(final.dueAt), `${YEAR}-12-31`);
      assert.equal(interim.status, 'due', 'its opening day has passed');
      interimId = interim.id;
      finalId = final.id;
      assert.ok(page.body.includes(`/reports/${interimId}`));
      // The interim report is overdue: on the officer's start page.
      assert.ok((await officer.get('/start', EN)).body.includes(`/reports/${interimId}`));
    });

    test('nobody but the funder’s officers and the organisation’s members knows a report exists', async () => {
      for (const who of [otherMember, ...strangers.map((s) => s.agent)]) {
        assert.equal((await who.get(`/reports/${interimId}`)).statusCode, 404);
        assert.equal((await who.get(`/grants/${grantId}/reports`)).statusCode, 404);
      }
      assert.equal((await app.agent().get(`/reports/${interimId}`)).statusCode, 303, 'the public signs in first');
      const from = `/reports/${interimId}`;
      // An officer does not fill the report for the grantee; a member does not decide on it.
      const r = await report(interimId);
      assert.equal(
        (await officer.submit(from, { version: String(r.version), intent: 'save' }, { from })).statusCode,
        403,
      );
      assert.equal(
        (await member.submit(`${from}/decision`, { version: String(r.version), decision: 'approve' }, { from }))
          .statusCode,
        403,
      );
    });

    test('breakdowns that do not add up keep the report a draft, saved, with the problem at its field', async () => {
      const from = `/reports/${interimId}`;
      const r = await report(interimId);
      const bad = await member.submit(
        from,
        { ...filled(30), 'i.participants-by-age.25-54': '20', version: String(r.version), intent: 'submit' },
        { from, headers: EN },
      );
      assert.equal(bad.statusCode, 422);
      assert.ok(bad.body.includes('These add up to 20, not to the 30 participants.'));
      const saved = await report(interimId);
      assert.equal(saved.status, 'draft');
      assert.equal(saved.values.participants, 30);
      // A stale version is refused, nothing written.
      const stale = await member.submit(from, { ...filled(31), version: String(r.version), intent: 'save' }, { from });
      assert.equal(stale.statusCode, 409);
      assert.equal((await report(interimId)).values.participants, 30);
      // The script's autosave: the same rules, answered in JSON.
      const current = (await report(interimId)).version;
      const auto = await member.submit(`${from}/autosave`, { ...filled(30), version: String(current) }, { from });
      assert.equal(auto.statusCode, 200);
      assert.equal(JSON.parse(auto.body).version, current + 1);
      const late = await member.submit(`${from}/autosave`, { ...filled(32), version: String(current) }, { from });
      assert.equal(late.statusCode, 409);
      assert.equal(JSON.parse(late.body).status, 'conflict');
      assert.equal((await report(interimId)).values.participants, 30);
    });

    test('an expense is justified against a budget line, its document checked by its content', async () => {
      const from = `/reports/${interimId}`;
      const renamed = await member.submitFile(
        `${from}/expenses`,
        { line: '1', amount: '1200', description: 'Laptops' },
        { field: 'file', name: 'facture.pdf', bytes: Buffer.from('MZ not a pdf at all') },
        { from },
      );
      assert.equal(renamed.statusCode, 422);
      const added = await member.submitFile(
        `${from}/expenses`,
        { line: '1', amount: '1200,50', description: 'Laptops' },
        { field: 'file', name: 'facture.pdf', bytes: PDF },
        { from },
      );
      assert.equal(added.statusCode, 303);
      const page = await officer.get(from, EN);
      assert.ok(page.body.includes('Laptops'));
      assert.ok(page.body.includes(`/grants/${grantId}`), 'the unjustified amount links to the grant');
      const doc = /href="(\/reports\/[^"]+\/document)"/.exec(page.body)?.[1];
      assert.equal((await member.get(doc!)).statusCode, 200);
      assert.equal((await otherMember.get(doc!)).statusCode, 404);
      // One added by mistake is taken off again.
      const mistake = await member.submitFile(
        `${from}/expenses`,
        { line: '0', amount: '10', description: 'Erreur' },
        { field: 'file', name: 'recu.pdf', bytes: PDF },
        { from },
      );
      assert.equal(mistake.statusCode, 303);
      const removes = [...(await member.get(from)).body.matchAll(/action="(\/reports\/[^"]+\/delete)"/g)];
      const remove = removes.at(-1)?.[1]; // the latest expense is listed last
      assert.ok(remove);
      assert.equal((await otherMember.submit(remove!, {}, { from })).statusCode, 404);
      assert.equal((await member.submit(remove!, {}, { from })).statusCode, 303);
      assert.ok(!(await member.get(from)).body.includes('Erreur'));
    });

    test('submitted, returned with remarks, resubmitted, approved; the officers and members are mailed', async () => {
      const from = `/reports/${interimId}`;
      // A second officer of the funder, who reads Dutch: each officer is told in their own language.
      const dutch = await buildPerson(app, { funderId: call.funderId, role: 'officer' });
      await app.database.db.update(users).set({ locale: 'nl' }).where(eq(users.email, dutch.email));
      const mailsTo = async (email: string) =>
        (await app.database.db.select().from(mailOutbox)).filter((m) => m.to === email);
      let r = await report(interimId);
      const submitted = await member.submit(
        from,
        { ...filled(30), version: String(r.version), intent: 'submit' },
        { from },
      );
      assert.equal(submitted.statusCode, 303);
      r = await report(interimId);
      assert.equal(r.status, 'submitted');
      const told = (await mailsTo(call.officerEmail)).find((m) => /submitted a report for grant/.test(m.subject));
      assert.ok(told, 'the officer is told');
      assert.match(told.text, /submitted its interim report for grant .+ It waits for your approval/);
      assert.ok(told.text.includes(`/reports/${interimId}`));
      const nl = (await mailsTo(dutch.email)).find((m) => /heeft een rapport ingediend voor subsidie/.test(m.subject));
      assert.ok(nl, 'in Dutch for the Dutch-speaking officer');
      assert.match(nl.text, /^Beste /);
      assert.equal(
        (await officer.submit(`${from}/decision`, { version: String(r.version), decision: 'return' }, { from }))
          .statusCode,
        422,
        'returning needs remarks',
      );
      const returned = await officer.submit(
        `${from}/decision`,
        { version: String(r.version), decision: 'return', remarks: 'Précisez les communes.' },
        { from },
      );
      assert.equal(returned.statusCode, 303);
      r = await report(interimId);
      assert.equal(r.status, 'returned');
      assert.ok((await member.get(from)).body.includes('Précisez les communes.'));
      const mails = await app.database.db.select().from(mailOutbox);
      assert.ok(mails.some((m) => m.text.includes('Précisez les communes.')));
      const again = await member.submit(
        from,
        {
          ...filled(30),
          'i.participants-by-commune.outside-brussels': '20',
          'i.participants-by-commune.21004': '10',
          version: String(r.version),
          intent: 'submit',
        },
        { from },
      );
      assert.equal(again.statusCode, 303);
      r = await report(interimId);
      assert.equal(r.status, 'submitted');
      assert.ok(
        (await mailsTo(call.officerEmail)).some((m) => m.text.includes('submitted again, corrected, its interim')),
      );
      const ledger = async () => (await app.services.grants.grantPage(call.officer, grantId)).ledger;
      assert.equal((await ledger()).justifiedCents, 0, 'an expense is not justified while its report waits');
      assert.equal(
        (await officer.submit(`${from}/decision`, { version: String(r.version), decision: 'approve' }, { from }))
          .statusCode,
        303,
      );
      assert.equal((await report(interimId)).status, 'approved');
      assert.equal((await ledger()).justifiedCents, 120_050, 'the approved report’s expense is justified on the grant');
    });

    test('the officer moves the final report; approved, it makes the balance tranche due', async () => {
      const from = `/reports/${finalId}`;
      let r = await report(finalId);
      const dueOn = addDays(instantToBrussels(NOW).date, 7);
      assert.equal(
        (await member.submit(`${from}/move`, { version: String(r.version), dueOn }, { from })).statusCode,
        403,
      );
      assert.equal(
        (await officer.submit(`${from}/move`, { version: String(r.version), dueOn }, { from })).statusCode,
        303,
      );
      await member.get(`/grants/${grantId}/reports`); // opens it: its opening day is now past
      r = await report(finalId);
      assert.equal(r.status, 'due');
      assert.ok(r.moved);
      assert.equal(dueDayOf(r.dueAt), dueOn);

      // Three days before it is due, the clock reminds the members once.
      const soon = new Date(r.dueAt.getTime() - 3 * 86_400_000);
      assert.deepEqual(await app.services.reports.runClock(soon), { reminded: 1 });
      assert.deepEqual(await app.services.reports.runClock(soon), { reminded: 0 });
      const mails = await app.database.db.select().from(mailOutbox);
      assert.ok(mails.some((m) => m.subject.includes('Report due soon') && m.text.includes(`/reports/${finalId}`)));

      // Waived with a reason (not without), then reinstated.
      assert.equal((await officer.submit(`${from}/skip`, { version: String(r.version) }, { from })).statusCode, 422);
      assert.equal(
        (await officer.submit(`${from}/skip`, { version: String(r.version), reason: 'Projet prolongé.' }, { from }))
          .statusCode,
        303,
      );
      r = await report(finalId);
      assert.equal(r.status, 'skipped');
      assert.equal(r.skipReason, 'Projet prolongé.');
      assert.equal(
        (await officer.submit(`${from}/reinstate`, { version: String(r.version) }, { from })).statusCode,
        303,
      );
      r = await report(finalId);
      assert.equal(r.status, 'due');
      assert.equal(
        (await member.submit(from, { ...filled(60), version: String(r.version), intent: 'submit' }, { from }))
          .statusCode,
        303,
      );
      r = await report(finalId);
      assert.equal(
        (await officer.submit(`${from}/decision`, { version: String(r.version), decision: 'approve' }, { from }))
          .statusCode,
        303,
      );
      const { scoped } = await app.services.grants.grantPage(call.officer, grantId);
      assert.equal(scoped.record.row.status, 'final-report-approved');
      const tranches = scoped.record.tranches;
      assert.equal(tranches[1]!.trigger, 'final-report');
      assert.equal(tranches[1]!.status, 'due');
    });
  });
}
