import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadDemo } from '../demo/loadDemo.ts';
import { expectOk } from '../../domain/refusal.ts';

const spaces = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

for (const backend of backends()) {
  describe(`public calls and the demo on ${backend.name}`, () => {
    let app: TestApp;
    before(async () => {
      app = await buildTestApp(backend);
      assert.equal(await loadDemo(app), true);
    });
    after(() => app.close());

    test('the demo is loaded once', async () => {
      assert.equal(await loadDemo(app), false);
      const funders = await app.services.calls.fundersWithPublicCalls();
      // Each funder: the call of its press release, its results published, and its next edition, open.
      assert.deepEqual(
        funders.map((f) => [f.slug, f.calls.map((c) => c.status)]),
        [
          ['bee', ['results-published', 'published']],
          ['paradigm', ['results-published', 'published']],
        ],
      );
    });

    test('the home page lists both funders and their calls, in the reader’s language', async () => {
      const fr = await app.agent().get('/', { 'accept-language': 'fr-BE' });
      assert.equal(fr.statusCode, 200);
      assert.match(fr.body, /<html lang="fr"/);
      assert.match(fr.body, /Former les Bruxellois au numérique/);
      assert.match(fr.body, /Digital\.Brussels — renforcer/);
      assert.match(spaces(fr.body), /600 000 €/);
      assert.match(spaces(fr.body), /de 30 000 € à 60 000 €/);
      const nl = await app.agent().get('/', { 'accept-language': 'nl' });
      assert.match(nl.body, /Brusselaars digitaal opleiden/);
      assert.match(spaces(nl.body), /€ 250\.000/);
      const en = await app.agent().get('/', { 'accept-language': 'en' });
      assert.match(en.body, /Training Brussels residents in digital skills/);
      assert.match(en.body, /€600,000/);
    });

    test('a call page shows its description and deadline in Brussels time', async () => {
      const [bee] = (await app.services.calls.fundersWithPublicCalls())[0]!.calls;
      const page = await app.agent().get(`/calls/${bee!.id}`, { 'accept-language': 'fr' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /300 000 personnes/);
      assert.match(page.body, /à 12:00/, 'the deadline is noon, Brussels time');
      // A label the view joins to its value follows French typography too: a narrow no-break space before the colon.
      assert.match(page.body, /Pouvoir subsidiant\u202F: /);
      const english = await app.agent().get(`/calls/${bee!.id}`, { 'accept-language': 'en' });
      assert.match(english.body, /Funder: /);
    });

    test('drafts are never public, and unknown ids are a translated 404', async () => {
      const funder = (
        await app.services.admin.overview({
          userId: '00000000-0000-0000-0000-000000000000',
          isPlatformAdmin: true,
          grants: [],
        })
      ).funders[0]!.record;
      const actor = {
        userId: (await app.signedIn()).actor.userId,
        isPlatformAdmin: false,
        grants: [{ funderId: funder.id, role: 'officer' as const }],
      };
      const id = expectOk(
        await app.services.calls.createCall({
          actor,
          call: {
            funderId: funder.id,
            code: 'DRAFT',
            title: { fr: 'Brouillon secret' },
            summary: { fr: '' },
            description: { fr: '' },
            budgetCents: 100,
            grantMinCents: null,
            grantMaxCents: null,
            opensAt: null,
            closesAt: null,
          },
        }),
      );
      assert.equal((await app.agent().get(`/calls/${id}`)).statusCode, 404);
      assert.doesNotMatch((await app.agent().get('/')).body, /Brouillon secret/);
      const refused = await app.services.calls.publishCall({ actor, callId: id });
      assert.ok(!refused.ok && refused.refusals.includes('no-deadline'), 'a call without a deadline stays a draft');
      const missing = await app.agent().get('/calls/not-a-uuid', { 'accept-language': 'nl' });
      assert.equal(missing.statusCode, 404);
      assert.match(missing.body, /Pagina niet gevonden/);
    });

    test('only the funder’s officers may create or publish its calls', async () => {
      const [bee, paradigm] = await app.services.calls.fundersWithPublicCalls();
      const { actor } = await app.signedIn();
      const call = {
        funderId: bee!.id,
        code: 'X1',
        title: { fr: 'X' },
        summary: { fr: '' },
        description: { fr: '' },
        budgetCents: 100,
        grantMinCents: null,
        grantMaxCents: null,
        opensAt: null,
        closesAt: null,
      };
      for (const grants of [
        [],
        [{ funderId: paradigm!.id, role: 'officer' as const }],
        [{ funderId: bee!.id, role: 'juror' as const }],
        [{ funderId: bee!.id, role: 'applicant' as const }],
      ]) {
        await assert.rejects(app.services.calls.createCall({ actor: { ...actor, grants }, call }), {
          name: 'ForbiddenError',
        });
      }
      await assert.rejects(app.services.calls.createCall({ actor: null, call }), { name: 'SignInRequiredError' });
      await assert.rejects(
        app.services.calls.publishCall({
          actor: { ...actor, grants: [{ funderId: paradigm!.id, role: 'officer' }] },
          callId: bee!.calls[0]!.id,
        }),
        { name: 'ForbiddenError' },
      );
    });

    test('every page’s icon is served (browsers ask for /favicon.ico whatever the page says)', async () => {
      const icon = await app.agent().get('/favicon.ico');
      assert.equal(icon.statusCode, 200);
      assert.equal(icon.headers['content-type'], 'image/vnd.microsoft.icon');
      assert.deepEqual([...icon.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file');
    });

    test('/healthz answers', async () => {
      const res = await app.agent().get('/healthz');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'ok');
      assert.deepEqual(res.json().database, { ok: true });
    });
  });
}
