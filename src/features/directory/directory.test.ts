import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { backends } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { buildFunder, buildOrganisation, buildPerson, type Person } from '../../../test/helpers/factories.ts';
import { assertValid, validateStandardFile } from '../../../test/helpers/mediationNumerique.ts';
import { buildPlace } from '../../domain/directory/testing/buildPlace.ts';
import { parseOpeningHours } from '../../domain/directory/openingHours.ts';
import { openingStatus } from '../../domain/directory/openingStatus.ts';
import { placesToCsv } from '../../domain/directory/placeExport.ts';
import type { Place } from '../../domain/directory/place.ts';
import { expectOk } from '../../domain/refusal.ts';
import { verifyAuditChain } from '../../platform/audit/audit.ts';

const ALWAYS = 'Mo-Su 00:00-24:00';
const NEVER = 'Jan 01 10:00-11:00';

/** HTML and the stylesheets it links: what a slow phone downloads for the page. */
async function pageWeight(app: TestApp, html: string): Promise<number> {
  let bytes = Buffer.byteLength(html);
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
    const css = await app.agent().get(href!);
    assert.equal(css.statusCode, 200, href);
    bytes += css.rawPayload.length;
  }
  return bytes;
}

for (const backend of backends()) {
  describe(`the residents' directory on ${backend.name}`, () => {
    let app: TestApp;
    let funderId: string;
    let otherFunderId: string;
    let officer: Person;
    let otherOfficer: Person;
    let member: Person;
    let stranger: Person;
    let organisationId: string;

    /** A place added by the officer and published. */
    const published = async (overrides: Partial<Place>) => {
      const place = buildPlace(overrides);
      expectOk(
        await app.services.directory.createPlace({ actor: officer.actor, place, funderId, organisationId: null }),
      );
      expectOk(
        await app.services.directory.transitionPlace({ actor: officer.actor, placeId: place.id, event: 'publish' }),
      );
      return place;
    };

    before(async () => {
      app = await buildTestApp(backend);
      funderId = await buildFunder(app);
      otherFunderId = await buildFunder(app);
      officer = await buildPerson(app, { funderId, role: 'officer' });
      otherOfficer = await buildPerson(app, { funderId: otherFunderId, role: 'officer' });
      member = await buildPerson(app);
      stranger = await buildPerson(app);
      organisationId = await buildOrganisation(app, member.actor, { enterpriseNumber: '0412345614' });
      // Schaerbeek (21015), its neighbour Evere (21006), and Uccle (21016), far away.
      await published({
        id: 'schaerbeek-open',
        name: 'Espace Schaerbeek',
        openingHours: ALWAYS,
        address: { street: 'Rue Royale Sainte-Marie 1', complement: null, postalCode: '1030', communeNis: '21015' },
        services: ['admin-procedures'],
        languages: ['fr', 'ar'],
        fees: ['free'],
        stepFree: true,
        publics: [],
      });
      await published({
        id: 'evere-closed',
        name: 'Espace Evere',
        openingHours: NEVER,
        address: { street: 'Square Hoedemaekers 10', complement: null, postalCode: '1140', communeNis: '21006' },
        services: ['job-search'],
        languages: ['nl'],
        fees: ['paid'],
        stepFree: false,
        publics: ['job-seekers'],
      });
      await published({
        id: 'uccle-weekend',
        name: 'Espace Uccle',
        openingHours: 'Sa,Su 10:00-12:00',
        address: { street: 'Place Jean Vander Elst 29', complement: null, postalCode: '1180', communeNis: '21016' },
        services: ['everyday-tools'],
        languages: ['fr', 'en'],
        fees: ['free'],
        stepFree: null,
        publics: ['seniors'],
      });
      expectOk(
        await app.services.directory.createPlace({
          actor: officer.actor,
          place: buildPlace({ id: 'hidden-draft', name: 'Brouillon caché' }),
          funderId,
          organisationId: null,
        }),
      );
    });
    after(() => app.close());

    test('search by postal code: nearest commune first, drafts never shown, in the reader’s language', async () => {
      const res = await app.agent().get('/help?q=1030', { 'accept-language': 'en' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="en"/);
      const order = [...res.body.matchAll(/href="\/help\/places\/([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(order, ['schaerbeek-open', 'evere-closed', 'uccle-weekend']);
      assert.doesNotMatch(res.body, /hidden-draft/);
      assert.match(res.body, /In your commune/);
      assert.match(res.body, /In a commune next to yours/);
      assert.match(res.body, /3 places found/);
      const nl = await app.agent().get('/help?q=Schaarbeek', { 'accept-language': 'nl' });
      assert.match(nl.body, /In jouw gemeente/);
      assert.match(nl.body, /3 plekken gevonden/);
    });

    test('filters: need, public, language, free, open now, weekends, step-free', async () => {
      const ids = async (query: string) =>
        [...(await app.agent().get(`/help?${query}`)).body.matchAll(/href="\/help\/places\/([^"]+)"/g)]
          .map((m) => m[1])
          .sort();
      assert.deepEqual(await ids('service=job-search'), ['evere-closed']);
      assert.deepEqual(await ids('public=seniors'), ['schaerbeek-open', 'uccle-weekend'], 'a place for everyone stays');
      assert.deepEqual(await ids('language=ar'), ['schaerbeek-open']);
      assert.deepEqual(await ids('free=1'), ['schaerbeek-open', 'uccle-weekend']);
      // The weekend place is open now on Saturday and Sunday mornings in Brussels: the test asks the clock too.
      const uccle = parseOpeningHours('Sa,Su 10:00-12:00');
      const uccleOpen = uccle.ok && openingStatus(uccle.hours, new Date()).state === 'open';
      assert.deepEqual(await ids('open=1'), ['schaerbeek-open', ...(uccleOpen ? ['uccle-weekend'] : [])]);
      assert.deepEqual(await ids('weekend=1'), ['schaerbeek-open', 'uccle-weekend']);
      assert.deepEqual(await ids('stepfree=1'), ['schaerbeek-open']);
      assert.deepEqual(
        await ids('service=nonsense&language=xx'),
        ['evere-closed', 'schaerbeek-open', 'uccle-weekend'],
        'unknown values are left out',
      );
      const unknown = await app.agent().get('/help?q=Atlantis', { 'accept-language': 'fr' });
      assert.match(
        unknown.body,
        /Nous ne connaissons pas «\s*Atlantis\s*»/,
        'French guillemets keep their (narrow no-break) spaces',
      );
    });

    test('the guided path: one question per page without JavaScript, then the matching places', async () => {
      const first = await app.agent().get('/help/guide', { 'accept-language': 'fr' });
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /Question 1 sur 4/);
      assert.match(first.body, /<use href="#picto-phone"/);
      const second = await app.agent().get('/help/guide?need=procedure', { 'accept-language': 'nl' });
      assert.match(second.body, /Ik spreek…/);
      assert.match(second.body, /name="need" value="procedure"/, 'the first answer travels in a hidden field');
      const last = await app.agent().get('/help/guide?need=procedure&language=ar&communeTyped=1030');
      assert.match(last.body, /name="done" value="1"/);
      const done = await app.agent().get('/help/guide?need=procedure&language=ar&commune=21015&help=moving&done=1');
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/help?commune=21015&service=admin-procedures&language=ar&stepfree=1');
      const results = await app.agent().get(String(done.headers.location));
      assert.match(results.body, /Espace Schaerbeek/);
      assert.doesNotMatch(results.body, /Espace Uccle/);
    });

    test('a place’s page: stable address, hours in words, open now in Brussels time; drafts are 404', async () => {
      const res = await app.agent().get('/help/places/schaerbeek-open', { 'accept-language': 'fr' });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Ouvert maintenant/);
      assert.match(res.body, /Heures d’ouverture/);
      const evere = await app.agent().get('/help/places/evere-closed', { 'accept-language': 'en' });
      assert.match(evere.body, /Closed/);
      assert.match(evere.body.replace(/\u00a0/g, ' '), /opens on 1 January at 10:00/);
      assert.equal((await app.agent().get('/help/places/hidden-draft')).statusCode, 404);
      assert.equal((await stranger.agent.get('/help/places/hidden-draft')).statusCode, 404);
      assert.equal((await app.agent().get('/help/places/nope')).statusCode, 404);
      assert.equal((await app.agent().get('/help/places/..%2F..')).statusCode, 404);
      assert.equal((await officer.agent.get('/help/places/hidden-draft')).statusCode, 200, 'its officer previews it');
    });

    test('every public page is under 50 KB with its stylesheets, and the printable sheet has no navigation', async () => {
      for (const locale of ['fr', 'nl', 'en']) {
        for (const url of [
          '/help',
          '/help?q=1030&free=1',
          '/help/guide',
          '/help/guide?need=job&language=fr',
          '/help/places/schaerbeek-open',
          '/help/print?q=1030',
        ]) {
          const res = await app.agent().get(url, { 'accept-language': locale });
          assert.equal(res.statusCode, 200, url);
          const weight = await pageWeight(app, res.body);
          assert.ok(weight < 50_000, `${url} in ${locale}: ${weight} bytes`);
        }
      }
      const sheet = await app.agent().get('/help/print?q=1030', { 'accept-language': 'fr' });
      assert.doesNotMatch(sheet.body, /class="main-nav/);
      assert.match(sheet.body, /http:\/\/octroi\.test\/help\?q=1030/);
      const home = await app.agent().get('/', { 'accept-language': 'nl' });
      assert.match(home.body, /href="\/help"/);
    });

    test('open data: CSV and JSON in the standard’s fields, schema-valid, with an open licence', async () => {
      const json = await app.agent().get('/open-data/directory.json');
      assert.equal(json.statusCode, 200);
      assert.match(String(json.headers.link), /creativecommons\.org\/licenses\/by\/4\.0/);
      const rows = JSON.parse(json.body) as Record<string, unknown>[];
      assertValid(validateStandardFile, rows, 'directory.json');
      assert.deepEqual(rows.map((r) => r.id).sort(), ['evere-closed', 'schaerbeek-open', 'uccle-weekend']);
      const csv = await app.agent().get('/open-data/directory.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.body.split('\r\n')[0]!, /^id,pivot,/);
      assert.equal(csv.body.trim().split('\r\n').length, 4);
    });

    test('an organisation describes its place, submits it; its funder’s officer reviews and publishes it', async () => {
      const form = {
        funderId,
        name: 'Notre espace',
        enterpriseNumber: '0412345614',
        summaryFr: 'On vous aide.',
        street: 'Rue Haute 1',
        postalCode: '1000',
        services: 'internet-access',
        languages: ['fr', 'nl'],
        openingHours: 'Mo-Fr 9:00-12:00',
      };
      const bad = await member.agent.submit(
        `/organisations/${organisationId}/places`,
        { ...form, openingHours: 'Mo-Fr 25:00-26:00', postalCode: '9999' },
        { from: `/organisations/${organisationId}/places/new` },
      );
      assert.equal(bad.statusCode, 422);
      assert.match(bad.body, /opening hours cannot be read|Brussels postal code/);
      const created = await member.agent.submit(`/organisations/${organisationId}/places`, form, {
        from: `/organisations/${organisationId}/places/new`,
      });
      assert.equal(created.statusCode, 303, created.body.slice(0, 500));
      const path = String(created.headers.location);
      const id = path.split('/').pop()!;
      const list = await member.agent.get(`/organisations/${organisationId}/places`);
      assert.match(list.body, /Notre espace/);
      assert.equal((await stranger.agent.get(`/organisations/${organisationId}/places`)).statusCode, 404);
      assert.equal((await app.agent().get(`/help/places/${id}`)).statusCode, 404, 'not public before review');
      assert.equal(
        (await member.agent.submit(`${path}/publish`, {}, { from: path })).statusCode,
        403,
        'members do not publish',
      );
      assert.equal((await member.agent.submit(`${path}/submit`, {}, { from: path })).statusCode, 303);
      assert.equal((await otherOfficer.agent.get(path)).statusCode, 404, 'another funder’s officer does not see it');
      const review = await officer.agent.get('/manage/places?state=submitted');
      assert.match(review.body, /Notre espace/);
      assert.equal((await officer.agent.submit(`${path}/publish`, {}, { from: path })).statusCode, 303);
      assert.equal((await app.agent().get(`/help/places/${id}`)).statusCode, 200);
      assert.equal((await stranger.agent.get(path)).statusCode, 403, 'a published place is seen but not managed');
      assert.equal((await app.agent().get(path)).statusCode, 303, 'the public is asked to sign in');
      const edit = await member.agent.submit(path, { ...form, version: '3' }, { from: path });
      assert.equal(edit.statusCode, 409, 'the organisation no longer edits a published place');
    });

    test('officers flag places not checked for a year and mark them checked', async () => {
      await published({ id: 'old-place', name: 'Vieux lieu', checkedOn: '2020-01-01' });
      const list = await officer.agent.get('/manage/places');
      assert.match(list.body, /Not checked for a year/);
      assert.equal(
        (await officer.agent.submit('/manage/places/old-place/checked', {}, { from: '/manage/places/old-place' }))
          .statusCode,
        303,
      );
      const place = await app.services.directory.load(officer.actor, 'old-place');
      assert.notEqual(place.record.place.checkedOn, '2020-01-01');
      assert.equal((await otherOfficer.agent.get('/manage/places/old-place')).statusCode, 403);
      assert.equal((await stranger.agent.get('/manage/places')).statusCode, 403);
    });

    test('import: a preview before anything is written, bad rows with their line and reason, re-import changes nothing', async () => {
      const good = [buildPlace({ id: 'imp-1', name: 'Importé 1' }), buildPlace({ id: 'imp-2', name: 'Importé 2' })];
      const lines = placesToCsv(good).trimEnd().split('\r\n');
      const broken = lines[2]!.replace('imp-2', 'imp-3').replace(',1000,', ',9999,');
      expectOk(
        await app.services.directory.createPlace({
          actor: otherOfficer.actor,
          place: buildPlace({ id: 'theirs' }),
          funderId: otherFunderId,
          organisationId: null,
        }),
      );
      const taken = lines[2]!.replace('imp-2', 'theirs');
      const csv = Buffer.from([...lines, broken, taken].join('\r\n') + '\r\n');
      const upload = () =>
        officer.agent.submitFile(
          '/manage/places/import',
          { funderId, source: 'Test' },
          { field: 'file', name: 'places.csv', bytes: csv },
          { from: '/manage/places/import' },
        );
      const other = await otherOfficer.agent.submitFile(
        '/manage/places/import',
        { funderId, source: 'Test' },
        { field: 'file', name: 'places.csv', bytes: csv },
        { from: '/manage/places/import' },
      );
      assert.equal(other.statusCode, 403, 'not their funder');
      const uploaded = await upload();
      assert.equal(uploaded.statusCode, 303, uploaded.body.slice(0, 500));
      const previewPath = String(uploaded.headers.location);
      const preview = await officer.agent.get(previewPath);
      assert.match(preview.body, /2 new places/);
      assert.match(
        preview.body,
        /2 bad rows/,
        preview.body.slice(preview.body.indexOf('<h1'), preview.body.indexOf('</main>')),
      );
      assert.match(preview.body, /Line 4: column code_postal/);
      assert.match(preview.body, /Line 5: column id: A place of another owner/);
      assert.equal((await app.agent().get('/help/places/imp-1')).statusCode, 404, 'nothing written by the preview');
      assert.equal((await otherOfficer.agent.get(previewPath)).statusCode, 404);
      assert.equal((await officer.agent.submit(previewPath, {}, { from: previewPath })).statusCode, 303);
      assert.equal((await app.agent().get('/help/places/imp-1')).statusCode, 200);
      assert.equal(
        (await officer.agent.submit(previewPath, {}, { from: previewPath })).statusCode,
        409,
        'applied once',
      );
      const again = await officer.agent.get(String((await upload()).headers.location));
      assert.match(again.body, /No new place/);
      assert.match(again.body, /No place changes/);
      assert.match(again.body, /2 places stay the same/);
      assert.match(again.body, /would change nothing/);
      const json = await officer.agent.submitFile(
        '/manage/places/import',
        { funderId, source: 'Test' },
        { field: 'file', name: 'places.json', bytes: Buffer.from('{"not": "a list"}') },
        { from: '/manage/places/import' },
      );
      assert.equal(json.statusCode, 422);
      assert.match(json.body, /must be a list of places/);
      assert.equal((await verifyAuditChain(app.database.db)).ok, true);
    });
  });
}
