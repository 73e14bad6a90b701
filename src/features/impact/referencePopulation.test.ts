// The reference population on a real database: the installation's administrators set it in their language, with
// a translated message next to a figure that is not one; what they save is audited and the dashboards use it; a
// form read before someone else's save is refused; officers cannot reach the page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { REFERENCE_POPULATION } from '../../domain/impact/referencePopulation.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, PASSWORD, type Agent, type TestApp } from '../../../test/helpers/app.ts';
import { reportedGrants } from '../../../test/helpers/impactData.ts';
import { scoredCall, type ScoredCall } from '../../../test/helpers/scoredCall.ts';

const PAGE = '/admin/reference-population';
const valid = { people: '150 000', sharePercent: '39,5', source: 'Barometer 2026', version: '0' };

for (const backend of backends()) {
  describe(`the reference population on ${backend.name}`, () => {
    let app: TestApp;
    let call: ScoredCall;
    let admin: Agent;

    const audited = () =>
      app.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'impact.reference-population-set'));

    before(async () => {
      app = await buildTestApp(backend);
      call = await scoredCall(app, { password: PASSWORD });
      await reportedGrants(app, call);
      admin = (await app.signedIn({ platformAdmin: true })).agent;
    });
    after(() => app?.close());

    test('the page shows the figures in force, in each language', async () => {
      for (const [lang, title] of [
        ['en', 'Reference population'],
        ['fr', 'Population de référence'],
        ['nl', 'Referentiebevolking'],
      ] as const) {
        await admin.get(`/language/${lang}?next=%2F`);
        const page = await admin.get(PAGE);
        assert.equal(page.statusCode, 200);
        assert.ok(page.body.includes(`<h1>${title}</h1>`), lang);
        assert.match(page.body, /value="300000"/);
      }
    });

    test('a figure that is not one is refused next to its field, in the reader’s language, and nothing is saved', async () => {
      const bad = { people: '12.5', sharePercent: '0', source: ' ', version: '0' };
      await admin.get('/language/en?next=%2F');
      const en = await admin.submit(PAGE, bad);
      assert.equal(en.statusCode, 422);
      assert.ok(en.body.includes('Enter a whole number of people from 1 to 10 000 000.'));
      assert.ok(en.body.includes('Enter a percentage above 0 and at most 100.'));
      assert.match(en.body, /value="12.5"/, 'what was typed is kept');
      await admin.get('/language/fr?next=%2F');
      const fr = await admin.submit(PAGE, bad);
      await admin.get('/language/en?next=%2F');
      assert.ok(fr.body.includes('Indiquez un pourcentage supérieur à 0 et d’au plus 100.'));
      assert.equal((await audited()).length, 0);
    });

    test('saved figures are audited and the dashboards set the participants against them', async () => {
      const saved = await admin.submit(PAGE, valid);
      assert.equal(saved.statusCode, 303);
      const [event, ...more] = await audited();
      assert.equal(more.length, 0);
      assert.deepEqual(event?.before, {
        digitallyVulnerablePeople: 300_000,
        digitallyVulnerableShare: 0.4,
        source: REFERENCE_POPULATION.source,
      });
      assert.deepEqual(event?.after, {
        digitallyVulnerablePeople: 150_000,
        digitallyVulnerableShare: 0.395,
        source: 'Barometer 2026',
      });
      const page = await admin.get(PAGE);
      assert.match(page.body, /value="150000"/);
      assert.match(page.body, /value="39.5"/);
      const impact = await app.agent().get('/impact', { 'accept-language': 'en' });
      assert.match(impact.body, /of the 150.000 digitally vulnerable residents/);
    });

    test('a form read before another save is refused, and the other figures stay', async () => {
      const stale = await admin.submit(PAGE, { ...valid, people: '1', version: '0' });
      assert.equal(stale.statusCode, 409);
      assert.match(stale.body, /value="150000"/);
      assert.equal((await audited()).length, 1);
    });

    test("a call's officer cannot reach the page", async () => {
      const officer = app.agent();
      await officer.submit('/sign-in', { email: call.officerEmail, password: PASSWORD });
      assert.equal((await officer.get(PAGE)).statusCode, 403);
      assert.equal((await officer.submit(PAGE, valid, { from: '/' })).statusCode, 403);
    });
  });
}
