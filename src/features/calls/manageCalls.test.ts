import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import type { Actor } from '../../domain/access.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';
import { funders } from '../../platform/identity/schema.ts';
import { SAMPLE_EXE, SAMPLE_PDF } from '../../../test/helpers/samples.ts';
import { expectOk } from '../../domain/refusal.ts';

const NEW_CALL = {
  code: 'TEST',
  titleFr: 'Appel de test',
  summaryFr: 'Un appel pour tester.',
  descriptionFr: 'Description.',
  budget: '250.000,00',
  grantMin: '30 000',
  grantMax: '60.000',
  coFundingMaxPercent: '80',
  opensDate: '2026-01-05',
  opensTime: '09:00',
  closesDate: '2099-03-30',
  closesTime: '12:00',
};

for (const backend of backends()) {
  describe(`managing calls on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Agent;
    let funderId: string;
    let otherFunderId: string;
    let admin: Actor;
    const withRole = async (role: 'officer' | 'juror' | 'applicant' | 'administrator', funder: string) => {
      const person = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId: funder, email: person.email, role }));
      return person.agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(
        await app.services.admin.createFunder({ actor: admin, slug: 'f1', name: { fr: 'Pouvoir 1' } }),
      );
      otherFunderId = expectOk(
        await app.services.admin.createFunder({ actor: admin, slug: 'f2', name: { fr: 'Pouvoir 2' } }),
      );
      officer = await withRole('officer', funderId);
    });
    after(() => app.close());

    test('an officer creates a call: money in Belgian formats, deadline in Brussels time', async () => {
      const res = await officer.submit(
        '/manage/calls',
        { ...NEW_CALL, funderId, targetPublics: 'homeless' },
        { from: '/manage/calls/new' },
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const id = /\/manage\/calls\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
      const { call, form } = await app.services.calls.callForManagement(
        { userId: admin.userId, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] },
        id,
      );
      assert.equal(call.budgetCents, 25_000_000);
      assert.equal(call.grantMinCents, 3_000_000);
      assert.equal(call.grantMaxCents, 6_000_000);
      assert.equal(call.coFundingMaxPercent, 80);
      assert.equal(
        call.closesAt!.toISOString(),
        '2099-03-30T10:00:00.000Z',
        'noon in Brussels summer time is 10:00 UTC',
      );
      assert.deepEqual(call.targetPublics, ['homeless']);
      assert.equal(call.status, 'draft');
      assert.ok(form.sections.length > 0, 'a new call starts from the standard form');
    });

    test('mistakes come back next to the fields, with what was typed', async () => {
      const res = await officer.submit(
        '/manage/calls',
        { ...NEW_CALL, code: 'X', funderId, budget: '12,345,67', grantMin: '70 000', closesDate: '2099-02-30' },
        { from: '/manage/calls/new', headers: { 'accept-language': 'en' } },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Use 2 to 10 capital letters or digits/);
      assert.match(res.body, /Enter an amount like 56 904/);
      assert.match(res.body, /value="12,345,67"/);
      const taken = await officer.submit(
        '/manage/calls',
        { ...NEW_CALL, funderId },
        { from: '/manage/calls/new', headers: { 'accept-language': 'en' } },
      );
      assert.equal(taken.statusCode, 422);
      assert.match(taken.body, /Another call already uses this code/);
    });

    test('the call form reports every error at once: the code, the budget, the dates and the grant range', async () => {
      const res = await officer.submit(
        '/manage/calls',
        {
          ...NEW_CALL,
          funderId,
          code: 'x',
          budget: 'beaucoup',
          grantMin: '60 000',
          grantMax: '30 000',
          opensDate: '2026-02-30',
          closesDate: '2099-01-01',
        },
        { from: '/manage/calls/new', headers: { 'accept-language': 'en' } },
      );
      assert.equal(res.statusCode, 422);
      for (const field of ['code', 'budget', 'opensDate', 'grantMax'])
        assert.match(res.body, new RegExp(`href="#field-${field}"`), `${field} is in the summary`);
    });

    test('the form builder adds, moves and removes questions, and refuses a broken form', async () => {
      const [call] = (
        await app.services.calls.managedCalls({
          userId: admin.userId,
          isPlatformAdmin: false,
          grants: [{ funderId, role: 'officer' }],
        })
      )
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      const base = `/manage/calls/${call!.id}/form`;
      const version = () =>
        app.services.calls
          .callForManagement(
            { userId: admin.userId, isPlatformAdmin: false, grants: [{ funderId, role: 'officer' }] },
            call!.id,
          )
          .then((m) => m);
      let managed = await version();
      const add = await officer.submit(
        `${base}/fields`,
        {
          sectionId: 'project',
          id: 'partners',
          type: 'multi-choice',
          labelFr: 'Partenaires',
          options: 'CPAS / OCMW / Public welfare centre\nÉcole / School',
          version: String(managed.call.version),
        },
        { from: base },
      );
      assert.equal(add.statusCode, 303);
      managed = await version();
      const field = managed.form.sections[0]!.fields.at(-1)!;
      assert.equal(field.id, 'partners');
      assert.deepEqual(field.type === 'multi-choice' && field.options.map((o) => o.value), ['cpas', 'ecole']);

      const up = await officer.submit(
        `${base}/fields/partners/up`,
        { version: String(managed.call.version) },
        { from: base },
      );
      assert.equal(up.statusCode, 303);
      managed = await version();
      assert.equal(managed.form.sections[0]!.fields.at(-2)!.id, 'partners');

      const oneOption = await officer.submit(
        `${base}/fields`,
        {
          sectionId: 'project',
          id: 'solo',
          type: 'single-choice',
          labelFr: 'Seul',
          options: 'Un',
          version: String(managed.call.version),
        },
        { from: base, headers: { 'accept-language': 'en' } },
      );
      assert.equal(oneOption.statusCode, 422);
      assert.match(oneOption.body, /a choice needs at least two options/);

      const stale = await officer.submit(
        `${base}/fields/partners/remove`,
        { version: String(managed.call.version - 1) },
        { from: base },
      );
      assert.equal(stale.statusCode, 409, 'a change based on an old version is refused');
      const removed = await officer.submit(
        `${base}/fields/partners/remove`,
        { version: String(managed.call.version) },
        { from: base },
      );
      assert.equal(removed.statusCode, 303);
      assert.ok(!(await version()).form.sections.some((s) => s.fields.some((f) => f.id === 'partners')));

      const preview = await officer.get(`/manage/calls/${call!.id}/preview`);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Summary of the project/, 'in the officer’s language');
    });

    test('criteria: eligibility, weighted evaluation, documents and tranches that add up to 100 %', async () => {
      const asOfficer = {
        userId: admin.userId,
        isPlatformAdmin: false,
        grants: [{ funderId, role: 'officer' as const }],
      };
      const [call] = (await app.services.calls.managedCalls(asOfficer))
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      const url = `/manage/calls/${call!.id}/criteria`;
      const version = String((await app.services.calls.callForManagement(asOfficer, call!.id)).call.version);
      const rows = {
        'elig.0.labelFr': 'Être une ASBL bruxelloise',
        'elig.0.explFr': 'Siège en Région de Bruxelles-Capitale',
        'eval.0.nameFr': 'Pertinence',
        'eval.0.max': '20',
        'eval.0.weight': '2',
        'eval.0.threshold': '25',
        'eval.1.nameFr': 'Faisabilité',
        'eval.1.max': 'dix',
        'eval.1.weight': '1',
        'doc.0.labelFr': 'Statuts',
        'tranche.0.percent': '80',
        'tranche.0.trigger': 'signature',
        'tranche.1.percent': '10',
        'tranche.1.trigger': 'final-report',
        overallThreshold: '60',
        version,
      };
      const bad = await officer.submit(url, rows, { from: url, headers: { 'accept-language': 'en' } });
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /The minimum must lie between 0 and the maximum score/);
      assert.match(bad.body, /The tranches must add up to 100 %/);
      assert.match(bad.body, /value="dix"/, 'what was typed comes back');
      const good = await officer.submit(
        url,
        { ...rows, 'eval.0.threshold': '10', 'eval.1.max': '10', 'tranche.1.percent': '20' },
        { from: url },
      );
      assert.equal(good.statusCode, 303);
      const saved = (await app.services.calls.callForManagement(asOfficer, call!.id)).call;
      assert.deepEqual(
        saved.evaluationCriteria.map((c) => [c.name.fr, c.maxScore, c.weight, c.threshold]),
        [
          ['Pertinence', 20, 2, 10],
          ['Faisabilité', 10, 1, null],
        ],
      );
      assert.deepEqual(saved.tranchePlan, [
        { percent: 80, trigger: 'signature' },
        { percent: 20, trigger: 'final-report' },
      ]);
      assert.equal(saved.overallThreshold, 60);
      const ids = saved.evaluationCriteria.map((c) => c.id);
      const page = await officer.get(url);
      const again = await officer.submit(
        url,
        {
          ...rows,
          'eval.0.id': ids[0]!,
          'eval.1.id': ids[1]!,
          'eval.0.threshold': '12',
          'eval.1.max': '10',
          'tranche.1.percent': '20',
          version: String(saved.version),
        },
        { from: url },
      );
      assert.equal(again.statusCode, 303, page.statusCode === 200 ? 'edited' : 'page');
      assert.deepEqual(
        (await app.services.calls.callForManagement(asOfficer, call!.id)).call.evaluationCriteria.map((c) => c.id),
        ids,
        'criteria keep their ids when edited',
      );
    });

    test('publishing makes the call public; the public page shows it', async () => {
      const [call] = (
        await app.services.calls.managedCalls({
          userId: admin.userId,
          isPlatformAdmin: false,
          grants: [{ funderId, role: 'officer' }],
        })
      )
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      assert.equal((await app.agent().get(`/calls/${call!.id}`)).statusCode, 404, 'a draft is not public');
      const published = await officer.submit(
        `/manage/calls/${call!.id}/publish`,
        {},
        { from: `/manage/calls/${call!.id}` },
      );
      assert.equal(published.statusCode, 303);
      assert.equal((await app.agent().get(`/calls/${call!.id}`)).statusCode, 200);
    });

    test('public Q&A and call documents', async () => {
      const asOfficer = {
        userId: admin.userId,
        isPlatformAdmin: false,
        grants: [{ funderId, role: 'officer' as const }],
      };
      const [call] = (await app.services.calls.managedCalls(asOfficer))
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      const publicPage = `/calls/${call!.id}`;
      const asker = await app.signedIn();
      const asked = await asker.agent.submit(
        `${publicPage}/questions`,
        { question: 'Les CPAS peuvent-ils répondre, Marie Dupont ?' },
        { from: publicPage },
      );
      assert.equal(asked.statusCode, 303);
      assert.doesNotMatch(
        (await app.agent().get(publicPage)).body,
        /Les CPAS peuvent-ils/,
        'not public before an answer',
      );
      const desk = await officer.get(`/manage/calls/${call!.id}/questions`);
      const questionId = /questions\/([0-9a-f-]{36})\/answer/.exec(desk.body)![1]!;
      const answerUrl = `/manage/calls/${call!.id}/questions/${questionId}/answer`;
      await app.database.db
        .update(funders)
        .set({ requiredLanguages: ['fr', 'nl'] })
        .where(eq(funders.id, funderId));
      const frenchOnly = await officer.submit(
        answerUrl,
        { questionFr: 'Les CPAS peuvent-ils répondre ?', answerFr: 'Oui, avec un projet distinct.' },
        { from: `/manage/calls/${call!.id}/questions`, headers: { 'accept-language': 'en' } },
      );
      assert.equal(frenchOnly.statusCode, 422, 'the funder publishes in French and Dutch');
      assert.match(frenchOnly.body, /each of the funder’s languages/);
      assert.match(frenchOnly.body, /Oui, avec un projet distinct\./, 'what was typed is kept');
      const answered = await officer.submit(
        answerUrl,
        {
          questionFr: 'Les CPAS peuvent-ils répondre ?',
          answerFr: 'Oui, avec un projet distinct.',
          questionNl: 'Mogen OCMW’s antwoorden?',
          answerNl: 'Ja, met een apart project.',
        },
        { from: `/manage/calls/${call!.id}/questions` },
      );
      assert.equal(answered.statusCode, 303);
      const dutch = await app.agent().get(publicPage, { 'accept-language': 'nl' });
      assert.match(dutch.body, /Ja, met een apart project\./, 'the Dutch page shows the Dutch answer');
      const page = await app.agent().get(publicPage);
      assert.match(page.body, /Les CPAS peuvent-ils répondre \?/);
      assert.doesNotMatch(page.body, /Marie Dupont/, 'the officer reworded it before publishing');
      assert.match(page.body, /Oui, avec un projet distinct/);
      assert.match((await app.mailsTo(asker.email)).at(-1)!.text, /Oui, avec un projet distinct/);
      const stranger = await app.signedIn();
      assert.equal(
        (
          await stranger.agent.submit(
            `/manage/calls/${call!.id}/questions/${questionId}/answer`,
            { answer: 'x' },
            { from: '/account' },
          )
        ).statusCode,
        403,
        'a published call is public: a stranger sees it but may not answer its questions',
      );

      const exe = await officer.submitFile(
        `/manage/calls/${call!.id}/documents`,
        { labelFr: 'Guide' },
        { field: 'file', name: 'guide.pdf', bytes: SAMPLE_EXE },
        { from: `/manage/calls/${call!.id}/questions` },
      );
      assert.equal(exe.statusCode, 422);
      const pdf = await officer.submitFile(
        `/manage/calls/${call!.id}/documents`,
        { labelFr: 'Guide du candidat' },
        { field: 'file', name: 'guide.pdf', bytes: SAMPLE_PDF },
        { from: `/manage/calls/${call!.id}/questions` },
      );
      assert.equal(pdf.statusCode, 303);
      const withDoc = await app.agent().get(publicPage, { 'accept-language': 'fr' });
      const href = /href="(\/calls\/[^"]+\/documents\/[0-9a-f-]{36})"/.exec(withDoc.body)![1]!;
      assert.deepEqual(
        (await app.agent().get(href)).rawPayload,
        SAMPLE_PDF,
        'anyone downloads a public call’s documents',
      );
      assert.match(withDoc.body, /Clôture dans [\d\u202f\u00a0 ]+ jours/, 'a countdown in Brussels time');
    });

    test('editing a call moves its deadline, and the audit trail still verifies', async () => {
      const asOfficer = {
        userId: admin.userId,
        isPlatformAdmin: false,
        grants: [{ funderId, role: 'officer' as const }],
      };
      const [call] = (await app.services.calls.managedCalls(asOfficer))
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      const version = String((await app.services.calls.callForManagement(asOfficer, call!.id)).call.version);
      const unexplained = await officer.submit(
        `/manage/calls/${call!.id}`,
        { ...NEW_CALL, funderId, closesDate: '2099-04-15', targetPublics: 'homeless', version },
        { from: `/manage/calls/${call!.id}` },
      );
      assert.equal(unexplained.statusCode, 422, 'a published call is corrected with a note');
      assert.match(unexplained.body, /say what you correct and why/);
      const res = await officer.submit(
        `/manage/calls/${call!.id}`,
        {
          ...NEW_CALL,
          funderId,
          closesDate: '2099-04-15',
          targetPublics: 'homeless',
          version,
          correctionFr: 'Échéance prolongée de deux semaines.',
        },
        { from: `/manage/calls/${call!.id}` },
      );
      assert.equal(res.statusCode, 303);
      const publicPage = (await app.agent().get(`/calls/${call!.id}`, { 'accept-language': 'fr' })).body;
      assert.match(publicPage, /Cet appel a été corrigé après sa publication/);
      assert.match(
        publicPage,
        /dates<br\/>Échéance prolongée de deux semaines\./,
        'the correction, its part and its note',
      );
      assert.equal(
        (await app.services.calls.callForManagement(asOfficer, call!.id)).call.closesAt!.toISOString(),
        '2099-04-15T10:00:00.000Z',
      );
      const stale = await officer.submit(
        `/manage/calls/${call!.id}`,
        { ...NEW_CALL, funderId, version },
        { from: `/manage/calls/${call!.id}` },
      );
      assert.equal(stale.statusCode, 409, 'an edit from an old version is refused');
      assert.deepEqual(
        (await verifyAuditChain(app.database.db)).ok,
        true,
        'before/after summaries with dates hash as stored',
      );
    });

    test('who may manage a call: only the officers and administrators of its funder', async () => {
      const [call] = (
        await app.services.calls.managedCalls({
          userId: admin.userId,
          isPlatformAdmin: false,
          grants: [{ funderId, role: 'officer' }],
        })
      )
        .map((c) => c.record)
        .filter((c) => c.code === 'TEST');
      const url = `/manage/calls/${call!.id}`;
      assert.equal((await app.agent().get(url)).statusCode, 303, 'the public is asked to sign in');
      for (const [role, funder] of [
        ['officer', otherFunderId],
        ['juror', funderId],
        ['applicant', funderId],
      ] as const) {
        const agent = await withRole(role, funder);
        // The call is published: they may read it, not manage it.
        assert.equal((await agent.get(url)).statusCode, 403, `${role}: the call's management is not theirs`);
        const post = await agent.submit(`${url}/form/fields/summary/remove`, { version: '1' }, { from: '/account' });
        assert.equal(post.statusCode, 403, `${role}: nor can they change it`);
      }
      const funderAdmin = await withRole('administrator', funderId);
      assert.equal((await funderAdmin.get(url)).statusCode, 200);
    });
  });
}
