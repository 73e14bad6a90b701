// What applicants tripped on (issue 10): a closed or decided call says so and offers no form (6);
// the application page shows the outcome, the amount granted and what comes next (7); pages show an
// early closing, not the deadline the call never reached (8).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildCall, buildFunder, buildOrganisation, buildPerson } from '../../../test/helpers/factories.ts';
import { scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';
import type { Actor } from '../../domain/access.ts';
import { formatInstant } from '../../domain/brusselsTime.ts';
import { formatMoney } from '../../domain/money.ts';
import { expectOk } from '../../domain/refusal.ts';

const EN = { 'accept-language': 'en' };
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\s+/g, ' ')
    .replace(/\u202f|\u00a0/g, ' ');

for (const backend of backends()) {
  describe(`a call's window and outcome for applicants, on ${backend.name}`, () => {
    let app: TestApp;
    let scored: ScoredCall;
    let officer: Agent;
    const signIn = async (email: string) => {
      const agent = app.agent();
      assert.equal((await agent.submit('/sign-in', { email, password: PASSWORD })).statusCode, 303);
      return agent;
    };

    before(async () => {
      app = await buildTestApp(backend);
      scored = await scoredCall(app, { password: PASSWORD }); // closed to applications
      officer = await signIn(scored.officerEmail);
    });
    after(() => app.close());

    const applyForm = (html: string, callId: string) => html.includes(`action="/calls/${callId}/apply"`);

    test('6. a closed call says so, on its page and on the apply page, and offers no form; applying is refused as closed', async () => {
      const who = await app.signedIn();
      await buildOrganisation(app, who.actor);
      const page = await who.agent.get(`/calls/${scored.callId}`, EN);
      assert.match(text(page.body), /This call is closed: it no longer accepts applications\./);
      assert.doesNotMatch(page.body, /href="\/calls\/[^"]+\/apply"/, 'no apply button');
      const apply = await who.agent.get(`/calls/${scored.callId}/apply`, EN);
      assert.equal(apply.statusCode, 200);
      assert.match(text(apply.body), /This call is closed/);
      assert.ok(!applyForm(apply.body, scored.callId), 'no form on a closed call');
      const token = /name="_csrf" value="([^"]+)"/.exec(apply.body)?.[1] ?? (await who.agent.csrfFrom('/applications'));
      const posted = await who.agent.request({
        method: 'POST',
        url: `/calls/${scored.callId}/apply`,
        payload: new URLSearchParams({ _csrf: token, organisationId: '', title: 'Trop tard' }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...EN },
      });
      assert.equal(posted.statusCode, 409);
      assert.match(text(posted.body), /This call is closed/);
      assert.doesNotMatch(text(posted.body), /not open yet/, 'not "the call is not open yet"');
      assert.ok(!applyForm(posted.body, scored.callId));
    });

    test('7 and 6. once decided: each application page shows its outcome, amount and next step; the call says it is decided', async () => {
      const from = `/manage/calls/${scored.callId}/decision`;
      const version = /name="version" value="(\d+)"/.exec((await officer.get(from)).body)?.[1] ?? '0';
      const decided = await officer.submit(
        from,
        { version, decidingBodyFr: 'Le Gouvernement bruxellois', decidedOn: '2026-11-20' },
        { from, headers: EN },
      );
      assert.equal(decided.statusCode, 303, text(decided.body).slice(0, 500));
      await app.services.decisions.issueLetters();

      const { outcomes } = await app.services.decisions.decisionView(scored.officer, scored.callId);
      const selected = outcomes.find((o) => o.outcome === 'selected' && o.candidate.id === scored.ids.ara)!;
      assert.ok(selected.amountCents, 'ara is selected with an amount');
      const ara = await signIn(scored.emails.ara);
      const page = text((await ara.get(`/applications/${scored.ids.ara}`, EN)).body);
      assert.match(page, /Decision Outcome Selected: a grant is awarded/);
      assert.ok(
        page.includes(`Amount granted ${formatMoney(selected.amountCents!, 'en').replace(/\u202f|\u00a0/g, ' ')}`),
        page,
      );
      assert.match(page, /Decided on 20 November 2026/);
      assert.match(page, /Next step You will receive the grant agreement to sign/);
      assert.match(page, /Decision letter/i);
      const dashboard = text((await ara.get('/applications', EN)).body);
      assert.match(dashboard, /Sign the grant agreement you will receive/, 'the dashboard’s next step is not "—"');

      const weak = await signIn(scored.emails.weak);
      const rejected = text((await weak.get(`/applications/${scored.ids.weak}`, EN)).body);
      assert.match(rejected, /Outcome Not selected/);
      assert.doesNotMatch(rejected, /Amount granted/);
      assert.match(rejected, /how to contest the decision/);
      const onReserve = (Object.keys(scored.ids) as (keyof typeof scored.ids)[]).find(
        (k) => outcomes.find((o) => o.candidate.id === scored.ids[k])?.outcome === 'reserve',
      );
      assert.ok(onReserve, 'one application is on the reserve list');
      const reserve = text(
        (await (await signIn(scored.emails[onReserve])).get(`/applications/${scored.ids[onReserve]}`, EN)).body,
      );
      assert.match(reserve, /Outcome On the reserve list/);
      assert.match(reserve, /if a selected project withdraws/);

      // Someone else reads neither the page nor the outcome.
      const stranger = await app.signedIn();
      assert.equal((await stranger.agent.get(`/applications/${scored.ids.ara}`)).statusCode, 404);
      await assert.rejects(app.services.decisions.outcomeFor(stranger.actor, scored.ids.ara));

      const call = text((await ara.get(`/calls/${scored.callId}`, EN)).body);
      assert.match(call, /This call is closed and its applications have been decided/);
      const apply = await ara.get(`/calls/${scored.callId}/apply`, EN);
      assert.match(text(apply.body), /have been decided/);
      assert.ok(!applyForm(apply.body, scored.callId));
    });

    test('8. after an early closing, the call, the application and the dashboard show it, not the original deadline', async () => {
      const funderId = await buildFunder(app);
      const officerActor: Actor = (await buildPerson(app, { funderId, role: 'officer' })).actor;
      const callId = await buildCall(app, { officer: officerActor, funderId });
      const who = await app.signedIn();
      const organisationId = await buildOrganisation(app, who.actor);
      const id = expectOk(
        await app.services.applications.startApplication({
          actor: who.actor,
          callId,
          organisationId,
          title: 'Fermé tôt',
        }),
      );
      const deadline = (await app.services.calls.publicCall(callId)).closesAt!;
      expectOk(await app.services.calls.closeCall({ actor: officerActor, callId, reason: 'Budget épuisé.' }));
      const closedAt = (await app.services.calls.publicCall(callId)).closedAt!;
      assert.ok(closedAt < deadline);
      const shown = formatInstant(closedAt, 'en').replace(/\u202f|\u00a0/g, ' ');
      const original = formatInstant(deadline, 'en').replace(/\u202f|\u00a0/g, ' ');
      for (const path of [`/applications/${id}`, '/applications', `/calls/${callId}`]) {
        const page = text((await who.agent.get(path, EN)).body);
        assert.ok(page.includes(shown), `${path} shows the early closing ${shown}: ${page.slice(0, 2000)}`);
        assert.match(page, /Closed early|closed on/i, path);
        if (path !== `/calls/${callId}`)
          assert.ok(!page.includes(original), `${path} does not show the deadline ${original} as if it still held`);
      }
    });
  });
}
