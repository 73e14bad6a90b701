import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import {
  SAMPLE_EXE,
  SAMPLE_PDF,
  VALID_ORGANISATION,
  STANDARD_BUDGET as BUDGET,
  STANDARD_PROJECT as PROJECT,
} from '../../../test/helpers/samples.ts';
import type { Actor } from '../../domain/access.ts';
import { standardForm } from '../../domain/forms/template.ts';
import { upsertField } from '../../domain/forms/edit.ts';
import { expectOk } from '../../domain/refusal.ts';
import { applications as applicationsTable } from './schema.ts';

const NOW = Date.now();
const DAY = 86_400_000;

for (const backend of backends()) {
  describe(`applications on ${backend.name}`, () => {
    let app: TestApp;
    let admin: Actor;
    let officer: Actor;
    let officerAgent: Agent;
    let funderId: string;
    let callId: string;
    let n = 0;

    /** A member of a fresh organisation, signed in. */
    const applicant = async () => {
      const person = await app.signedIn();
      const base = String(10_000_000 + ++n * 7);
      const number = `${base}${String(97 - (Number(base) % 97)).padStart(2, '0')}`;
      const created = await person.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, name: `Asbl ${n}`, enterpriseNumber: number },
        { from: '/organisations/new' },
      );
      assert.equal(created.statusCode, 303, `organisation: ${number}`);
      const organisationId = /\/organisations\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
      return { ...person, organisationId };
    };
    const start = async (who: Awaited<ReturnType<typeof applicant>>, title = 'Projet') => {
      const res = await who.agent.submit(`/calls/${callId}/apply`, { organisationId: who.organisationId, title });
      assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      return /\/applications\/([0-9a-f-]{36})/.exec(String(res.headers.location))![1]!;
    };
    const fill = async (who: Agent, id: string) => {
      const page = await who.get(`/applications/${id}/sections/project`);
      const v = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      const one = await who.submit(
        `/applications/${id}/sections/project`,
        { ...PROJECT, version: v },
        { from: `/applications/${id}/sections/project` },
      );
      assert.equal(one.statusCode, 303);
      const page2 = await who.get(`/applications/${id}/sections/budget`);
      const v2 = /name="version" value="(\d+)"/.exec(page2.body)![1]!;
      const two = await who.submit(
        `/applications/${id}/sections/budget`,
        { ...BUDGET, version: v2 },
        { from: `/applications/${id}/sections/budget` },
      );
      assert.equal(two.statusCode, 303);
    };

    before(async () => {
      app = await buildTestApp(backend);
      admin = (await app.signedIn({ platformAdmin: true })).actor;
      funderId = expectOk(await app.services.admin.createFunder({ actor: admin, slug: 'bee', name: { fr: 'BEE' } }));
      const officerPerson = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({ actor: admin, funderId, email: officerPerson.email, role: 'officer' }),
      );
      officer = { ...officerPerson.actor, grants: [{ funderId, role: 'officer' }] };
      officerAgent = officerPerson.agent;
      const form = upsertField(standardForm(), 'budget', {
        id: 'annex',
        type: 'file',
        required: false,
        label: { fr: 'Annexe' },
      });
      callId = expectOk(
        await app.services.calls.createCall({
          actor: officer,
          form,
          call: {
            funderId,
            code: 'BEE',
            title: { fr: 'Former les Bruxellois au numérique' },
            summary: { fr: 's' },
            description: { fr: 'd' },
            budgetCents: 60_000_000,
            grantMinCents: 1_000_000,
            grantMaxCents: 6_000_000,
            coFundingMaxPercent: 80,
            opensAt: new Date(NOW - DAY),
            closesAt: new Date(NOW + 30 * DAY),
            targetPublics: ['seniors', 'women'],
          },
        }),
      );
      expectOk(await app.services.calls.publishCall({ actor: officer, callId }));
    });
    after(() => app.close());

    test('an applicant drafts, is shown what is missing, submits, gets a reference and a receipt by mail', async () => {
      const who = await applicant();
      const id = await start(who, 'Clavier pour tous');
      const page = await who.agent.get(`/applications/${id}/sections/project`, { 'accept-language': 'en' });
      const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      const draft = await who.agent.submit(
        `/applications/${id}/sections/project`,
        { title: 'Clavier pour tous', 'a.summary': 'Un début', 'a.participants.seniors': 'douze', version },
        { from: `/applications/${id}/sections/project` },
      );
      // "douze" cannot be read as a number: refused where it was typed, shown back to be corrected; the rest is saved.
      assert.equal(draft.statusCode, 422, 'an unreadable value is refused, not saved with "Saved."');
      assert.match(draft.body, /value="douze"/, 'nothing typed is lost');
      assert.match(draft.body, /Enter whole numbers of participants/);
      const again = await who.agent.get(`/applications/${id}/sections/project`);
      assert.match(again.body, /Un début/, 'the readable answers are saved');
      assert.doesNotMatch(again.body, /value="douze"/, 'the unreadable one is not');

      const overview = await who.agent.get(`/applications/${id}`);
      assert.match(overview.body, /Communes served/, 'the checklist names what is missing');
      assert.doesNotMatch(
        overview.body,
        /action="\/applications\/[^"]+\/submit"/,
        'no submit button while answers are missing',
      );
      const early = await who.agent.submit(`/applications/${id}/submit`, {}, { from: `/applications/${id}` });
      assert.equal(early.statusCode, 422);

      await fill(who.agent, id);
      const ready = await who.agent.get(`/applications/${id}`);
      assert.match(ready.body, /Everything required is answered/);
      const submitted = await who.agent.submit(`/applications/${id}/submit`, {}, { from: `/applications/${id}` });
      assert.equal(submitted.statusCode, 303);
      const receipt = await who.agent.get(`/applications/${id}/receipt`);
      const reference = /BEE-\d{4}-\d{4}/.exec(receipt.body)?.[0];
      assert.ok(reference, 'a reference number');
      const hash = /[0-9a-f]{64}/.exec(receipt.body)?.[0];
      const mail = (await app.mailsTo(who.email)).at(-1)!;
      assert.match(mail.subject, new RegExp(reference));
      assert.ok(mail.text.includes(hash!), 'the mail carries the SHA-256 of the frozen answers');
      assert.match(mail.text, /Brussels time/);

      const view = await app.services.applications.view(who.actor, id);
      assert.equal(view.application.status, 'submitted');
      assert.equal(view.application.requestedCents, 4_000_000);
      const late = await who.agent.submit(
        `/applications/${id}/sections/project`,
        { ...PROJECT, version: String(view.application.version) },
        { from: `/applications/${id}` },
      );
      assert.equal(late.statusCode, 409, 'a submitted application is read-only');
    });

    test('two members save the same version: one wins, the other is refused with both inputs shown', async () => {
      const who = await applicant();
      const id = await start(who);
      const colleague = await app.signedIn();
      await app.services.organisations.inviteMember({
        actor: who.actor,
        organisationId: who.organisationId,
        email: colleague.email,
        role: 'member',
        locale: 'en',
      });
      const link = (await app.mailsTo(colleague.email)).at(-1)!.text.match(/https?:\/\/\S+/)![0];
      await colleague.agent.get(new URL(link).pathname + new URL(link).search);
      const version = String((await app.services.applications.view(who.actor, id)).application.version);
      const first = await who.agent.submit(
        `/applications/${id}/sections/project`,
        { 'a.summary': 'Version de Marie', version },
        { from: `/applications/${id}` },
      );
      assert.equal(first.statusCode, 303);
      const second = await colleague.agent.submit(
        `/applications/${id}/sections/project`,
        { 'a.summary': 'Version de Jan', version },
        { from: `/applications/${id}`, headers: { 'accept-language': 'en' } },
      );
      assert.equal(second.statusCode, 409);
      assert.match(second.body, />Version de Jan</, 'their own input is kept in the field');
      assert.match(second.body, /Saved meanwhile by someone else: Version de Marie/);
      assert.equal(
        (await app.services.applications.view(who.actor, id)).application.rawAnswers.summary,
        'Version de Marie',
        'nothing was overwritten',
      );

      const autosave = await colleague.agent.request({
        method: 'POST',
        url: `/applications/${id}/sections/project/autosave`,
        payload: new URLSearchParams({
          _csrf: await colleague.agent.csrfFrom(`/applications/${id}`),
          'a.summary': 'x',
          version,
        }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(autosave.statusCode, 409);
      assert.equal(autosave.json().status, 'conflict');
    });

    test('a submission does not wait behind the autosaves in flight', async () => {
      const submitter = await applicant();
      const ready = await start(submitter);
      await fill(submitter.agent, ready);
      const typist = await applicant();
      const draft = await start(typist);
      const { applications } = app.services;
      const { version } = (await applications.view(typist.actor, draft)).application;
      const done: string[] = [];
      const autosave = (i: number) =>
        applications
          .autosave({
            actor: typist.actor,
            applicationId: draft,
            version,
            section: { id: 'project', body: { 'a.summary': `Frappe ${i}` } },
          })
          .then((result) => done.push(`autosave ${expectOk(result).status}`));
      const submit = () =>
        applications
          .submitApplication({ actor: submitter.actor, applicationId: ready })
          .then((receipt) => done.push(expectOk(receipt) && 'submitted'));
      let autosaves: Promise<number>[];
      if (backend.name === 'postgres') {
        // The draft's row is held locked, so the autosaves wait on it, each on a connection: without the lane
        // they would take the whole pool and the submission, of another application, would wait for the lock.
        let release = () => undefined as void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let locked = () => undefined as void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const holder = app.database.db.transaction(async (tx) => {
          await tx
            .select({ id: applicationsTable.id })
            .from(applicationsTable)
            .where(eq(applicationsTable.id, draft))
            .for('update');
          locked();
          await held;
        });
        await lockTaken;
        autosaves = Array.from({ length: 30 }, (_, i) => autosave(i));
        const timeout = setTimeout(release, 10_000);
        await submit();
        clearTimeout(timeout);
        assert.deepEqual(done, ['submitted'], 'the submission went through while every autosave still waited');
        release();
        await holder;
      } else {
        // PGlite runs one query at a time, in turn: a submission made just after a wave of autosaves is
        // through before most of them, not after them all.
        autosaves = Array.from({ length: 30 }, (_, i) => autosave(i));
        await submit();
        assert.ok(done.length < 10, `the submission came after ${done.length - 1} of 30 autosaves`);
      }
      await Promise.all(autosaves);
      assert.deepEqual(
        done.filter((d) => d !== 'submitted').sort(),
        [...Array<string>(29).fill('autosave conflict'), 'autosave saved'],
        'one save of the version they started from, the others refused as stale',
      );
    });

    test('the deadline is an instant: one second late is refused', async () => {
      const who = await applicant();
      const id = await start(who);
      await fill(who.agent, id);
      const { call } = await app.services.calls.applicationContext(callId);
      const late = await app.services.applications.submitApplication({
        actor: who.actor,
        applicationId: id,
        now: new Date(call.closesAt!.getTime() + 1000),
      });
      assert.deepEqual(late, { ok: false, refusals: ['call-closed'] });
      assert.deepEqual(
        await app.services.applications.submitApplication({ actor: who.actor, applicationId: id, now: call.closesAt! }),
        { ok: false, refusals: ['call-closed'] },
        'at the deadline itself is late',
      );
      const receipt = expectOk(
        await app.services.applications.submitApplication({
          actor: who.actor,
          applicationId: id,
          now: new Date(call.closesAt!.getTime() - 1000),
        }),
      );
      assert.match(receipt.reference, /^BEE-/);
    });

    test('who may see and change an application', async () => {
      const owner = await applicant();
      const other = await applicant();
      const id = await start(owner);
      const url = `/applications/${id}`;
      assert.equal((await other.agent.get(url)).statusCode, 404, 'another organisation cannot read it');
      assert.equal(
        (
          await other.agent.submit(
            `${url}/sections/project`,
            { 'a.summary': 'pirate', version: '1' },
            { from: '/applications' },
          )
        ).statusCode,
        404,
      );
      assert.equal(
        (await app.services.applications.view(owner.actor, id)).application.rawAnswers.summary,
        undefined,
        'and cannot change it',
      );
      assert.equal((await app.agent().get(url)).statusCode, 303, 'the public is asked to sign in');
      const juror = await app.signedIn();
      expectOk(await app.services.admin.grantRole({ actor: admin, funderId, email: juror.email, role: 'juror' }));
      assert.equal((await juror.agent.get(url)).statusCode, 404, 'a juror reads no draft');
      assert.equal((await officerAgent.get(url)).statusCode, 404, 'the officer does not read drafts either');
      await fill(owner.agent, id);
      await app.services.applications.submitApplication({ actor: owner.actor, applicationId: id });
      assert.equal((await officerAgent.get(url)).statusCode, 200, 'once submitted, the officer reads it');
      await owner.agent.submitFile(
        `/organisations/${owner.organisationId}/documents`,
        { kind: 'statutes' },
        { field: 'file', name: 'statuts.pdf', bytes: SAMPLE_PDF },
        { from: `/organisations/${owner.organisationId}` },
      );
      const shelf = (await app.services.applications.view(officer, id)).organisationDocuments;
      assert.equal(shelf.length, 1, 'the organisation’s documents come with each of its applications');
      assert.deepEqual((await officerAgent.get(shelf[0]!.href)).rawPayload, SAMPLE_PDF);
      assert.equal((await juror.agent.get(shelf[0]!.href)).statusCode, 404);
      assert.equal(
        (await juror.agent.get(url)).statusCode,
        404,
        'a juror still does not (assignment comes with the jury)',
      );
      const otherFunder = expectOk(
        await app.services.admin.createFunder({
          actor: admin,
          slug: `other-${n}`,
          name: { fr: 'Autre' },
        }),
      );
      const stranger = await app.signedIn();
      expectOk(
        await app.services.admin.grantRole({
          actor: admin,
          funderId: otherFunder,
          email: stranger.email,
          role: 'officer',
        }),
      );
      assert.equal((await stranger.agent.get(url)).statusCode, 404, 'an officer of another funder cannot');
    });

    test('attachments are checked by content and served only to those who may see the application', async () => {
      const who = await applicant();
      const id = await start(who);
      const exe = await who.agent.submitFile(
        `/applications/${id}/files?field=annex`,
        { section: 'budget' },
        { field: 'file', name: 'annexe.pdf', bytes: SAMPLE_EXE },
        { from: `/applications/${id}/sections/budget` },
      );
      assert.equal(exe.statusCode, 422);
      const pdf = await who.agent.submitFile(
        `/applications/${id}/files?field=annex`,
        { section: 'budget' },
        { field: 'file', name: 'annexe.pdf', bytes: SAMPLE_PDF },
        { from: `/applications/${id}/sections/budget` },
      );
      assert.equal(pdf.statusCode, 303);
      const view = await app.services.applications.view(who.actor, id);
      const file = view.files.annex![0]!;
      assert.deepEqual((await who.agent.get(file.href)).rawPayload, SAMPLE_PDF);
      assert.equal((await (await applicant()).agent.get(file.href)).statusCode, 404);
      assert.equal((await officerAgent.get(file.href)).statusCode, 404, 'not even the officer, while it is a draft');
    });

    test('return for completion: only the reopened fields change, both versions stay on record', async () => {
      const who = await applicant();
      const id = await start(who);
      await fill(who.agent, id);
      await app.services.applications.submitApplication({ actor: who.actor, applicationId: id });
      const due = new Date(NOW + 5 * DAY);
      const ret = await officerAgent.submit(
        `/manage/applications/${id}/return`,
        {
          message: 'Précisez le résumé.',
          openFields: 'summary',
          dueDate: due.toISOString().slice(0, 10),
          dueTime: '12:00',
        },
        { from: `/applications/${id}` },
      );
      assert.equal(ret.statusCode, 303, ret.body.slice(0, 300));
      assert.match((await app.mailsTo(who.email)).at(-1)!.text, /Précisez le résumé/);
      let view = await app.services.applications.view(who.actor, id);
      assert.equal(view.application.status, 'returned');
      const saved = await who.agent.submit(
        `/applications/${id}/sections/project`,
        { ...PROJECT, 'a.summary': 'Résumé précisé', 'a.communes': '21001', version: String(view.application.version) },
        { from: `/applications/${id}` },
      );
      assert.equal(saved.statusCode, 303);
      view = await app.services.applications.view(who.actor, id);
      assert.equal(view.application.rawAnswers.summary, 'Résumé précisé');
      assert.deepEqual(view.application.rawAnswers.communes, ['21015', '21004'], 'a field not reopened is unchanged');
      await app.services.applications.submitApplication({ actor: who.actor, applicationId: id });
      const officerView = await app.services.applications.view(officer, id);
      assert.equal(officerView.submissions.length, 2);
      assert.notEqual(officerView.submissions[0]!.sha256, officerView.submissions[1]!.sha256);
      assert.equal(officerView.application.reference, view.application.reference, 'the reference is kept');
    });

    test('withdrawing needs a reason and is final', async () => {
      const who = await applicant();
      const id = await start(who);
      assert.equal(
        (await who.agent.submit(`/applications/${id}/withdraw`, { reason: '' }, { from: `/applications/${id}` }))
          .statusCode,
        422,
      );
      assert.equal(
        (
          await who.agent.submit(
            `/applications/${id}/withdraw`,
            { reason: 'Projet reporté' },
            { from: `/applications/${id}` },
          )
        ).statusCode,
        303,
      );
      const view = await app.services.applications.view(who.actor, id);
      assert.equal(view.application.status, 'withdrawn');
      assert.equal(view.application.withdrawnReason, 'Projet reporté');
    });

    test('the officer’s inbox: funnel, filters, French and Dutch search, exports', async () => {
      const who = await applicant();
      const id = await start(who, 'Digitale vaardigheden voor vrouwen');
      await fill(who.agent, id);
      await app.services.applications.submitApplication({ actor: who.actor, applicationId: id });
      const inbox = await app.services.applications.inbox(officer, callId, {});
      assert.ok(inbox.counts.draft! >= 1, 'drafts are counted in the funnel');
      assert.ok(!inbox.rows.some((r) => r.status === 'draft'), 'but not listed');
      const byDutch = await app.services.applications.inbox(officer, callId, { q: 'vrouw' });
      assert.deepEqual(
        byDutch.rows.map((r) => r.id),
        [id],
        'Dutch stemming finds “vrouwen”',
      );
      const byFrench = await app.services.applications.inbox(officer, callId, { q: 'atelier' });
      assert.ok(
        byFrench.rows.some((r) => r.id === id),
        'French stemming finds “ateliers”',
      );
      assert.ok(
        (
          await app.services.applications.inbox(officer, callId, {
            commune: '21015',
            minCents: 4_000_000,
            maxCents: 4_000_000,
          })
        ).rows.some((r) => r.id === id),
      );
      assert.ok(
        !(await app.services.applications.inbox(officer, callId, { commune: '21001' })).rows.some((r) => r.id === id),
      );
      const page = await officerAgent.get(`/manage/calls/${callId}/applications?q=vrouw`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Digitale vaardigheden voor vrouwen/);

      const csv = await officerAgent.get(`/manage/calls/${callId}/applications.csv`, { 'accept-language': 'fr' });
      assert.equal(csv.statusCode, 200);
      assert.ok(csv.body.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
      assert.match(csv.body, /Digitale vaardigheden voor vrouwen;/);
      assert.match(csv.body, /Bruxelles, Schaerbeek/, 'communes by name, in reference order');
      const xlsx = await officerAgent.get(`/manage/calls/${callId}/applications.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip');
      const juror = await app.signedIn();
      assert.equal(
        (await juror.agent.get(`/manage/calls/${callId}/applications.csv`)).statusCode,
        403, // the call is public: its officers' exports are refused, not hidden
        'nobody else exports',
      );
    });

    test('drafts get a reminder 48 hours and 2 hours before the deadline, once each', async () => {
      const who = await applicant();
      const id = await start(who, 'Brouillon oublié');
      const { call } = await app.services.calls.applicationContext(callId);
      const closes = call.closesAt!.getTime();
      const reminded = () =>
        app.mailsTo(who.email).then((m) => m.filter((x) => x.text.includes('Brouillon oublié')).length);
      await app.services.applications.sendDeadlineReminders(new Date(closes - 50 * 3_600_000));
      assert.equal(await reminded(), 0);
      await app.services.applications.sendDeadlineReminders(new Date(closes - 47 * 3_600_000));
      await app.services.applications.sendDeadlineReminders(new Date(closes - 46 * 3_600_000));
      assert.equal(await reminded(), 1);
      await app.services.applications.sendDeadlineReminders(new Date(closes - 3_600_000));
      assert.equal(await reminded(), 2);
      void id;
    });
  });
}
