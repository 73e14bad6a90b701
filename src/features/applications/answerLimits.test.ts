// Regression tests: the 200-character title was enforced by the apply form only, and a section save
// accepted a 900,000-character title (the inbox became 907 KB). Every way of saving now goes through
// the domain's one rule (answersToStore, readTitle) and refuses the same way, keeping the rest.
import { expectOk } from '../../domain/refusal.ts';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { VALID_ORGANISATION } from '../../../test/helpers/samples.ts';
import {
  buildCall,
  buildFunder,
  buildPerson,
  nextNumber,
  validEnterpriseNumber,
} from '../../../test/helpers/factories.ts';
import type { Actor } from '../../domain/access.ts';
import { MAX_TITLE_LENGTH } from '../../domain/forms/answers.ts';
import { SAVED_VERSION_HEADER } from '../../platform/http/savedInPart.ts';

const EN = { 'accept-language': 'en' };
const HUGE_TITLE = 'T'.repeat(900_000);
const SUMMARY_MAX = 3000; // the standard form's summary (domain/forms/template.ts)

for (const backend of backends()) {
  describe(`answer limits on every entry point on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Actor;
    let callId: string;

    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      officer = (await buildPerson(app, { funderId, role: 'officer' })).actor;
      callId = await buildCall(app, { officer, funderId });
    });
    after(() => app.close());

    /** A member of a fresh organisation with a draft titled "Projet"; its id and the project section's path. */
    const draft = async () => {
      const who = await app.signedIn();
      const created = await who.agent.submit(
        '/organisations',
        { ...VALID_ORGANISATION, name: `Asbl ${nextNumber()}`, enterpriseNumber: validEnterpriseNumber() },
        { from: '/organisations/new' },
      );
      const organisationId = /\/organisations\/([0-9a-f-]{36})/.exec(String(created.headers.location))![1]!;
      const started = await who.agent.submit(`/calls/${callId}/apply`, { organisationId, title: 'Projet' });
      const id = /\/applications\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
      return { ...who, id, section: `/applications/${id}/sections/project` };
    };
    const versionOf = async (agent: Agent, section: string) =>
      /name="version" value="(\d+)"/.exec((await agent.get(section)).body)![1]!;
    const stored = async (actor: Actor, id: string) => (await app.services.applications.view(actor, id)).application;

    test('the apply form refuses a title over 200 characters, next to the field', async () => {
      const who = await draft();
      const res = await who.agent.submit(
        `/calls/${callId}/apply`,
        {
          organisationId: (await app.services.organisations.myOrganisations(who.actor))[0]!.id,
          title: 'T'.repeat(201),
        },
        { headers: EN },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /Use at most 200 characters/);
    });

    test('the section form refuses a 900,000-character title and a too-long answer, and saves the rest', async () => {
      const who = await draft();
      const res = await who.agent.submit(
        who.section,
        {
          title: HUGE_TITLE,
          'a.summary': 'S'.repeat(SUMMARY_MAX + 1),
          'a.participants.seniors': '12',
          version: await versionOf(who.agent, who.section),
        },
        { headers: EN },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`Use at most ${MAX_TITLE_LENGTH} characters`), 'next to the title');
      assert.match(res.body, new RegExp(`Use at most ${SUMMARY_MAX} characters`), 'next to the summary');
      assert.ok(res.body.length < 100_000, 'the refused values are not sent back');
      const application = await stored(who.actor, who.id);
      assert.equal(application.title, 'Projet', 'the title is unchanged');
      assert.equal(application.rawAnswers.summary, undefined, 'the too-long answer is not stored');
      assert.deepEqual(application.rawAnswers.participants, { seniors: '12' }, 'the other answers are');
      assert.equal(res.headers[SAVED_VERSION_HEADER], String(application.version), 'and the answer says so');
      const inbox = await app.services.applications.inbox(officer, callId, {});
      assert.ok(JSON.stringify(inbox).length < 50_000);
    });

    test('the autosave refuses the same way, in JSON, with the new version and a translated message', async () => {
      const who = await draft();
      const version = await versionOf(who.agent, who.section);
      const res = await who.agent.submit(
        `${who.section}/autosave`,
        { title: HUGE_TITLE, 'a.participants.seniors': '15', version },
        { from: who.section, headers: EN },
      );
      assert.equal(res.statusCode, 422);
      const body = res.json<{ status: string; version: number; message: string; errors: Record<string, string> }>();
      assert.equal(body.status, 'refused');
      assert.equal(body.version, Number(version) + 1, 'the rest was saved: the next save names this version');
      assert.equal(body.errors.title, `Use at most ${MAX_TITLE_LENGTH} characters.`);
      assert.match(body.message, /^Not saved: Use at most 200 characters\. The rest is saved\.$/);
      const application = await stored(who.actor, who.id);
      assert.equal(application.title, 'Projet');
      assert.deepEqual(application.rawAnswers.participants, { seniors: '15' });
    });

    test('a JSON body to the autosave (a script) meets the same limits', async () => {
      const who = await draft();
      const _csrf = await who.agent.csrfFrom(who.section);
      const res = await who.agent.request({
        method: 'POST',
        url: `${who.section}/autosave`,
        headers: { ...EN, 'content-type': 'application/json' },
        payload: JSON.stringify({
          _csrf,
          version: await versionOf(who.agent, who.section),
          title: HUGE_TITLE,
          'a.communes': Array.from({ length: 5000 }, () => '21015'),
          'a.summary': 'Un résumé',
        }),
      });
      assert.equal(res.statusCode, 422);
      const body = res.json<{ errors: Record<string, string> }>();
      assert.deepEqual(Object.keys(body.errors).sort(), ['communes', 'title']);
      assert.equal(body.errors.communes, 'This answer holds too many items: at most 19.');
      const application = await stored(who.actor, who.id);
      assert.equal(application.title, 'Projet');
      assert.equal(application.rawAnswers.communes, undefined);
      assert.equal(application.rawAnswers.summary, 'Un résumé');
    });

    test('the service itself (any other entry point) refuses the same way', async () => {
      const who = await draft();
      const { version } = await stored(who.actor, who.id);
      const result = expectOk(
        await app.services.applications.saveAnswers({
          actor: who.actor,
          applicationId: who.id,
          version,
          raw: { summary: 'S'.repeat(SUMMARY_MAX + 1), digcomp: ['1'] },
          title: HUGE_TITLE,
        }),
      );
      assert.equal(result.status, 'saved');
      assert.ok(result.status === 'saved');
      assert.deepEqual(result.titleError, { code: 'too-long', values: { max: MAX_TITLE_LENGTH } });
      assert.deepEqual(result.refused, { summary: { code: 'too-long', values: { max: SUMMARY_MAX } } });
      const application = await stored(who.actor, who.id);
      assert.equal(application.title, 'Projet');
      assert.deepEqual(application.rawAnswers.digcomp, ['1']);
    });
  });
}
