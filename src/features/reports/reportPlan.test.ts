// A call's report plan, set by its officers on the call's follow-up pages: the reports (kind, due at a date,
// halfway, or months after the signature or the period's end) and the indicators asked (defaults ticked, counts
// of the call's own in three languages). Refused with the problem at its field; reports already made are
// rescheduled; the grantee's report asks what the plan chose; locked once a report is started. Who may: the
// call's officers only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { buildFunder, buildPerson } from '../../../test/helpers/factories.ts';
import { signAgreement } from '../../../test/helpers/grantAgreement.ts';
import { decideByRanking, scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import { instantToBrussels } from '../../domain/brusselsTime.ts';
import { addMonths } from '../../domain/calendarDate.ts';
import { dueDayOf } from '../../domain/grants/reportSchedule.ts';
import { grantReports, reportPlans } from './schema.ts';

const EN = { 'accept-language': 'en' };
const TODAY = instantToBrussels(new Date()).date;
const YEAR = Number(TODAY.slice(0, 4));
const PERIOD = { periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31` };

/** The plan editor's fields: an interim report 3 months after signature, the final 2 months after the end. */
const PLAN: Record<string, string | string[]> = {
  'report.0.kind': 'interim',
  'report.0.due': 'signature',
  'report.0.months': '3',
  'report.0.opens': '10',
  'report.1.kind': 'final',
  'report.1.due': 'end',
  'report.1.months': '2',
  'report.1.opens': '30',
  indicators: ['participants', 'participants-by-age', 'sessions', 'narrative'],
  'custom.0.labelFr': 'Déclarations fiscales remplies',
  'custom.0.labelNl': 'Ingevulde belastingaangiften',
  'custom.0.labelEn': 'Tax returns filed',
  'custom.0.required': 'yes',
};

for (const backend of backends()) {
  describe(`a call's report plan on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let officer: Agent;
    let member: Agent;
    let grantId: string;
    let url: string;

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };
    const reportsOf = (id: string) => app.database.db.select().from(grantReports).where(eq(grantReports.grantId, id));
    const planVersion = async () =>
      (await app.database.db.select().from(reportPlans).where(eq(reportPlans.callId, call.callId)))[0]?.version ?? 0;

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      await decideByRanking(app, call, { decidedOn: TODAY });
      officer = await signIn(call.officerEmail);
      member = await signIn(call.emails.ara);
      url = `/manage/calls/${call.callId}/report-plan`;
      await officer.get(`/manage/calls/${call.callId}/grants`);
      grantId = (await app.services.grants.grantOfApplication(call.officer, call.ids.ara))!.id;
      // Signed under the default plan: its two reports are made.
      await signAgreement(officer, member, grantId, PERIOD);
      await member.get(`/grants/${grantId}/reports`);
    });
    after(() => app?.close());

    test('only the call’s officers see or change its plan', async () => {
      const others = [
        member,
        (await buildPerson(app, { funderId: call.funderId, role: 'juror' })).agent,
        (await buildPerson(app, { funderId: await buildFunder(app), role: 'officer' })).agent,
      ];
      // The call is published: they know it exists, and are refused its officers' pages.
      for (const who of others) {
        assert.equal((await who.get(url)).statusCode, 403);
        assert.equal((await who.submit(url, { ...PLAN, version: '0' }, { from: '/' })).statusCode, 403);
      }
      assert.equal((await app.agent().get(url)).statusCode, 303, 'the public signs in first');
      assert.equal(await planVersion(), 0);
    });

    test('without a plan of its own, the editor shows the default one', async () => {
      const page = await officer.get(url, EN);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes('<option value="halfway" selected>Halfway through the period</option>'));
      assert.ok(page.body.includes('value="devices-lent" checked'));
      // Reached from the call's other follow-up pages.
      assert.ok((await officer.get(`/manage/calls/${call.callId}/payments`)).body.includes(`href="${url}"`));
    });

    test('a plan that cannot be followed comes back with each problem at its field, nothing saved', async () => {
      const bad = await officer.submit(
        url,
        {
          ...PLAN,
          'report.0.kind': 'final',
          'report.1.months': 'two',
          indicators: ['participants-by-age', 'sessions'],
          'custom.0.labelNl': ' ',
          version: '0',
        },
        { headers: EN },
      );
      assert.equal(bad.statusCode, 422);
      for (const message of [
        'The plan can have only one final report.',
        'Enter a whole number of months, from 0 to 120.',
        'A breakdown of the participants needs “Participants reached” ticked too.',
        'Enter the label in this language.',
      ])
        assert.ok(bad.body.includes(message), message);
      assert.ok(bad.body.includes('value="Tax returns filed"'), 'what was typed is shown again');
      assert.equal(await planVersion(), 0);
    });

    test('a plan saved reschedules the grants’ reports; the report asks what it chose', async () => {
      const saved = await officer.submit(url, { ...PLAN, version: '0' });
      assert.equal(saved.statusCode, 303);
      assert.equal(await planVersion(), 1);
      const rows = await reportsOf(grantId);
      const signedOn = TODAY; // countersigned in `before`
      assert.deepEqual(rows.map((r) => [r.kind, dueDayOf(r.dueAt)]).sort(), [
        ['final', addMonths(PERIOD.periodEnd, 2)],
        ['interim', addMonths(signedOn, 3)],
      ]);
      const interim = rows.find((r) => r.kind === 'interim')!;
      // A stale form (the version it showed is gone) is refused.
      assert.equal((await officer.submit(url, { ...PLAN, version: '0' }, { headers: EN })).statusCode, 409);
      // The report asks the chosen indicators and the call's own, in the member's language.
      await app.database.db.update(grantReports).set({ status: 'due' }).where(eq(grantReports.id, interim.id));
      const form = await member.get(`/reports/${interim.id}`, EN);
      assert.ok(form.body.includes('Tax returns filed'));
      assert.ok(!form.body.includes('Devices lent'), 'not chosen');
      assert.ok(!form.body.includes('By commune of residence'), 'not chosen');
      const from = `/reports/${interim.id}`;
      const fields = {
        'i.participants': '10',
        'i.participants-by-age.25-54': '10',
        'i.sessions': '4',
        'i.narrative': 'Aide aux déclarations.',
        version: String(interim.version),
        intent: 'submit',
      };
      const missing = await member.submit(from, fields, { from, headers: EN });
      assert.equal(missing.statusCode, 422, 'the call’s own count is required');
      const version = String((await reportsOf(grantId)).find((r) => r.id === interim.id)!.version);
      const id = (await app.services.reports.reportPage(call.officer, interim.id)).definitions.at(-1)!.id;
      assert.match(id, /^custom-/);
      const submitted = await member.submit(from, { ...fields, [`i.${id}`]: '7', version }, { from });
      assert.equal(submitted.statusCode, 303);
      const after = (await reportsOf(grantId)).find((r) => r.id === interim.id)!;
      assert.equal(after.status, 'submitted');
      assert.equal(after.values[id], 7);
    });

    test('once an organisation has started a report, the plan is locked and says why', async () => {
      const page = await officer.get(url, EN);
      assert.ok(page.body.includes('The plan can no longer change'));
      const refused = await officer.submit(url, { ...PLAN, 'report.0.months': '4', version: '1' }, { headers: EN });
      assert.equal(refused.statusCode, 409);
      assert.ok(refused.body.includes('an organisation has started or submitted a report under it'));
      assert.equal(await planVersion(), 1);
    });
  });
}
