// What applicants tripped on (issue 10): a section's answers and files saved together without
// JavaScript (1), autosaves of one page never conflicting with each other (2), an unreadable value
// refused where it was typed (3).
import { expectOk } from '../../domain/refusal.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildCall, buildFunder, buildOrganisation, buildPerson } from '../../../test/helpers/factories.ts';
import { createHash } from 'node:crypto';
import { pdfText } from '../../../test/helpers/pdf.ts';
import { SAMPLE_EXE, SAMPLE_PDF, STANDARD_BUDGET, STANDARD_PROJECT } from '../../../test/helpers/samples.ts';
import type { Actor } from '../../domain/access.ts';
import { upsertField } from '../../domain/forms/edit.ts';
import { standardForm } from '../../domain/forms/template.ts';

const EN = { 'accept-language': 'en' };

/** A multipart body as a browser sends a form with files: repeated names once per value, a file part per input. */
async function submitMultipart(
  agent: Agent,
  action: string,
  fields: Record<string, string | string[]>,
  files: { field: string; name: string; bytes: Buffer }[],
) {
  const _csrf = await agent.csrfFrom(action);
  const boundary = `----octroi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf, ...fields }))
    for (const v of [value].flat())
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
  for (const file of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return agent.request({
    method: 'POST',
    url: action,
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...EN },
  });
}

for (const backend of backends()) {
  describe(`what applicants tripped on, on ${backend.name}`, () => {
    let app: TestApp;
    let callId: string;
    let officer: Agent;

    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      const officerPerson = await buildPerson(app, { funderId, role: 'officer' });
      officer = officerPerson.agent;
      const officerActor = officerPerson.actor;
      const form = upsertField(standardForm(), 'project', {
        id: 'annex',
        type: 'file',
        required: false,
        maxFiles: 2,
        label: { fr: 'Annexe', nl: 'Bijlage', en: 'Annex' },
      });
      callId = await buildCall(app, { officer: officerActor, funderId, form });
    });
    after(() => app.close());

    /** A signed-in member of a fresh organisation with a draft; its id and the project section's path. */
    const draft = async () => {
      const who = await app.signedIn();
      const organisationId = await buildOrganisation(app, who.actor);
      const id = expectOk(
        await app.services.applications.startApplication({
          actor: who.actor,
          callId,
          organisationId,
          title: 'Projet',
        }),
      );
      return { ...who, id, section: `/applications/${id}/sections/project` };
    };
    const versionOf = async (agent: Agent, section: string) =>
      /name="version" value="(\d+)"/.exec((await agent.get(section)).body)![1]!;
    const stored = async (actor: Actor, id: string) => app.services.applications.view(actor, id);

    test('1. a section with a file field is one multipart form: no separate upload form', async () => {
      const who = await draft();
      const page = (await who.agent.get(who.section, EN)).body;
      const forms = page.match(/<form[^>]*>/g) ?? [];
      const section = forms.filter((f) => f.includes(`action="${who.section}"`));
      assert.equal(section.length, 1);
      assert.match(section[0]!, /enctype="multipart\/form-data"/);
      assert.doesNotMatch(page, /action="[^"]*\/files\?field=/, 'no upload form apart from the answers');
      assert.match(page, /<input type="file" id="answer-annex" name="a\.annex"/);
    });

    test('1. without JavaScript, answers and a file are saved together in one request; nothing typed is lost', async () => {
      const who = await draft();
      const res = await submitMultipart(
        who.agent,
        who.section,
        {
          version: await versionOf(who.agent, who.section),
          title: 'Projet',
          'a.summary': 'Typed before choosing a file',
          'a.communes': ['21015', '21004'],
          then: 'stay',
        },
        [{ field: 'a.annex', name: 'annexe.pdf', bytes: SAMPLE_PDF }],
      );
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const view = await stored(who.actor, who.id);
      assert.equal(view.application.rawAnswers.summary, 'Typed before choosing a file');
      assert.deepEqual(view.application.rawAnswers.communes, ['21015', '21004'], 'repeated names stay lists');
      assert.deepEqual(
        view.files.annex?.map((f) => f.name),
        ['annexe.pdf'],
      );

      // Removing it is a box ticked in the same form, saved with the answers.
      const again = await submitMultipart(
        who.agent,
        who.section,
        {
          version: await versionOf(who.agent, who.section),
          'a.summary': 'Changed while removing the file',
          remove: view.files.annex![0]!.id,
        },
        [],
      );
      assert.equal(again.statusCode, 303);
      const after = await stored(who.actor, who.id);
      assert.equal(after.application.rawAnswers.summary, 'Changed while removing the file');
      assert.equal(after.files.annex, undefined, 'the file is removed');
    });

    test('1. a refused file is reported next to its field; the answers sent with it are saved', async () => {
      const who = await draft();
      const res = await submitMultipart(
        who.agent,
        who.section,
        { version: await versionOf(who.agent, who.section), 'a.summary': 'Kept despite the bad file' },
        [{ field: 'a.annex', name: 'virus.pdf', bytes: SAMPLE_EXE }],
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /id="answer-annex-file-error"/);
      assert.match(res.body, /Kept despite the bad file/);
      const view = await stored(who.actor, who.id);
      assert.equal(view.application.rawAnswers.summary, 'Kept despite the bad file');
      assert.equal(view.files.annex, undefined);
    });

    test('2. successive autosaves, each with the version the previous returned, never conflict', async () => {
      const who = await draft();
      let version = await versionOf(who.agent, who.section);
      for (const summary of ['D', 'De', 'Des', 'Des ateliers']) {
        const res = await who.agent.submit(
          `${who.section}/autosave`,
          { version, 'a.summary': summary, 'a.publics': 'seniors' },
          { from: who.section, headers: { accept: 'application/json' } },
        );
        assert.equal(res.statusCode, 200, res.body);
        version = String(res.json().version);
      }
      assert.equal((await stored(who.actor, who.id)).application.rawAnswers.summary, 'Des ateliers');
      // Another tab that kept the first version does conflict: only a real other save does.
      const stale = await who.agent.submit(
        `${who.section}/autosave`,
        { version: '1', 'a.summary': 'other tab' },
        { from: who.section, headers: { accept: 'application/json' } },
      );
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().status, 'conflict');
    });

    test('3. "quarante" participants is refused where typed, by the form and by the autosave; the rest is saved', async () => {
      const who = await draft();
      const res = await who.agent.submit(
        who.section,
        {
          version: await versionOf(who.agent, who.section),
          'a.summary': 'Un résumé',
          'a.publics': 'seniors',
          'a.participants.seniors': 'quarante',
          then: 'next',
        },
        { headers: EN },
      );
      assert.equal(res.statusCode, 422, 'not "Saved." and on to the next section');
      assert.match(res.body, /value="quarante"/, 'the typed value is shown back to be corrected');
      assert.match(res.body, /Enter whole numbers of participants/);
      let view = await stored(who.actor, who.id);
      assert.equal(view.application.rawAnswers.summary, 'Un résumé');
      assert.equal(view.application.rawAnswers.participants, undefined, 'the unreadable value is not stored');

      const auto = await who.agent.submit(
        `${who.section}/autosave`,
        {
          version: String(view.application.version),
          'a.summary': 'Un autre résumé',
          'a.participants.seniors': 'quarante',
        },
        { from: who.section, headers: { accept: 'application/json', ...EN } },
      );
      assert.equal(auto.statusCode, 422);
      const body = auto.json();
      assert.equal(body.status, 'refused');
      assert.ok(body.errors.participants, 'the field is named, for the page to mark it');
      view = await stored(who.actor, who.id);
      assert.equal(body.version, view.application.version, 'the rest was saved: the next save goes on from here');
      assert.equal(view.application.rawAnswers.summary, 'Un autre résumé');
    });

    test('20. a submitted application as a tagged PDF: frozen answers, attachments with their SHA-256; for its organisation and the officers only', async () => {
      const who = await draft();
      const saved = await submitMultipart(
        who.agent,
        who.section,
        { version: await versionOf(who.agent, who.section), title: 'Projet', ...STANDARD_PROJECT },
        [{ field: 'a.annex', name: 'annexe.pdf', bytes: SAMPLE_PDF }],
      );
      assert.equal(saved.statusCode, 303);
      const budget = `/applications/${who.id}/sections/budget`;
      const two = await who.agent.submit(budget, { ...STANDARD_BUDGET, version: await versionOf(who.agent, budget) });
      assert.equal(two.statusCode, 303);
      const before = await who.agent.get(`/applications/${who.id}/pdf`);
      assert.notEqual(before.statusCode, 200, 'no PDF of a draft');
      const submitted = await who.agent.submit(
        `/applications/${who.id}/submit`,
        {},
        { from: `/applications/${who.id}` },
      );
      assert.equal(submitted.statusCode, 303);

      const page = await who.agent.get(`/applications/${who.id}`, EN);
      assert.match(page.body, new RegExp(`href="/applications/${who.id}/pdf"`), 'the page links to it');
      const pdf = await who.agent.get(`/applications/${who.id}/pdf`, EN);
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.match(pdf.rawPayload.toString('latin1'), /\/StructTreeRoot/, 'tagged');
      assert.match(pdf.rawPayload.toString('latin1'), /\/MarkInfo/);
      const text = (await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ');
      const { application, submissions } = await app.services.applications.view(who.actor, who.id);
      assert.ok(text.includes(application.reference!), 'the reference');
      assert.ok(text.includes(STANDARD_PROJECT['a.summary']), 'the frozen answers');
      assert.ok(text.includes('annexe.pdf'), 'the attachment by name');
      // A hash may wrap in its table cell: compared without the line breaks.
      const compact = text.replace(/\s/g, '');
      assert.ok(compact.includes(createHash('sha256').update(SAMPLE_PDF).digest('hex')), 'with its SHA-256');
      assert.ok(compact.includes(submissions[0]!.sha256), 'and the answers’ own fingerprint');

      assert.equal((await officer.get(`/applications/${who.id}/pdf`)).statusCode, 200, 'the call’s officers');
      const stranger = await app.signedIn();
      assert.equal((await stranger.agent.get(`/applications/${who.id}/pdf`)).statusCode, 404, 'nobody else');
      assert.equal((await app.agent().get(`/applications/${who.id}/pdf`)).statusCode, 303, 'sign in first');
    });

    test('20. officers keep internal notes on an application; the applicant’s pages and PDF never contain them', async () => {
      const who = await draft();
      for (const [path, fields] of [
        [who.section, { title: 'Projet', ...STANDARD_PROJECT }],
        [`/applications/${who.id}/sections/budget`, STANDARD_BUDGET],
      ] as const) {
        const res = await who.agent.submit(path, { ...fields, version: await versionOf(who.agent, path) });
        assert.equal(res.statusCode, 303);
      }
      const sent = await who.agent.submit(`/applications/${who.id}/submit`, {}, { from: `/applications/${who.id}` });
      assert.equal(sent.statusCode, 303);

      const page = `/applications/${who.id}`;
      const secret = `Note interne ${Math.random().toString(36).slice(2)}`;
      const empty = await officer.submit(`/manage/applications/${who.id}/notes`, { note: '  ' }, { from: page });
      assert.equal(empty.statusCode, 422);
      const added = await officer.submit(`/manage/applications/${who.id}/notes`, { note: secret }, { from: page });
      assert.equal(added.statusCode, 303);
      const officerPage = await officer.get(page, EN);
      assert.ok(officerPage.body.includes(secret), 'the officers read it');
      assert.match(officerPage.body, /the applicant never sees these notes/);

      const refused = await who.agent.submit(`/manage/applications/${who.id}/notes`, { note: 'x' }, { from: page });
      assert.equal(refused.statusCode, 403, 'a member may not write one');
      const stranger = await app.signedIn();
      assert.equal(
        (await stranger.agent.submit(`/manage/applications/${who.id}/notes`, { note: 'x' }, { from: '/applications' }))
          .statusCode,
        404,
      );
      await assert.rejects(app.services.applications.notes(who.actor, who.id), 'the service refuses them to members');
      for (const path of [page, '/applications', `${page}/receipt`, `${page}/sections/project`]) {
        const res = await who.agent.get(path, EN);
        assert.equal(res.statusCode, 200, path);
        assert.ok(!res.body.includes(secret), `${path} does not carry the note`);
        assert.doesNotMatch(res.body, /Internal notes/, path);
      }
      const pdf = await who.agent.get(`${page}/pdf`, EN);
      assert.ok(!(await pdfText(pdf.rawPayload)).includes(secret), 'nor does the PDF');
    });
  });
}
