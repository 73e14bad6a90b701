// From the ranking to the published results, through the pages an officer uses: the selection and
// its what-if, a fixed amount that breaks the call's minimum and needs a justification, the
// decision with its letters and mails, the public results and their 360Giving data, a withdrawal
// and the promotion of the reserve. Who may do what is checked as a matrix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { pdfFigures, pdfText } from '../../../test/helpers/pdf.ts';
import { platformAdmin } from '../../../test/helpers/factories.ts';
import { SAMPLE_PNG } from '../../../test/helpers/samples.ts';
import { expectOk } from '../../domain/refusal.ts';
import { closeCall, scoredCall, type ProjectKey } from '../../../test/helpers/scoredCall.ts';
import { assertValid, validatePackage } from '../../../test/helpers/threeSixtyGiving.ts';
import type { Actor } from '../../domain/access.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { mailOutbox } from '../../platform/mail/schema.ts';
import { funders } from '../../platform/identity/schema.ts';
import { decisionOutcomes } from './schema.ts';

const EN = { 'accept-language': 'en' };
const CONTACT = 'appels@paradigm.example.org';

for (const backend of backends()) {
  describe(`selection, decision and results on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Agent;
    let officerActor: Actor;
    let callId: string;
    let funderId: string;
    let ids: Record<ProjectKey, string>;
    const applicants = {} as Record<'ara' | 'arts' | 'croix' | 'weak', { agent: Agent; email: string }>;

    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      const call = await scoredCall(app, { password: PASSWORD, open: true });
      ({ callId, ids, funderId } = call);
      officerActor = call.officer;
      // The funder's letterhead and contact address, as its administrator enters them.
      await app.database.db
        .update(funders)
        .set({ contactEmail: CONTACT, street: 'Rue Royale 2', postalCode: '1000', city: 'Bruxelles' })
        .where(eq(funders.id, call.funderId));
      expectOk(
        await app.services.admin.setFunderLogo({
          actor: await platformAdmin(app),
          funderId: call.funderId,
          name: 'logo.png',
          bytes: SAMPLE_PNG,
        }),
      );
      officer = await signIn(call.officerEmail);
      for (const key of ['ara', 'arts', 'croix', 'weak'] as const)
        applicants[key] = { agent: await signIn(call.emails[key]), email: call.emails[key] };
    });
    after(() => app?.close());

    test('only the call’s officers see its selection and decision pages', async () => {
      const stranger = await app.signedIn();
      for (const path of [`/manage/calls/${callId}/selection`, `/manage/calls/${callId}/decision`]) {
        assert.equal((await app.agent().get(path)).statusCode, 303, `${path} asks an anonymous visitor to sign in`);
        // The call is public: its management pages are refused (403), not hidden.
        assert.equal((await stranger.agent.get(path)).statusCode, 403, `${path} is refused to someone else`);
        assert.equal((await applicants.ara!.agent.get(path)).statusCode, 403, `${path} is refused to an applicant`);
        assert.equal((await officer.get(path, EN)).statusCode, 200);
      }
      // Every command of the decision, refused to someone else and to an applicant of the call, before it reads the form.
      const commands: [string, Record<string, string>][] = [
        [`/manage/calls/${callId}/selection`, { intent: 'save', mode: 'ranking', version: '0' }],
        [`/manage/calls/${callId}/decision`, { version: '0', decidingBodyFr: 'X', decidedOn: '2026-11-20' }],
        [`/manage/calls/${callId}/announcement`, { fr: 'x', nl: 'x' }],
        [`/manage/calls/${callId}/results/publish`, {}],
        [`/manage/calls/${callId}/promote`, { expected: ids.extra }],
        [`/manage/calls/${callId}/withdraw-grant`, { applicationId: ids.ara, [`reason-${ids.ara}`]: 'x' }],
      ];
      for (const [action, fields] of commands) {
        for (const who of [stranger.agent, applicants.ara!.agent])
          assert.equal((await who.submit(action, fields, { from: '/' })).statusCode, 403, action);
      }
      assert.equal(
        (await app.agent().get(`/calls/${callId}/results`)).statusCode,
        404,
        'no results before they are published',
      );
      assert.equal(
        (await app.agent().get('/open-data/360giving.json')).statusCode,
        404,
        'no package without a grant (360Giving requires one)',
      );
    });

    test('the ranking mode funds in rank order within the budget and keeps the rest in reserve', async () => {
      const view = await app.services.decisions.selectionView(officerActor, callId);
      const selected = view.run.result.selected.map((s) => s.id);
      assert.deepEqual(selected, [ids.ara, ids.habitat, ids.atelier, ids.cpas, ids.arts]);
      assert.equal(view.run.result.total, 5_690_400 + 5_997_000 + 4_600_000 + 4_010_000 + 3_645_000);
      assert.deepEqual(
        view.run.result.reserve.map((r) => r.id),
        [ids.croix, ids.extra],
      );
      assert.deepEqual(
        view.run.result.rejected.map((r) => [r.id, r.reason]),
        [[ids.weak, 'below-threshold']],
      );
      const page = await officer.get(`/manage/calls/${callId}/selection`, EN);
      assert.match(page.body, /Does not fit the remaining budget/);
      assert.match(page.body, /Below the jury’s thresholds/);
    });

    test('a what-if shows the selection of another budget and a fixed amount, and saves nothing', async () => {
      const from = `/manage/calls/${callId}/selection`;
      const res = await officer.submit(
        from,
        { intent: 'preview', mode: 'ranking', version: '0', budget: '300000', [`fixed.${ids.croix}`]: '11015' },
        { from, headers: EN },
      );
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /What if — not saved/);
      assert.match(res.body, /below the call’s minimum grant of €30,000/);
      assert.match(res.body, /Funded only in this mode/);
      const view = await app.services.decisions.selectionView(officerActor, callId);
      assert.equal(view.facts.plan.version, 0, 'nothing saved');
    });

    test('the constrained mode covers a target public and says whom it passed over, beside the ranking mode', async () => {
      const from = `/manage/calls/${callId}/selection`;
      const res = await officer.submit(
        from,
        { intent: 'preview', mode: 'constrained', version: '0', 'min.seniors': '1', maxPerOrganisation: '1' },
        { from, headers: EN },
      );
      assert.equal(res.statusCode, 200);
      const view = await app.services.decisions.selectionView(officerActor, callId, {
        plan: {
          mode: 'constrained',
          partialFloorPercent: null,
          minPerTargetPublic: { seniors: 1 },
          maxPerCommune: null,
          maxPerOrganisation: 1,
          fixed: [],
          justification: '',
        },
        budgetCents: 25_000_000,
      });
      assert.deepEqual(
        view.run.result.selected.map((s) => s.id),
        [ids.ara, ids.habitat, ids.atelier, ids.cpas, ids.extra],
      );
      const arts = view.facts.ranked.find((c) => c.id === ids.arts)!;
      assert.match(
        res.body,
        new RegExp(`Funded ahead of #5 \\(${arts.reference}\\) to cover the public “Older people”`),
      );
      assert.deepEqual(
        view.run.other.selected.map((s) => s.id),
        [ids.ara, ids.habitat, ids.atelier, ids.cpas, ids.arts],
        'the ranking mode is computed beside it',
      );
      assert.equal((await app.services.decisions.selectionView(officerActor, callId)).facts.plan.version, 0);
    });

    test('a fixed amount that breaks a rule is saved only with a justification, and both go to the audit trail', async () => {
      const from = `/manage/calls/${callId}/selection`;
      const fields = { intent: 'save', mode: 'ranking', version: '0', [`fixed.${ids.croix}`]: '11015' };
      const refused = await officer.submit(from, fields, { from, headers: EN });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.body, /This amount breaks a rule: write why it is decided anyway\./);
      assert.equal((await app.services.decisions.selectionView(officerActor, callId)).facts.plan.version, 0);

      const saved = await officer.submit(
        from,
        { ...fields, [`reason.${ids.croix}`]: 'Montant publié par le Ministre.' },
        { from, headers: EN },
      );
      assert.equal(saved.statusCode, 303);
      const view = await app.services.decisions.selectionView(officerActor, callId);
      assert.equal(view.facts.plan.version, 1);
      const stale = await officer.submit(
        from,
        { intent: 'save', mode: 'constrained', version: '0' },
        { from, headers: EN },
      );
      assert.equal(stale.statusCode, 409, 'a save names the version it edited');
      assert.match(stale.body, /Someone saved the plan meanwhile/);
      assert.deepEqual(
        view.run.result.selected.find((s) => s.id === ids.croix),
        { id: ids.croix, amount: 1_101_500, rank: 6, partial: true, reason: 'fixed' },
      );
      assert.deepEqual(view.run.result.violations.map((v) => v.rule).sort(), ['grant.min', 'partialFloor']);
      const [audit] = await app.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'selection.plan-saved'), eq(auditEvents.subjectId, callId)));
      assert.equal(audit?.reason, 'Montant publié par le Ministre.');
      assert.deepEqual((audit?.after as { violations: { rule: string }[] }).violations.map((v) => v.rule).sort(), [
        'grant.min',
        'partialFloor',
      ]);
    });

    test('an open call cannot be decided; once closed, the decision moves every application and sends a letter to each', async () => {
      const from = `/manage/calls/${callId}/decision`;
      const open = await officer.submit(
        from,
        { version: '1', decidingBodyFr: 'Le Gouvernement bruxellois', decidedOn: '2026-11-20' },
        { from, headers: EN },
      );
      assert.equal(open.statusCode, 409);
      assert.match(open.body, /still open to applications/);

      await closeCall(app, callId);
      const missing = await officer.submit(
        from,
        { version: '1', decidingBodyFr: '', decidedOn: '2026-11-20' },
        { from, headers: EN },
      );
      assert.equal(missing.statusCode, 422);
      // A funder that writes in French and Dutch has its decision named in both.
      await app.database.db
        .update(funders)
        .set({ requiredLanguages: ['fr', 'nl'] })
        .where(eq(funders.id, funderId));
      const page = (await officer.get(from, EN)).body;
      assert.match(page, /name="decidingBodyNl"[^>]*lang="nl"|lang="nl"[^>]*name="decidingBodyNl"/);
      const frenchOnly = await officer.submit(
        from,
        { version: '1', decidingBodyFr: 'Le Gouvernement bruxellois', decidedOn: '2026-11-20' },
        { from, headers: EN },
      );
      assert.equal(frenchOnly.statusCode, 409);
      assert.match(frenchOnly.body, /in each language the funder requires/);
      assert.match(frenchOnly.body, /value="Le Gouvernement bruxellois"/, 'what was typed is kept');
      const stale = await officer.submit(
        from,
        {
          version: '0',
          decidingBodyFr: 'Le Gouvernement bruxellois',
          decidingBodyNl: 'De Brusselse Regering',
          decidedOn: '2026-11-20',
        },
        { from, headers: EN },
      );
      assert.equal(stale.statusCode, 409, 'a decision names the plan version it confirms');

      const done = await officer.submit(
        from,
        {
          version: '1',
          decidingBodyFr: 'Le Gouvernement bruxellois',
          decidingBodyNl: 'De Brusselse Regering',
          decidedOn: '2026-11-20',
          signatoryName: 'Camille Dupont',
          signatoryFunctionFr: 'Directrice générale',
          signatoryFunctionNl: 'Directeur-generaal',
          signatoryFunctionEn: 'Director-General',
        },
        { from, headers: EN },
      );
      assert.equal(done.statusCode, 303);
      // The letters follow the decision's commit, written in the background: wait for them.
      await app.services.decisions.issueLetters();
      const letters = await app.database.db
        .select({ letterFileId: decisionOutcomes.letterFileId })
        .from(decisionOutcomes)
        .where(eq(decisionOutcomes.callId, callId));
      assert.equal(
        letters.filter((l) => l.letterFileId).length,
        9,
        'one letter per application, the ineligible one included',
      );
      assert.equal(await app.services.decisions.issueLetters(), 0, 'each letter once');
      const statusOf = async (id: string) => (await app.services.applications.forReview(id)).application.status;
      const statuses = Object.fromEntries(
        await Promise.all(Object.entries(ids).map(async ([k, id]) => [k, await statusOf(id)])),
      );
      assert.deepEqual(statuses, {
        ara: 'selected',
        habitat: 'selected',
        atelier: 'selected',
        cpas: 'selected',
        arts: 'reserve',
        croix: 'selected',
        extra: 'reserve',
        weak: 'rejected',
        ineligible: 'ineligible',
      });
      assert.equal((await app.services.calls.load(officerActor, callId)).record.status, 'decided');

      const mail = (
        await app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, applicants.croix!.email))
      ).find((m) => m.attachments.length > 0);
      assert.equal(
        mail?.subject,
        `Decision on your application ${(await app.services.decisions.selectionView(officerActor, callId)).facts.ranked.find((c) => c.id === ids.croix)!.reference}`,
      );
      assert.equal(mail?.attachments.length, 1);
      const letter = (await pdfText(Buffer.from(mail!.attachments[0]!.base64, 'base64'))).replace(/\s+/g, ' ');
      assert.match(letter, /decided to grant €11,015\.00 to your project “Ensemble, Tous Connectés”/);
      assert.match(letter, /This grant of €11,015\.00 covers part of the €30,000\.00 you requested\./);
      assert.match(letter, /Quality 65 \/ 100 Commentaire du jury sur Ensemble, Tous Connectés\./);
      assert.match(
        letter,
        /For Le Gouvernement bruxellois Camille Dupont, Director-General/,
        'signed, by name and function',
      );
      // Replies go to the funder, which the letter names; the letter says how and by when to contest.
      assert.equal(mail?.replyTo, CONTACT);
      assert.match(letter, /For any question about this decision, write to appels@paradigm\.example\.org\./);
      assert.match(letter, /Rue Royale 2 1000 Bruxelles appels@paradigm\.example\.org/, 'the letterhead');
      const { drawn, alts } = await pdfFigures(Buffer.from(mail!.attachments[0]!.base64, 'base64'));
      assert.equal(drawn, 1, 'the funder’s logo heads the letter');
      assert.equal(alts.length, 1);
      assert.ok(alts[0]!.length > 0, 'the logo is a figure named for screen readers');
      assert.match(letter, /How to contest this decision .*Council of State .* within 60 days of its notification/);
      const delivered = (await app.mailsTo(applicants.croix!.email)).find((m) => m.subject.startsWith('Decision on'));
      assert.equal(delivered?.replyTo, CONTACT, 'the mail as sent carries Reply-To');

      const weak = await applicants.weak!.agent.get(`/applications/${ids.weak}/letter`);
      assert.match(
        (await pdfText(weak.rawPayload)).replace(/\s+/g, ' '),
        /the jury’s scores did not reach the thresholds/,
      );
      assert.match(
        (await applicants.arts!.agent.get(`/applications/${ids.arts}`, EN)).body,
        new RegExp(`href="/applications/${ids.arts}/letter">The decision letter \\(PDF\\)`),
      );
      const download = await applicants.arts!.agent.get(`/applications/${ids.arts}/letter`);
      assert.equal(download.statusCode, 200);
      assert.equal(download.headers['content-type'], 'application/pdf');
      assert.match((await pdfText(download.rawPayload)).replace(/\s+/g, ' '), /reserve list, in position 1\./);
      assert.equal(
        (await applicants.ara!.agent.get(`/applications/${ids.arts}/letter`)).statusCode,
        404,
        'another applicant cannot read the letter',
      );
    });

    test('published results list the funded projects with their amounts, and the 360Giving data validates', async () => {
      const from = `/manage/calls/${callId}/decision`;
      const page = await officer.get(from, EN);
      assert.match(page.body, /projets ont été retenus par Paradigm/, 'the announcement draft is offered');
      // Publishing cannot be taken back: the decision page leads to a page that says what becomes public.
      assert.ok(page.body.includes(`href="/manage/calls/${callId}/results/publish"`), 'a link, not a publishing form');
      const unconfirmed = await officer.submit(`/manage/calls/${callId}/results/publish`, {}, { from, headers: EN });
      assert.equal(unconfirmed.statusCode, 303);
      assert.equal(unconfirmed.headers.location, `/manage/calls/${callId}/results/publish`);
      assert.equal((await app.agent().get(`/calls/${callId}/results`, EN)).statusCode, 404, 'nothing published yet');
      const confirm = await officer.get(`/manage/calls/${callId}/results/publish`, EN);
      assert.equal(confirm.statusCode, 200);
      assert.match(
        confirm.body.replace(/\s/g, ' '),
        /the \d funded projects and their amounts \(€[\d,]+ in all\).*cannot be withdrawn/,
      );
      const fromConfirm = `/manage/calls/${callId}/results/publish`;
      assert.equal(
        (await officer.submit(fromConfirm, { confirmed: 'yes' }, { from: fromConfirm, headers: EN })).statusCode,
        303,
      );
      const results = await app.agent().get(`/calls/${callId}/results`, EN);
      assert.equal(results.statusCode, 200);
      const funded = [...results.body.matchAll(/<h3>([^<]+)<\/h3>\s*<p><strong>[^<]+<\/strong> — ([^<]+)<\/p>/g)].map(
        (m) => [m[1], m[2]!.replace(/\s/g, ' ')],
      );
      assert.deepEqual(funded, [
        ['A digital Home', '€56,904'],
        ['De la maison à l’espace numérique', '€59,970'],
        ['Les Cordonniers du Web', '€46,000'],
        ['De l’accueil vers l’accompagnement numérique', '€40,100'],
        ['Ensemble, Tous Connectés', '€11,015'],
      ]);
      assert.match(results.body, /€213,989 of a budget of €250,000/);
      const dutch = await app.agent().get(`/calls/${callId}/results`, { 'accept-language': 'nl' });
      assert.match(dutch.body, /Beslist door De Brusselse Regering/, 'the deciding body in the page’s language');
      const json = await app.agent().get(`/calls/${callId}/results/360giving.json`);
      const pack = JSON.parse(json.body) as { grants: { amountAwarded: number }[] };
      assertValid(validatePackage, pack, 'the call’s 360Giving package');
      assert.deepEqual(
        pack.grants.map((g) => g.amountAwarded).sort((a, b) => a - b),
        [11015, 40100, 46000, 56904, 59970],
      );
      const csv = await app.agent().get('/open-data/360giving.csv');
      assert.equal(csv.body.trim().split('\n').length, 6, 'the programme-wide feed: a header and one line per grant');
    });

    test('a selected applicant gives up; the officer promotes the reserve that now fits', async () => {
      const from = `/manage/calls/${callId}/decision`;
      const withdrawn = await officer.submit(
        `/manage/calls/${callId}/withdraw-grant`,
        { applicationId: ids.habitat!, [`reason-${ids.habitat}`]: 'L’association renonce.' },
        { from, headers: EN },
      );
      assert.equal(withdrawn.statusCode, 303);
      const view = await app.services.decisions.decisionView(officerActor, callId);
      assert.deepEqual(
        view.proposal.map((o) => [o.candidate.id, o.amountCents]),
        [
          [ids.arts, 3_645_000],
          [ids.extra, 4_500_000],
        ],
      );
      const promoted = await officer.submit(
        `/manage/calls/${callId}/promote`,
        { expected: `${ids.arts},${ids.extra}` },
        { from, headers: EN },
      );
      assert.equal(promoted.statusCode, 303);
      await app.services.decisions.issueLetters();
      const promotedMails = (
        await app.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, applicants.arts!.email))
      ).filter((m) => m.attachments.length > 0);
      assert.equal(promotedMails.length, 2, 'the reserve letter, then the promotion’s');
      const letter = await applicants.arts!.agent.get(`/applications/${ids.arts}/letter`);
      const text = (await pdfText(letter.rawPayload)).replace(/\s+/g, ' ');
      assert.match(
        text,
        /A place has become free: following the decision of Le Gouvernement bruxellois of 20 November 2026, €36,450\.00 is granted to it\./,
      );
      assert.match(text, /ranked 5 of 8/);
      const results = await app.agent().get(`/calls/${callId}/results`, EN);
      assert.doesNotMatch(results.body, /De la maison à l’espace numérique/);
      assert.match(results.body, /XPlay/);
      assert.match(results.body, /Écrans partagés/);
      const again = await officer.submit(
        `/manage/calls/${callId}/promote`,
        { expected: `${ids.arts},${ids.extra}` },
        { from, headers: EN },
      );
      assert.equal(again.statusCode, 409, 'a promotion is not applied twice');
    });
  });
}
