// Regression tests: texts sent to a call's pages had limits only where a form declared them (the
// question asked had one, its published answer, its rewording, the closing reason and the document
// labels had none). Each limit is now declared once in forms.ts and used by its every entry point.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { SAMPLE_PDF } from '../../../test/helpers/samples.ts';
import { buildCall, buildFunder, buildPerson } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../domain/access.ts';
import { MAX_ANSWER_LENGTH, MAX_CLOSE_REASON_LENGTH, MAX_DOCUMENT_LABEL_LENGTH, MAX_QUESTION_LENGTH } from './forms.ts';

const EN = { 'accept-language': 'en' };
const over = (max: number) => 'x'.repeat(max + 1);

for (const backend of backends()) {
  describe(`call texts within their limits on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Actor;
    let officerAgent: Agent;
    let callId: string;

    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      const person = await buildPerson(app, { funderId, role: 'officer' });
      officer = person.actor;
      officerAgent = person.agent;
      callId = await buildCall(app, { officer, funderId });
    });
    after(() => app.close());

    test('a question, its answer and its rewording are refused over their limits, next to the field', async () => {
      const asker = await app.signedIn();
      const page = `/calls/${callId}`;
      const long = await asker.agent.submit(
        `${page}/questions`,
        { question: over(MAX_QUESTION_LENGTH) },
        { headers: EN, from: page },
      );
      assert.equal(long.statusCode, 422);
      assert.match(long.body, new RegExp(`Use at most ${MAX_QUESTION_LENGTH} characters`));
      assert.equal(
        (await asker.agent.submit(`${page}/questions`, { question: 'Et les CPAS ?' }, { from: page })).statusCode,
        303,
      );

      const desk = `/manage/calls/${callId}/questions`;
      const questionId = /questions\/([0-9a-f-]{36})\/answer/.exec((await officerAgent.get(desk)).body)![1]!;
      const answer = `${desk}/${questionId}/answer`;
      for (const [fields, max] of [
        [{ questionFr: 'Et les CPAS ?', answerFr: over(MAX_ANSWER_LENGTH) }, MAX_ANSWER_LENGTH],
        [{ answerFr: 'Oui.', questionFr: over(MAX_QUESTION_LENGTH) }, MAX_QUESTION_LENGTH],
      ] as const) {
        const refused = await officerAgent.submit(answer, fields, { from: desk, headers: EN });
        assert.equal(refused.statusCode, 422);
        assert.match(refused.body, new RegExp(`<p class="error" id="[^"]+-error">Use at most ${max} characters`));
      }
      const call = await app.services.calls.load(officer, callId);
      assert.deepEqual(await app.services.calls.publicQuestions(call), [], 'nothing was published');
      assert.equal(
        (await officerAgent.submit(answer, { questionFr: 'Et les CPAS ?', answerFr: 'Oui.' }, { from: desk }))
          .statusCode,
        303,
      );
      assert.deepEqual((await app.services.calls.publicQuestions(call))[0]?.answer, { fr: 'Oui.' });
    });

    test('a call document’s labels are refused over their limit', async () => {
      const desk = `/manage/calls/${callId}/questions`;
      const res = await officerAgent.submitFile(
        `/manage/calls/${callId}/documents`,
        { labelFr: 'Guide', labelNl: over(MAX_DOCUMENT_LABEL_LENGTH) },
        { field: 'file', name: 'guide.pdf', bytes: SAMPLE_PDF },
        { from: desk },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`Use at most ${MAX_DOCUMENT_LABEL_LENGTH} characters`));
      assert.deepEqual(await app.services.calls.documents(await app.services.calls.load(officer, callId)), []);
    });

    test('a date sent as something no form sends (a JSON object with its own toString) is refused at its field', async () => {
      const page = `/manage/calls/${callId}`;
      const res = await officerAgent.request({
        method: 'POST',
        url: page,
        headers: { ...EN, 'content-type': 'application/json' },
        payload: JSON.stringify({
          _csrf: await officerAgent.csrfFrom(page),
          opensDate: { toString: 'not a function' },
          closesTime: ['12:00'],
        }),
      });
      assert.equal(res.statusCode, 422, res.body.slice(0, 300));
      assert.match(res.body, /href="#field-opensDate">Opening date: /, 'the error summary leads to the opening date');
    });

    test('closing a call early needs a reason within its limit', async () => {
      const close = `/manage/calls/${callId}/close`;
      const res = await officerAgent.submit(
        close,
        { reason: over(MAX_CLOSE_REASON_LENGTH) },
        { from: `/manage/calls/${callId}`, headers: EN },
      );
      assert.equal(res.statusCode, 422);
      assert.match(res.body, new RegExp(`Use at most ${MAX_CLOSE_REASON_LENGTH} characters`));
      assert.equal((await app.services.calls.callForManagement(officer, callId)).call.status, 'published');
    });
  });
}
