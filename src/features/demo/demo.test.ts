// The demo as its visitors find it: the two calls of the press releases run to their published
// results, with the published figures (and the rules they break shown), and a next edition open
// at each funder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, Agent, type TestApp } from '../../../test/helpers/app.ts';
import { STANDARD_BUDGET, STANDARD_PROJECT, VALID_ORGANISATION } from '../../../test/helpers/samples.ts';
import { assertValid, validatePackage } from '../../../test/helpers/threeSixtyGiving.ts';
import type { Actor } from '../../domain/access.ts';
import { users } from '../../platform/identity/schema.ts';
import { seedCall } from './demoContent.ts';
import { DEMO_PASSWORD, loadDemo } from './loadDemo.ts';
import { brusselsDateInDays } from './demoTime.ts';
import { formatCalendarDate } from '../../domain/brusselsTime.ts';
import { addMonths } from '../../domain/calendarDate.ts';
import { bindingVersion } from '../../domain/grants/agreementVersions.ts';
import { dueDayOf } from '../../domain/grants/reportSchedule.ts';

const BEE = seedCall('bee-digital-skills');
const DIGB = seedCall('digital-brussels');

/** The HTML entities the pages use in text. */
const decode = (html: string) =>
  html
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"');

for (const backend of backends()) {
  describe(`the demo on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Actor;
    /** The calls of the press releases, by code. */
    const calls = new Map<string, string>();

    /** A demo person, signed in through the real form with the demo password. */
    const signIn = async (email: string) => {
      const agent = new Agent(app);
      assert.equal(
        (await agent.submit('/sign-in', { email, password: DEMO_PASSWORD })).statusCode,
        303,
        `${email} signs in`,
      );
      const [user] = await app.database.db.select({ id: users.id }).from(users).where(eq(users.email, email));
      return { agent, userId: user!.id };
    };
    /** The call's submitted applications, as the officer's inbox lists them. */
    const inbox = async (code: string) => (await app.services.applications.inbox(officer, calls.get(code)!)).rows;

    before(async () => {
      app = await buildTestApp(backend);
      assert.equal(await loadDemo(app), true);
      const funders = await app.services.calls.fundersWithPublicCalls();
      for (const call of funders.flatMap((f) => f.calls)) calls.set(call.code, call.id);
      officer = {
        userId: (await signIn('officer@example.org')).userId,
        isPlatformAdmin: false,
        grants: funders.map((f) => ({ funderId: f.id, role: 'officer' as const })),
      };
    });
    after(() => app.close());

    test('BEE’s call had 26 applications: 7 ineligible with their reason, 19 scored by two jurors or more and agreed on', async () => {
      const screening = await app.services.screening.callScreening(officer, calls.get('BEE')!);
      assert.equal(screening.managed.call.status, 'results-published');
      const { submitted, toScreen, eligible, ineligible, scored } = screening.funnel;
      assert.deepEqual(
        { submitted, toScreen, eligible, ineligible, scored },
        { submitted: 26, toScreen: 0, eligible: 19, ineligible: 7, scored: 19 },
      );
      for (const row of screening.rows.filter((r) => r.status === 'ineligible')) {
        const decision = (await app.services.screening.applicationScreening(officer, row.id)).history.at(-1)!;
        assert.equal(decision.unmetCriteria.length, 1, row.title);
        assert.ok(decision.reason.length > 40, `${row.title} is told why`);
      }
      const consensus = (await app.services.scoring.consensusIndex(officer, calls.get('BEE')!)).rows;
      assert.equal(consensus.length, 19);
      for (const row of consensus) {
        assert.ok(['selected', 'reserve', 'rejected'].includes(row.status), `${row.title} is decided`);
        assert.ok(row.submitted >= 2, `${row.title}: ${row.submitted} evaluations`);
        assert.notEqual(row.consensusTotal, null);
      }
      assert.equal(
        (await app.services.jury.board(officer, calls.get('BEE')!)).jurors.filter((j) => j.stage === 'active').length,
        4,
      );
    });

    test('the press release’s nine projects rank first and use the 600 000 € exactly: nothing else fits', async () => {
      const { ranked, awaiting } = await app.services.scoring.rankingView(officer, calls.get('BEE')!);
      assert.equal(awaiting.length, 0);
      assert.deepEqual(
        ranked.slice(0, 9).map((r) => r.title),
        BEE.selected.map((p) => p.project),
      );
      assert.ok(ranked.slice(0, 9).every((r) => r.passes));
      const others = ranked.slice(9);
      assert.ok(
        others.some((r) => r.passes) && others.some((r) => !r.passes),
        'among the others, some pass the thresholds and some do not',
      );

      const requested = new Map((await inbox('BEE')).map((r) => [r.id, r.requestedCents ?? 0]));
      let left = BEE.budget_eur * 100;
      const funded: number[] = [];
      for (const r of ranked.filter((x) => x.passes)) {
        const cents = requested.get(r.id)!;
        if (cents > left) continue;
        funded.push(r.rank);
        left -= cents;
      }
      assert.deepEqual(funded, [1, 2, 3, 4, 5, 6, 7, 8, 9], 'a selection in rank order within the budget');
      assert.equal(left, 0, 'their requests add up to the budget');
    });

    test('Digital.Brussels: its six projects are scored and ask the published amounts, but one below the call’s minimum', async () => {
      const { ranked, awaiting } = await app.services.scoring.rankingView(officer, calls.get('DIGB')!);
      assert.equal(awaiting.length, 0);
      assert.deepEqual(ranked.map((r) => r.title).sort(), DIGB.selected.map((p) => p.project).sort());
      assert.ok(ranked.every((r) => r.passes && r.status === 'selected'));
      const rows = new Map((await inbox('DIGB')).map((r) => [r.title, r]));
      for (const project of DIGB.selected) {
        const row = rows.get(project.project)!;
        // 11 015 € is under the call's 30 000 € minimum, which the form enforces: the minimum is asked.
        assert.equal(row.requestedCents, Math.max(project.amount_eur!, 30_000) * 100, project.project);
        assert.deepEqual([...row.targetPublics].sort(), [...project.target_publics].sort(), project.project);
      }
    });

    test('the public results list exactly the press releases’ projects, with the published amounts', async () => {
      const visitor = app.agent();
      const projectsOn = (html: string) =>
        [...html.matchAll(/<h3>([^<]+)<\/h3>\s*<p><strong>([^<]+)<\/strong> — ([^<]+)<\/p>/g)].map((m) => ({
          title: decode(m[1]!),
          organisation: decode(m[2]!),
          amount: m[3]!.replace(/\s/g, ' '),
        }));
      const bee = await visitor.get(`/calls/${calls.get('BEE')}/results`, { 'accept-language': 'fr' });
      assert.equal(bee.statusCode, 200);
      assert.deepEqual(
        projectsOn(bee.body)
          .map((p) => p.title)
          .sort(),
        BEE.selected.map((p) => p.project).sort(),
      );
      assert.match(
        bee.body.replace(/\s/g, ' '),
        /<dd>26<\/dd>.*<dd>19<\/dd>.*<dd>9<\/dd>.*600 000 € sur un budget de 600 000 €/s,
      );

      const digb = await visitor.get(`/calls/${calls.get('DIGB')}/results`, { 'accept-language': 'fr' });
      const published = DIGB.selected
        .map((p) => [p.project, `${new Intl.NumberFormat('fr-BE').format(p.amount_eur!)} €`.replace(/\s/g, ' ')])
        .sort();
      assert.deepEqual(
        projectsOn(digb.body)
          .map((p) => [p.title, p.amount])
          .sort(),
        published,
      );
      assert.match(digb.body.replace(/\s/g, ' '), /250 439 € sur un budget de 250 000 €/);
      const pack = JSON.parse((await visitor.get('/open-data/360giving.json')).body) as {
        grants: { recipientOrganization: { id: string }[]; awardDate: string; grantProgramme: { code: string }[] }[];
      };
      assertValid(validatePackage, pack, 'the programme-wide 360Giving feed');
      assert.equal(pack.grants.length, 15, 'the programme-wide feed holds both calls’ grants');
      assert.ok(
        pack.grants.every((g) => /^BE-BCE_KBO-[01]\d{9}$/.test(g.recipientOrganization[0]!.id)),
        'every recipient named by its enterprise number',
      );
      // awardDate is the day of the decision the pages state (30 and 20 days ago), not the day the demo recorded it.
      const awardDates = (code: string) =>
        new Set(pack.grants.filter((g) => g.grantProgramme[0]!.code === code).map((g) => g.awardDate));
      assert.deepEqual([...awardDates('BEE')], [brusselsDateInDays(-30)]);
      assert.deepEqual([...awardDates('DIGB')], [brusselsDateInDays(-20)]);
      const onPage = formatCalendarDate(brusselsDateInDays(-30), 'fr');
      assert.ok(decode(bee.body).includes(onPage), `the BEE results page says ${onPage}`);
    });

    test('where the published facts break Digital.Brussels’ own rules, the officer sees it, justified', async () => {
      const page = (await signIn('officer@example.org')).agent;
      // The demo officer reads French (the language remembered for the account).
      const selection = (await page.get(`/manage/calls/${calls.get('DIGB')}/selection`)).body.replace(/\s/g, ' ');
      assert.match(selection, /est fixé à 11 015 €, sous la subvention minimale de l’appel, 30 000 €\./);
      assert.match(selection, /Les montants fixés totalisent 250 439 €, soit 439 € au-delà du budget de 250 000 €\./);
      assert.match(selection, /Montant arrêté par le Ministre et publié : le projet repose sur des bénévoles/);
    });

    test('BEE asks a report plan of its own: its grants’ reports follow it, and the officer reads its own count', async () => {
      const page = (await signIn('officer@example.org')).agent;
      const plan = decode((await page.get(`/manage/calls/${calls.get('BEE')}/report-plan`)).body);
      assert.match(plan, /<option value="signature" selected>Mois après la signature<\/option>/);
      assert.match(plan, /name="report\.0\.months" value="6"/);
      assert.match(plan, /name="report\.1\.months" value="3"/);
      assert.match(plan, /value="Participants ayant ensuite trouvé un emploi ou une formation"/);

      const [grant] = (await app.services.grants.callGrants(officer, calls.get('BEE')!)).grants;
      const { grant: scoped, reports } = await app.services.reports.grantReports(officer, grant!.id);
      const final = reports.find((r) => r.kind === 'final')!;
      const { periodEnd } = bindingVersion(scoped.record.grant.versions)!;
      assert.equal(dueDayOf(final.dueAt), addMonths(periodEnd, 3), 'the final report three months after the period');
      const interim = reports.find((r) => r.kind === 'interim')!;
      const report = decode((await page.get(`/reports/${interim.id}`)).body);
      // The first grant's interim report, approved: 40 participants, 10 of whom went on to a job or a training.
      assert.match(report, /<dt>Participants ayant ensuite trouvé un emploi ou une formation<\/dt><dd>10<\/dd>/);
      assert.ok(!report.includes('Appareils prêtés'), 'a training call does not ask about devices');
    });

    test('each funder has a next edition open, and the demo applicant can apply to it', async () => {
      const funders = await app.services.calls.fundersWithPublicCalls();
      const open = funders.map((f) =>
        f.calls.filter((c) => c.status === 'published' && c.closesAt! > new Date()).map((c) => c.code),
      );
      assert.deepEqual(open, [['BEE2027'], ['DIGB2027']]);

      const { agent } = await signIn('applicant@example.org');
      const organisation = await agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, enterpriseNumber: '0417.497.106' },
        { from: '/organisations/new' },
      );
      assert.equal(organisation.statusCode, 303);
      const organisationId = /\/organisations\/([0-9a-f-]{36})/.exec(String(organisation.headers.location))![1]!;
      const started = await agent.submit(`/calls/${calls.get('BEE2027')}/apply`, {
        organisationId,
        title: 'Clavier pour tous',
      });
      assert.equal(started.statusCode, 303);
      const id = /\/applications\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
      for (const [section, answers] of [
        ['project', STANDARD_PROJECT],
        ['budget', STANDARD_BUDGET],
      ] as const) {
        const page = await agent.get(`/applications/${id}/sections/${section}`);
        const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
        assert.equal(
          (await agent.submit(`/applications/${id}/sections/${section}`, { ...answers, version })).statusCode,
          303,
          section,
        );
      }
      assert.equal(
        (await agent.submit(`/applications/${id}/submit`, {}, { from: `/applications/${id}` })).statusCode,
        303,
      );
      assert.match((await agent.get(`/applications/${id}/receipt`)).body, /BEE2027-\d{4}-0001/);
    });
  });
}
