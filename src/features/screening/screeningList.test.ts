import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import {
  buildApplicant,
  buildApplication,
  buildCall,
  buildFunder,
  buildPerson,
  copyApplication,
} from '../../../test/helpers/factories.ts';

const EN = { 'accept-language': 'en' };
/** The references a page lists, in its order. */
const references = (html: string) => [...html.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]!);

for (const backend of backends()) {
  describe(`the screening list's pages on ${backend.name}`, () => {
    let app: TestApp;
    let officer: Agent;
    let list: string;

    before(async () => {
      app = await buildTestApp(backend);
      const funderId = await buildFunder(app);
      const person = await buildPerson(app, { funderId, role: 'officer' });
      officer = person.agent;
      const callId = await buildCall(app, { officer: person.actor, funderId });
      const submitted = async () => {
        const applicant = await buildApplicant(app);
        return buildApplication(app, { callId, applicant: applicant.actor, organisationId: applicant.organisationId });
      };
      // 111 waiting for screening and 5 found ineligible: 116 rows, two pages of 100.
      await copyApplication(app, await submitted(), 109, 'submitted');
      await copyApplication(app, await submitted(), 5, 'ineligible');
      list = `/manage/calls/${callId}/screening`;
    });
    after(() => app.close());

    test('a page shows a hundred applications, the next page the ones after, without repeating any', async () => {
      const one = await officer.get(list, EN);
      assert.equal(one.statusCode, 200);
      assert.equal(references(one.body).length, 100);
      assert.match(one.body, /116 applications/);
      assert.match(one.body, /Page 1 of 2/);
      const next = /<a href="(\?page=2)">Next page<\/a>/.exec(one.body)?.[1];
      assert.ok(next, 'page 1 links to page 2');
      const two = await officer.get(`${list}${next}`, EN);
      assert.equal(references(two.body).length, 16);
      assert.match(two.body, /<a href="\?page=1">Previous page<\/a>/);
      assert.doesNotMatch(two.body, /Next page/);
      const all = [...references(one.body), ...references(two.body)];
      assert.deepEqual(all, [...all].sort(), 'in reference order across the pages');
      assert.equal(new Set(all).size, 116, 'none shown twice');
      assert.match(one.body, /Not eligible: <strong>5<\/strong>/, 'the funnel counts every application, not the page');
    });

    test('a status filter keeps to its applications, and its pages keep the filter', async () => {
      const ineligible = await officer.get(`${list}?status=ineligible`, EN);
      assert.equal(references(ineligible.body).length, 5);
      assert.match(ineligible.body, /<option value="ineligible" selected>/);
      assert.doesNotMatch(ineligible.body, /class="pagination"/, 'one page needs no paging');
      const waiting = await officer.get(`${list}?status=submitted`, EN);
      assert.match(waiting.body, /111 applications/);
      const next = /<a href="([^"]+)">Next page<\/a>/.exec(waiting.body)?.[1];
      assert.equal(next, '?status=submitted&amp;page=2');
      const two = await officer.get(`${list}?status=submitted&page=2`, EN);
      assert.equal(references(two.body).length, 11);
      assert.match(two.body, /<a href="\?status=submitted&amp;page=1">Previous page<\/a>/);
    });

    test('a page number that means nothing shows the first page', async () => {
      const page = await officer.get(`${list}?page=abc`, EN);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Page 1 of 2/);
    });
  });
}
