import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type Agent, type TestApp } from '../../../../test/helpers/app.ts';
import { backends } from '../../../../test/helpers/databases.ts';
import {
  buildApplicant,
  buildApplication,
  buildCall,
  buildFunder,
  buildPerson,
  copyApplication,
} from '../../../../test/helpers/factories.ts';

const EN = { 'accept-language': 'en' };
/** The applications a page links to for their consensus, in its order. */
const listed = (html: string) =>
  [...html.matchAll(/href="\/manage\/applications\/([^"]+)\/consensus"/g)].map((m) => m[1]!);

for (const backend of backends()) {
  describe(`the consensus list's pages on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Agent;
    let list: string;
    let eligible: string[];

    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      const person = await buildPerson(app, { funderId, role: 'officer' });
      officer = person.agent;
      const callId = await buildCall(app, { officer: person.actor, funderId });
      const applicant = await buildApplicant(app);
      const screened = await buildApplication(app, {
        callId,
        applicant: applicant.actor,
        organisationId: applicant.organisationId,
      });
      // The screened application itself waits for screening: only its 104 eligible copies are on their way to a consensus.
      eligible = await copyApplication(app, screened, 104, 'eligible');
      list = `/manage/calls/${callId}/consensus`;
    });
    after(() => app.close());

    test('the list shows a hundred eligible applications, and the next page the four after them', async () => {
      const one = await officer.get(list, EN);
      assert.equal(one.statusCode, 200);
      assert.deepEqual(listed(one.body), eligible.slice(0, 100));
      assert.match(one.body, /Page 1 of 2/);
      assert.match(one.body, /<a href="\?page=2">Next page<\/a>/);
      const two = await officer.get(`${list}?page=2`, EN);
      assert.deepEqual(listed(two.body), eligible.slice(100));
      assert.match(two.body, /<a href="\?page=1">Previous page<\/a>/);
    });
  });
}
